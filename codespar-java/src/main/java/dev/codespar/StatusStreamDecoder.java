package dev.codespar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.internal.sse.SseEventSource;
import dev.codespar.internal.sse.SseFrame;
import java.util.function.Function;

/**
 * Reads a payment or verification status stream: {@code snapshot} once, {@code update} on each
 * change, then {@code done} (whose data, when it is a non-empty object, counts as the final envelope). Heartbeat
 * comments never reach the decoder; other event names are skipped; an {@code error} event is thrown like on the
 * send stream.
 *
 * @param <T> the envelope type
 */
final class StatusStreamDecoder<T> implements SseEventSource.Decoder<StatusEvent<T>> {

    private final Function<JsonNode, T> envelope;

    StatusStreamDecoder(Function<JsonNode, T> envelope) {
        this.envelope = envelope;
    }

    @Override
    public StatusEvent<T> decode(SseFrame frame, SseEventSource<?> stream) {
        switch (frame.name()) {
            case "snapshot":
                return new StatusEvent<>(StatusEvent.Kind.SNAPSHOT, envelope.apply(StreamFrames.json(frame, stream)));
            case "update":
                return new StatusEvent<>(StatusEvent.Kind.UPDATE, envelope.apply(StreamFrames.json(frame, stream)));
            case "done":
                JsonNode data = StreamFrames.json(frame, stream);
                return new StatusEvent<>(StatusEvent.Kind.DONE,
                        data.isObject() && !data.isEmpty() ? envelope.apply(data) : null);
            case "error":
                throw StreamFrames.error(StreamFrames.json(frame, stream), frame, stream);
            default:
                return null;
        }
    }

    @Override
    public boolean isTerminal(StatusEvent<T> event) {
        return event.isDone();
    }
}
