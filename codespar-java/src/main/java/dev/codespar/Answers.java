package dev.codespar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.internal.http.JsonAnswer;
import dev.codespar.internal.http.JsonReaders;
import java.time.Instant;

/**
 * Tolerant readers for the objects of the management endpoints, on top of {@link Values}: missing, {@code null} and
 * wrong-typed fields read as absent; an object may arrive bare or wrapped ({@code {"project": {...}}},
 * {@code {"data": {...}}}).
 */
final class Answers {

    private Answers() {}

    /**
     * The object an answer is about: the body itself when it has an {@code id}, else the first wrapper key that
     * holds an object, else {@code data} when it holds one, else the body.
     */
    static JsonNode unwrap(JsonNode json, String... wrappers) {
        return unwrapKeyed("id", json, wrappers);
    }

    /** {@link #unwrap} for objects keyed by another field than {@code id} (tools: {@code name}). */
    static JsonNode unwrapKeyed(String ownKey, JsonNode json, String... wrappers) {
        if (json == null || !json.isObject()) {
            return json == null ? NullNode.getInstance() : json;
        }
        if (json.hasNonNull(ownKey)) {
            return json;
        }
        for (String key : wrappers) {
            JsonNode inner = json.get(key);
            if (inner != null && inner.isObject()) {
                return inner;
            }
        }
        JsonNode data = json.get("data");
        return data != null && data.isObject() ? data : json;
    }

    /** The first of the fields that holds a text (or a number), else {@code null}. */
    static String text(JsonNode json, String... fields) {
        for (String field : fields) {
            String value = Values.text(json, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The first of the fields that holds a timestamp {@link Values#instant} can read, else {@code null}. */
    static Instant instant(JsonNode json, String... fields) {
        for (String field : fields) {
            Instant value = Values.instant(json, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The first of the fields that holds a whole number (or a text holding one), else {@code null}. */
    static Long number(JsonNode json, String... fields) {
        for (String field : fields) {
            JsonNode node = json.get(field);
            if (node == null || node.isNull()) {
                continue;
            }
            if (node.isIntegralNumber() || (node.isNumber() && node.asDouble() == Math.rint(node.asDouble()))) {
                return node.asLong();
            }
            if (node.isTextual()) {
                try {
                    return Long.parseLong(node.asText().trim());
                } catch (NumberFormatException ignored) {
                    // not a number: try the next field
                }
            }
        }
        return null;
    }

    /** A boolean field ({@code true}/{@code false}, or the texts {@code "true"}/{@code "false"}), else {@code null}. */
    static Boolean bool(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isTextual() && (node.asText().equals("true") || node.asText().equals("false"))) {
            return Boolean.valueOf(node.asText());
        }
        return null;
    }

    /** The first of the fields present and not {@code null}, else {@link NullNode}. */
    static JsonNode node(JsonNode json, String... fields) {
        for (String field : fields) {
            JsonNode node = json.get(field);
            if (node != null && !node.isNull()) {
                return node;
            }
        }
        return NullNode.getInstance();
    }

    /**
     * A deep copy of an object without the named fields: what the value types keep as their raw JSON when a field
     * is a secret (so that logging the raw object never leaks it).
     */
    static JsonNode without(JsonNode json, String... secretFields) {
        if (json == null || !json.isObject()) {
            return json == null ? NullNode.getInstance() : json;
        }
        ObjectNode copy = ((ObjectNode) json).deepCopy();
        copy.remove(java.util.List.of(secretFields));
        return copy;
    }

    /** The answer with its secret fields removed at the top level and in the wrapped object, for error bodies. */
    static JsonAnswer redacted(JsonAnswer answer, String... secretFields) {
        JsonNode json = without(answer.json(), secretFields);
        if (json.isObject()) {
            ObjectNode copy = (ObjectNode) json;
            copy.fields().forEachRemaining(e -> {
                if (e.getValue().isObject()) {
                    ((ObjectNode) e.getValue()).remove(java.util.List.of(secretFields));
                }
            });
        }
        return new JsonAnswer(json, answer.status(), answer.requestId(), answer.call());
    }

    /**
     * The object's {@code id}, or the {@code invalid_response} error naming the call. The error's body is the answer
     * without the secret fields (see {@link #redacted}); on success nothing is copied.
     */
    static String requireId(JsonAnswer answer, JsonNode object, String what, String... secretFields) {
        return require(answer, object, "id", what, secretFields);
    }

    /** {@link #requireId} for another text field. */
    static String require(JsonAnswer answer, JsonNode object, String field, String what, String... secretFields) {
        String value = Values.text(object, field);
        if (value == null) {
            throw JsonReaders.missingField(secretFields.length == 0 ? answer : redacted(answer, secretFields), field,
                    what);
        }
        return value;
    }
}
