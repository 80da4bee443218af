package dev.codespar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.internal.json.Json;
import dev.codespar.internal.validation.Validation;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The client-side check of test-mode mocks (contract §9), so that a bad mock fails before the network with a
 * message naming its key instead of a 400 {@code mocks_invalid} or a 413 {@code mocks_payload_too_large}.
 */
final class MockRules {

    /** Canonical {@code server/tool} key. */
    static final Pattern CANONICAL_KEY = Pattern.compile("^[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9_-]*$");
    /** Bare meta-tool key, accepted by the runtime as long as it has no {@code __}. */
    static final Pattern META_TOOL_KEY = Pattern.compile("^[a-z][a-z0-9_]*$");
    /** The largest serialized {@code mocks} object the server accepts. */
    static final int MAX_BYTES = 64 * 1024;

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
                        + " stateful mock, one entry per call), got " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        int size = Json.toBytes(mocks).length;
        if (size > MAX_BYTES) {
            throw Validation.invalid("config.mocks: " + size + " bytes once serialized, more than the " + MAX_BYTES
                    + " bytes (64 KiB) the server accepts");
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
