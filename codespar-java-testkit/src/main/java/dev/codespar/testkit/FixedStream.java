package dev.codespar.testkit;

import java.io.IOException;
import java.util.List;
import java.util.function.LongSupplier;

/** A stream whose frames are all known up front (the send stream); the last frame is the terminal one. */
final class FixedStream implements SsePlan {

    private final List<String> frames;
    private final LongSupplier clock;

    FixedStream(List<String> frames, LongSupplier epochMillis) {
        this.frames = List.copyOf(frames);
        this.clock = epochMillis;
    }

    @Override
    public void run(SseSink sink, Fault fault) throws IOException {
        sink.head();
        for (int i = 0; i < frames.size(); i++) {
            boolean terminal = i == frames.size() - 1;
            if (terminal && fault == Fault.TRUNCATE_STREAM) {
                break;
            }
            sink.frame(frames.get(i));
            if (i == 0) {
                if (sink.cutAfterFirstEvent(fault)) {
                    return;
                }
                sink.heartbeat(clock.getAsLong());
            }
        }
        sink.end();
    }
}
