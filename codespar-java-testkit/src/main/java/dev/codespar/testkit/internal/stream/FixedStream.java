package dev.codespar.testkit.internal.stream;

import dev.codespar.testkit.Fault;
import dev.codespar.testkit.internal.http.ChunkedSink;
import dev.codespar.testkit.internal.wire.SseFrames;
import dev.codespar.testkit.internal.wire.SsePlan;
import java.io.IOException;
import java.util.List;
import java.util.function.LongSupplier;

/** A stream whose frames are all known up front (the send stream); the last frame is the terminal one. */
public final class FixedStream implements SsePlan {

    private final List<String> frames;
    private final LongSupplier clock;

    /**
     * A stream.
     *
     * @param frames its frames, terminal last
     * @param epochMillis the clock of the heartbeat after the first frame, or {@code null} for no heartbeat
     */
    public FixedStream(List<String> frames, LongSupplier epochMillis) {
        this.frames = List.copyOf(frames);
        this.clock = epochMillis;
    }

    @Override
    public void run(ChunkedSink sink, Fault fault) throws IOException {
        for (int i = 0; i < frames.size(); i++) {
            boolean terminal = i == frames.size() - 1;
            if (terminal && fault == Fault.TRUNCATE_STREAM) {
                break;
            }
            sink.chunk(frames.get(i));
            if (i == 0) {
                if (Faults.cutAfterFirstEvent(sink, fault)) {
                    return;
                }
                if (clock != null) {
                    sink.chunk(SseFrames.heartbeat(clock.getAsLong()));
                }
            }
        }
        sink.end();
    }
}
