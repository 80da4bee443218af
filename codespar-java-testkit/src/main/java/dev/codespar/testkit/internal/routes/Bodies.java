package dev.codespar.testkit.internal.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.testkit.internal.wire.Answer;
import dev.codespar.testkit.internal.wire.Json;

/** Reading request bodies the way the hosted API checks them. */
public final class Bodies {

    private Bodies() {}

    /**
     * The body, which must be a JSON object.
     *
     * @param ex the request
     * @return the object
     */
    public static JsonNode object(Exchange ex) {
        if (ex.json == null || !ex.json.isObject()) {
            throw Answer.invalid(ex, ex.raw.body().length == 0 ? "Missing request body"
                    : "Malformed JSON body: expected an object");
        }
        return ex.json;
    }

    /**
     * A required non-blank string field.
     *
     * @param ex the request
     * @param body the body
     * @param field the field
     * @return the value
     */
    public static String required(Exchange ex, JsonNode body, String field) {
        String v = Json.string(body, field);
        if (v == null || v.isBlank()) {
            JsonNode node = body.get(field);
            throw Answer.invalid(ex, node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())
                    ? "Missing required field: " + field : field + " must be a string");
        }
        return v;
    }

    /**
     * An optional string field.
     *
     * @param ex the request
     * @param body the body
     * @param field the field
     * @return the value, or {@code null} when absent or null
     */
    public static String optional(Exchange ex, JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw Answer.invalid(ex, field + " must be a string");
        }
        return v.asText();
    }

    /**
     * A length check.
     *
     * @param ex the request
     * @param value the value
     * @param field its name
     * @param min the least length
     * @param max the greatest length
     */
    public static void length(Exchange ex, String value, String field, int min, int max) {
        if (value.length() < min || value.length() > max) {
            throw Answer.invalid(ex, field + " must be " + min + " to " + max + " characters");
        }
    }

    /**
     * A {@code limit} query parameter.
     *
     * @param ex the request
     * @param fallback when absent
     * @param max the greatest value
     * @return the limit
     */
    public static int limit(Exchange ex, int fallback, int max) {
        return intParam(ex, "limit", fallback, 1, max);
    }

    /**
     * An {@code offset} query parameter.
     *
     * @param ex the request
     * @return the offset, 0 when absent
     */
    public static int offset(Exchange ex) {
        return intParam(ex, "offset", 0, 0, Integer.MAX_VALUE);
    }

    private static int intParam(Exchange ex, String name, int fallback, int min, int max) {
        String v = ex.queryParam(name);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw Answer.invalid(ex, name + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw Answer.invalid(ex, name + " must be an integer");
        }
    }
}
