package dev.codespar.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one configured {@link ObjectMapper} of the SDK.
 *
 * <p>Lenient on input (unknown fields ignored, unknown enum values mapped to their {@code @JsonEnumDefaultValue},
 * decimals kept exact as {@link java.math.BigDecimal}), ISO-8601 for timestamps, and never polymorphic: default
 * typing stays off, so no class named by the server is ever instantiated. Bounded: a document over
 * {@link #MAX_DOCUMENT_BYTES} is refused.
 */
public final class Json {

    /**
     * The largest JSON document the SDK reads: 64 MiB. A server that sends more (a hostile or broken one) gets an
     * {@code invalid_response} error after that many bytes instead of exhausting memory. Jackson's other defaults
     * stay in force: strings up to 20 M characters, numbers up to 1000 digits, nesting up to 1000 levels.
     */
    public static final long MAX_DOCUMENT_BYTES = 64L * 1024 * 1024;

    /** The shared mapper; thread-safe once configured, never reconfigured. */
    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxDocumentLength(MAX_DOCUMENT_BYTES)
                            .build())
                    .build())
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    /** A reader of JSON trees from the shared mapper (readers are immutable and thread-safe). */
    public static final ObjectReader TREE_READER = MAPPER.reader();

    private Json() {}

    /**
     * Serializes a value to compact UTF-8 JSON.
     *
     * @param value the value
     * @return the bytes
     */
    public static byte[] toBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Serializes a value to compact JSON text.
     *
     * @param value the value
     * @return the text
     */
    public static String toText(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Converts a value (map, record, list) to a JSON tree.
     *
     * @param value the value, or {@code null}
     * @return the tree; {@link NullNode} for {@code null}
     */
    public static JsonNode toTree(Object value) {
        return value == null ? NullNode.getInstance() : MAPPER.valueToTree(value);
    }

    /**
     * Converts a value (a record, a POJO) to the map it serializes as, keys in serialization order. Numbers stay the
     * Java values they were: a {@code BigDecimal} keeps its scale ({@code 125.00}), which a tree would normalise.
     *
     * @param value the value
     * @return the map
     * @throws IllegalArgumentException when the value does not serialize as a JSON object
     */
    @SuppressWarnings("unchecked")
    public static java.util.Map<String, Object> toMap(Object value) {
        return MAPPER.convertValue(value, java.util.LinkedHashMap.class);
    }

    /**
     * Reads a JSON tree into a type.
     *
     * @param node the tree
     * @param type the target type
     * @param <T> the target type
     * @return the value, or {@code null} for a missing or null node
     */
    public static <T> T convert(JsonNode node, Class<T> type) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "JSON does not fit " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Parses bytes as a JSON tree.
     *
     * @param bytes UTF-8 JSON
     * @return the tree
     * @throws UncheckedIOException when the bytes are not JSON
     */
    public static JsonNode parse(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
