package dev.codespar.testkit.internal.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.testkit.internal.state.SessionRecord;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.wire.CallContext;
import dev.codespar.testkit.internal.wire.Json;
import java.util.Set;

/**
 * One meta-tool call: the session, the input, the server it runs on, and input helpers that fail the way the API
 * does.
 *
 * @param world the state (locked)
 * @param session the session
 * @param tool the tool
 * @param input the input object
 * @param server the server it runs on ({@code codespar} for the platform)
 * @param ctx the request
 */
public record MetaCall(World world, SessionRecord session, String tool, JsonNode input, String server,
        CallContext ctx) {

    /**
     * A required non-blank string.
     *
     * @param field the field
     * @return its value
     * @throws ToolInputError when missing or not a string
     */
    public String required(String field) {
        JsonNode v = input.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            throw new ToolInputError("Missing required field: " + field);
        }
        if (!v.isTextual()) {
            throw new ToolInputError(field + " must be a string");
        }
        return v.asText();
    }

    /**
     * An optional string.
     *
     * @param field the field
     * @param fallback when absent or blank
     * @return the value
     */
    public String text(String field, String fallback) {
        String v = Json.string(input, field);
        return v == null || v.isBlank() ? fallback : v;
    }

    /**
     * A required string out of a closed set.
     *
     * @param field the field
     * @param allowed the values
     * @param fallback the default when absent, or {@code null} when the field is required
     * @return the value
     */
    public String oneOf(String field, Set<String> allowed, String fallback) {
        String v = fallback == null ? required(field) : text(field, fallback);
        if (!allowed.contains(v)) {
            throw new ToolInputError(field + " must be one of " + String.join(", ", sorted(allowed)) + "; got " + v);
        }
        return v;
    }

    /**
     * A required positive integer (minor units).
     *
     * @param field the field
     * @return the value
     */
    public long positiveInteger(String field) {
        JsonNode v = input.get(field);
        if (v == null || v.isNull()) {
            throw new ToolInputError("Missing required field: " + field);
        }
        if (!v.isIntegralNumber() || v.asLong() <= 0) {
            throw new ToolInputError(field + " must be a positive integer in minor units (e.g. 1000 = R$10)");
        }
        return v.asLong();
    }

    /**
     * A required object.
     *
     * @param field the field
     * @return the value
     */
    public JsonNode object(String field) {
        JsonNode v = input.get(field);
        if (v == null || v.isNull()) {
            throw new ToolInputError("Missing required field: " + field);
        }
        if (!v.isObject()) {
            throw new ToolInputError(field + " must be an object");
        }
        return v;
    }

    /**
     * The fake's base URL, for hosted pages and labels.
     *
     * @return the URL
     */
    public String baseUrl() {
        return world.baseUrl();
    }

    private static java.util.List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
