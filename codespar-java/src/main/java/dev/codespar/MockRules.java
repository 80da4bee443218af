package dev.codespar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.internal.json.Json;
import dev.codespar.internal.validation.Validation;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The client-side check of test-mode mocks, so that a bad mock fails before the network with a
 * message naming its key instead of a 400 {@code mocks_invalid} or a 413 {@code mocks_payload_too_large}.
 */
final class MockRules {

    /** Canonical {@code server/tool} key. */
    static final Pattern CANONICAL_KEY = Pattern.compile("^[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9_-]*$");
    /** Bare meta-tool key, accepted by the runtime as long as it has no {@code __}. */
    static final Pattern META_TOOL_KEY = Pattern.compile("^[a-z][a-z0-9_]*$");
    /**
     * The largest serialized {@code mocks} the server accepts, in UTF-16 code units: the server measures
     * {@code JSON.stringify(mocks).length}, which counts "é" once where UTF-8 takes two bytes, and an emoji twice.
     */
    static final int MAX_LENGTH = 64 * 1024;

    private MockRules() {}

    static void check(Map<String, Object> mocks) {
        for (Map.Entry<String, Object> e : mocks.entrySet()) {
            String key = e.getKey();
            String field = "config.mocks[\"" + key + "\"]";
            if (!isValidKey(key)) {
                throw Validation.invalid(field + ": the key must be a server/tool name such as asaas/create_payment"
                        + " (lower case; the double-underscore form asaas__create_payment is not accepted)"
                        + " or a bare meta-tool name such as codespar_pay");
            }
            JsonNode value;
            try {
                value = Json.toTree(e.getValue());
            } catch (IllegalArgumentException notJson) {
                throw Validation.invalid(field + ": the value cannot be written as JSON: " + notJson.getMessage());
            }
            if (!isMockValue(value)) {
                throw Validation.invalid(field + ": must be an object (a static mock) or a list of objects (a"
                        + " stateful mock, one entry per call), got "
                        + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        // compact JSON escapes what JSON.stringify escapes and leaves other characters as they are, so the Java
        // string has the length the server computes
        int length = Json.toText(mocks).length();
        if (length > MAX_LENGTH) {
            throw Validation.invalid("config.mocks: " + length + " characters once serialized as JSON (counted as"
                    + " the server counts them: UTF-16 code units of the compact JSON), more than the " + MAX_LENGTH
                    + " the server accepts");
        }
    }

    static boolean isValidKey(String key) {
        return key != null && (CANONICAL_KEY.matcher(key).matches()
                || (META_TOOL_KEY.matcher(key).matches() && !key.contains("__")));
    }

    private static boolean isMockValue(JsonNode value) {
        if (value.isObject()) {
            return true;
        }
        if (!value.isArray()) {
            return false;
        }
        for (JsonNode item : value) {
            if (!item.isObject()) {
                return false;
            }
        }
        return true;
    }
}
