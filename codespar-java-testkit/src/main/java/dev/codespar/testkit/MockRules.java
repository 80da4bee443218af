package dev.codespar.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/** The server's checks on a create's {@code mocks} (§9): size, then keys and values. */
final class MockRules {

    static final int MAX_BYTES = 64 * 1024;

    private static final Pattern CANONICAL = Pattern.compile("^[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9_-]*$");
    private static final Pattern META = Pattern.compile("^[a-z][a-z0-9_]*$");
    private static final String VALUE_MESSAGE = "mock value must be an object or an array of objects";

    /** A shape problem: the JSON pointer of the offending part and what is wrong with it. */
    record Problem(String field, String message) {}

    private MockRules() {}

    static boolean tooLarge(JsonNode mocks) {
        return Wire.bytes(mocks).length > MAX_BYTES;
    }

    /** The first shape problem, or {@code null} when the mocks are valid. */
    static Problem check(JsonNode mocks) {
        if (!mocks.isObject()) {
            return new Problem("/mocks", "mocks must be an object keyed by server/tool");
        }
        Iterator<Map.Entry<String, JsonNode>> it = mocks.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String pointer = "/mocks/" + Wire.pointerSegment(key);
            if (!isValidKey(key)) {
                return new Problem(pointer, "mock key must be server/tool (e.g. asaas/create_payment) or a meta-tool"
                        + " name (e.g. codespar_pay)");
            }
            JsonNode value = e.getValue();
            if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    if (!value.get(i).isObject()) {
                        return new Problem(pointer + "/" + i, VALUE_MESSAGE);
                    }
                }
            } else if (!value.isObject()) {
                return new Problem(pointer, VALUE_MESSAGE);
            }
        }
        return null;
    }

    static boolean isValidKey(String key) {
        return CANONICAL.matcher(key).matches() || (META.matcher(key).matches() && !key.contains("__"));
    }
}
