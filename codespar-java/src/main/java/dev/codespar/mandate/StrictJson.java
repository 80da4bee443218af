package dev.codespar.mandate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The JSON reader of this package: trees only (no data binding, so no default typing and no class named by input),
 * standard JSON only (Jackson's defaults refuse comments, single quotes, NaN), and two strict switches on top -- a
 * repeated key or content after the document is an error rather than "last one wins" or ignored, because a signed
 * token that two readers could see differently is not a token to accept.
 */
final class StrictJson {

    private static final ObjectReader READER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build()
            .reader();

    private StrictJson() {}

    /**
     * Reads UTF-8 bytes as one JSON value.
     *
     * @throws IllegalArgumentException when the bytes are not strict UTF-8 or not exactly one JSON value; the
     *     message says which ("is not UTF-8", "is not valid JSON (line 1, column 7)") and never quotes the input.
     *     Jackson's own exception is not chained: its message may quote the input, and the input here can be part
     *     of a bearer credential.
     */
    static JsonNode read(byte[] utf8) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("is not UTF-8");
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            throw new IllegalArgumentException("starts with a byte-order mark");
        }
        JsonNode tree;
        try {
            tree = READER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException(at == null
                    ? "is not valid JSON"
                    : "is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
        }
        if (tree == null || tree.isMissingNode()) {
            throw new IllegalArgumentException("is empty");
        }
        return tree;
    }
}
