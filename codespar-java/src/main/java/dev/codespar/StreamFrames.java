package dev.codespar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.errors.ApiError;
import dev.codespar.errors.ErrorDetails;
import dev.codespar.errors.StreamError;
import dev.codespar.internal.http.ErrorEnvelope;
import dev.codespar.internal.json.Json;
import dev.codespar.internal.sse.FrameJson;
import dev.codespar.internal.sse.SseEventSource;
import dev.codespar.internal.sse.SseFrame;
import java.io.IOException;
import okhttp3.Headers;

/** What the send and status stream decoders share: the JSON of a frame and the exception of an error event. */
final class StreamFrames {

    private StreamFrames() {}

    /**
     * The frame's data as a JSON tree; no data reads as an empty object. Malformed JSON fails the stream: a frame
     * the SDK cannot read may hold the result the caller waits for. {@link FrameJson} reads the common documents;
     * Jackson reads the rest and words every refusal.
     */
    static JsonNode json(SseFrame frame, SseEventSource<?> stream) {
        byte[] bytes = frame.data();
        if (bytes == null || bytes.length == 0) {
            return Json.MAPPER.createObjectNode();
        }
        JsonNode fast = FrameJson.tree(bytes);
        if (fast != null) {
            return fast;
        }
        try {
            JsonNode node = Json.TREE_READER.readTree(bytes);
            return node == null || node.isMissingNode() ? Json.MAPPER.createObjectNode() : node;
        } catch (IOException | RuntimeException e) {
            // RuntimeException: Jackson throws NumberFormatException for a number BigDecimal cannot hold (1e99999999999)
            throw new StreamError("the " + frame.name() + " event after " + stream.delivered()
                    + " events carried data that is not JSON: " + e.getMessage(), stream.requestId(),
                    stream.delivered(), e);
        }
    }

    /** The frame's data as a JSON tree, or {@code null} when it has none or it is not JSON. */
    static JsonNode jsonOrNull(SseFrame frame) {
        byte[] bytes = frame.data();
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        JsonNode fast = FrameJson.tree(bytes);
        if (fast != null) {
            return fast;
        }
        try {
            return Json.TREE_READER.readTree(bytes);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The exception of an in-band {@code error} event: the {@link ApiError} subclass of its code, read with the
     * lenient envelope parser (the status is {@code data.status} when present, else the stream's 200), or a
     * {@link StreamError} with the server's message when it has no code.
     */
    static RuntimeException error(JsonNode data, SseFrame frame, SseEventSource<?> stream) {
        byte[] bytes = frame.data() == null ? new byte[0] : frame.data();
        int status = data.path("status").isInt() ? data.get("status").asInt() : 200;
        ErrorDetails details = ErrorEnvelope.parse(status, Headers.of(), bytes, false, null, null,
                System.currentTimeMillis());
        if (details.code() == null) {
            String message = details.message() != null ? details.message() : "no message";
            return new StreamError("the server sent an error event after " + stream.delivered() + " events: "
                    + message, stream.requestId(), stream.delivered(), null);
        }
        if (details.requestId() == null) {
            details = details.withRequestId(stream.requestId());
        }
        return ApiError.from(details.withAttempts(1));
    }
}
