package dev.codespar.testkit.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.testkit.internal.wire.Json;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The servers' checks on a create's {@code mocks}: a size cap on the JSON text, then an object keyed by
 * {@code server/tool} (or a bare meta-tool name), each value an object or an array of objects. Messages never echo
 * the caller's keys or values; the JSON pointer in {@code field} says where.
 */
public final class MockRules {

    /** The cap on the serialized {@code mocks}, in characters of its JSON text. */
    public static final int MAX_BYTES = 64 * 1024;

    private static final Pattern CANONICAL = Pattern.compile("^[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9_-]*$");
    private static final Pattern META = Pattern.compile("^[a-z][a-z0-9_]*$");

    /**
     * A shape problem.
     *
     * @param field the JSON pointer of the offending part
     * @param message what is wrong
     */
    public record Problem(String field, String message) {}

    private MockRules() {}

    /**
     * Whether the mocks are over the cap.
     *
     * @param mocks the value
     * @return {@code true} when too large
     */
    public static boolean tooLarge(JsonNode mocks) {
        return Json.text(mocks).length() > MAX_BYTES;
    }

    /**
     * The first shape problem.
     *
     * @param mocks the value
     * @return the problem, or {@code null} when valid
     */
    public static Problem check(JsonNode mocks) {
        if (!mocks.isObject()) {
            return new Problem("/mocks", "mocks field must be a JSON object; see field for location");
        }
        Iterator<Map.Entry<String, JsonNode>> it = mocks.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String pointer = "/mocks/" + Json.pointerSegment(key);
            if (!isValidKey(key)) {
                return new Problem(pointer, "key must be a canonical server/tool form or a bare meta-tool name;"
                        + " see field for location");
            }
            JsonNode value = e.getValue();
            if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    if (!value.get(i).isObject()) {
                        return new Problem(pointer + "/" + i, "stateful array entry must be a non-null JSON object;"
                                + " see field for location");
                    }
                }
            } else if (!value.isObject()) {
                return new Problem(pointer, "mock value must be a non-null JSON object or an array of non-null JSON"
                        + " objects; see field for location");
            }
        }
        return null;
    }

    /**
     * Whether a mock key is valid.
     *
     * @param key the key
     * @return {@code true} for {@code server/tool} or a bare meta-tool name without {@code __}
     */
    public static boolean isValidKey(String key) {
        return CANONICAL.matcher(key).matches() || (META.matcher(key).matches() && !key.contains("__"));
    }
}
