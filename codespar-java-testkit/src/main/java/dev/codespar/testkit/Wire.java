package dev.codespar.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Random;

/** JSON, identifiers and timestamps as the CodeSpar API writes them. */
final class Wire {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String HEX = "0123456789abcdef";
    private static final Random RANDOM = new SecureRandom();

    private Wire() {}

    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** A prefixed id with {@code n} random letters and digits, e.g. {@code ses_HZb4d5yxIAxLawb4}. */
    static String id(String prefix, int n) {
        StringBuilder sb = new StringBuilder(prefix.length() + n).append(prefix);
        for (int i = 0; i < n; i++) {
            sb.append(ALNUM.charAt(RANDOM.nextInt(ALNUM.length())));
        }
        return sb.toString();
    }

    /** A fresh request id, {@code req_} and 16 hex digits. */
    static String requestId() {
        StringBuilder sb = new StringBuilder(20).append("req_");
        for (int i = 0; i < 16; i++) {
            sb.append(HEX.charAt(RANDOM.nextInt(16)));
        }
        return sb.toString();
    }

    /** ISO-8601 with offset, to the second: {@code 2026-05-02T10:00:00Z}. */
    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(JsonNode node) {
        return new String(bytes(node), StandardCharsets.UTF_8);
    }

    /** Parses a request body; {@code null} when it is empty or not JSON. */
    static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Converts a caller's value (a Map, a record, a JsonNode, a JSON string is NOT parsed) to a tree. */
    static JsonNode tree(Object value) {
        if (value instanceof JsonNode) {
            return ((JsonNode) value).deepCopy();
        }
        return MAPPER.valueToTree(value);
    }

    /** Parses JSON text given by a test author; a mistake there is a bug of the test, so it throws. */
    static JsonNode parseStrict(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A string field, or {@code null} when absent, null or not a string. */
    static String string(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    /** RFC 6901 escaping of one JSON-pointer segment. */
    static String pointerSegment(String raw) {
        return raw.replace("~", "~0").replace("/", "~1");
    }
}
