package dev.codespar;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Tolerant readers for fields of server JSON: missing, {@code null} and wrong-typed fields read as absent. */
final class Values {

    private Values() {}

    static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    static String textOr(JsonNode json, String field, String fallback) {
        String value = text(json, field);
        return value != null ? value : fallback;
    }

    /** An ISO-8601 timestamp with offset, or epoch milliseconds; anything else reads as {@code null}. */
    static Instant instant(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return Instant.ofEpochMilli(node.asLong());
        }
        if (!node.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(node.asText());
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    /** A list of strings; objects contribute their {@code id} (old answers list servers as objects). */
    static List<String> ids(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array == null || !array.isArray()) {
            return List.of();
        }
        for (JsonNode item : array) {
            if (item.isTextual()) {
                out.add(item.asText());
            } else if (item.isObject() && item.path("id").isTextual()) {
                out.add(item.get("id").asText());
            }
        }
        return List.copyOf(out);
    }
}
