package dev.codespar.testkit.internal.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** JSON and timestamps as the CodeSpar API writes them. */
public final class Json {

    /** The one mapper of the fake. */
    public static final ObjectMapper MAPPER = new ObjectMapper();
    /** The node factory. */
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final DateTimeFormatter JS_ISO =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Json() {}

    /**
     * A new empty object.
     *
     * @return the node
     */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /**
     * A new array of strings.
     *
     * @param values the strings
     * @return the node
     */
    public static ArrayNode strings(Iterable<String> values) {
        ArrayNode a = NODES.arrayNode();
        values.forEach(a::add);
        return a;
    }

    /**
     * ISO-8601 with offset, to the second: {@code 2026-05-02T10:00:00Z}.
     *
     * @param instant the time
     * @return the text
     */
    public static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * ISO-8601 with milliseconds, as JavaScript's {@code toISOString()} writes it.
     *
     * @param instant the time
     * @return the text
     */
    public static String isoMillis(Instant instant) {
        return JS_ISO.format(instant);
    }

    /**
     * Compact JSON bytes.
     *
     * @param node the tree
     * @return UTF-8 bytes
     */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compact JSON text.
     *
     * @param node the tree
     * @return the text
     */
    public static String text(JsonNode node) {
        return new String(bytes(node), StandardCharsets.UTF_8);
    }

    /**
     * Parses a request body.
     *
     * @param body the bytes
     * @return the tree, or {@code null} when empty or not JSON
     */
    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Converts a caller's value (a Map, a record, a JsonNode; a JSON string is NOT parsed) to a tree.
     *
     * @param value the value
     * @return a tree the caller cannot change afterwards
     */
    public static JsonNode tree(Object value) {
        if (value instanceof JsonNode) {
            return ((JsonNode) value).deepCopy();
        }
        return MAPPER.valueToTree(value);
    }

    /**
     * Parses JSON text given by a test author; a mistake there is a bug of the test, so it throws.
     *
     * @param json the text
     * @return the tree
     * @throws IllegalArgumentException when it is not JSON
     */
    public static JsonNode parseStrict(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A string field.
     *
     * @param node an object, or {@code null}
     * @param field the field
     * @return the value, or {@code null} when absent, null or not a string
     */
    public static String string(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    /**
     * RFC 6901 escaping of one JSON-pointer segment.
     *
     * @param raw the segment
     * @return the escaped segment
     */
    public static String pointerSegment(String raw) {
        return raw.replace("~", "~0").replace("/", "~1");
    }
}
