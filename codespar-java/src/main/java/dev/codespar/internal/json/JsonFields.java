package dev.codespar.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tolerant readers for the fields of server JSON: a missing, {@code null} or wrong-typed field reads as absent, never
 * as an exception, because unknown and missing fields appear over time. An object may arrive bare or wrapped
 * ({@code {"project": {...}}}, {@code {"data": {...}}}).
 */
public final class JsonFields {

    private JsonFields() {}

    /** A text (or number, or boolean) field as text; {@code null} when missing, {@code null} or a container. */
    public static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    /** {@link #text}, with a fallback for a field that is absent. */
    public static String textOr(JsonNode json, String field, String fallback) {
        String value = text(json, field);
        return value != null ? value : fallback;
    }

    /** An ISO-8601 timestamp with offset, or epoch milliseconds; anything else reads as {@code null}. */
    public static Instant instant(JsonNode json, String field) {
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
        Instant fast = isoInstant(node.asText());
        if (fast != null) {
            return fast;
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

    /**
     * The common shape of server timestamps, {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|+HH:mm|-HH:mm)}, read without
     * {@code java.time}'s formatter (which costs microseconds and a kilobyte of garbage per call). The result is the
     * one {@link OffsetDateTime#parse} gives for such a text; anything else (another shape, an invalid date, an
     * out-of-range field) returns {@code null} and goes through the formatter as before.
     */
    public static Instant isoInstant(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > monthLength(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                nanos = nanos * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == start) {
                return null;
            }
            for (int k = i - start; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if (oh < 0 || oh > 17 || om < 0 || om > 59) {
                return null;
            }
            offsetSeconds = (s.charAt(i) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return null;
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds, nanos);
    }

    /** The number in {@code s[from, from + count)}, or -1 when a character there is not an ASCII digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int monthLength(int year, int month) {
        return java.time.Month.of(month).length(java.time.Year.isLeap(year));
    }

    /** A list of strings; objects contribute their {@code id} (old answers list servers as objects). */
    public static List<String> ids(JsonNode array) {
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


    /**
     * The object an answer is about: the body itself when it has an {@code id}, else the first wrapper key that
     * holds an object, else {@code data} when it holds one, else the body.
     */
    public static JsonNode unwrap(JsonNode json, String... wrappers) {
        return unwrapKeyed("id", json, wrappers);
    }

    /** {@link #unwrap} for objects keyed by another field than {@code id} (tools: {@code name}). */
    public static JsonNode unwrapKeyed(String ownKey, JsonNode json, String... wrappers) {
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
    public static String firstText(JsonNode json, String... fields) {
        for (String field : fields) {
            String value = text(json, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The first of the fields that holds a timestamp {@link #instant} can read, else {@code null}. */
    public static Instant firstInstant(JsonNode json, String... fields) {
        for (String field : fields) {
            Instant value = instant(json, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The first of the fields that holds a whole number (or a text holding one), else {@code null}. */
    public static Long firstLong(JsonNode json, String... fields) {
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
    public static Boolean bool(JsonNode json, String field) {
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
    public static JsonNode firstNode(JsonNode json, String... fields) {
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
    public static JsonNode without(JsonNode json, String... secretFields) {
        if (json == null || !json.isObject()) {
            return json == null ? NullNode.getInstance() : json;
        }
        ObjectNode copy = ((ObjectNode) json).deepCopy();
        copy.remove(java.util.List.of(secretFields));
        return copy;
    }

}
