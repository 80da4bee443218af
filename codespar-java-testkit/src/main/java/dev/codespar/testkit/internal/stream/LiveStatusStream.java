package dev.codespar.testkit.internal.stream;

import dev.codespar.testkit.Fault;
import dev.codespar.testkit.internal.http.ChunkedSink;
import dev.codespar.testkit.internal.state.StreamSignal;
import dev.codespar.testkit.internal.state.ToolCallRecord;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.wire.SseFrames;
import dev.codespar.testkit.internal.wire.SsePlan;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A payment or verification status stream: {@code snapshot} at once, an {@code update} whenever the call settles,
 * {@code done} once a terminal state is reached (after the configured delay), heartbeats while nothing happens.
 */
public final class LiveStatusStream implements SsePlan {

    private final World world;
    private final String toolCallId;
    private final ToolCallRecord.Kind view;

    /**
     * A stream.
     *
     * @param world the state
     * @param toolCallId the call
     * @param view payment or verification
     */
    public LiveStatusStream(World world, String toolCallId, ToolCallRecord.Kind view) {
        this.world = world;
        this.toolCallId = toolCallId;
        this.view = view;
    }

    @Override
    public void run(ChunkedSink sink, Fault fault) throws IOException, InterruptedException {
        World.Subscription sub = world.subscribe(toolCallId, view);
        try {
            sink.chunk(sub.snapshotFrame());
            if (Faults.cutAfterFirstEvent(sink, fault)) {
                return;
            }
            if (fault == Fault.TRUNCATE_STREAM) {
                sink.end();
                return;
            }
            if (sub.terminal()) {
                finish(sink, sub.queue());
                return;
            }
            long heartbeat = world.config.heartbeatInterval().toMillis();
            while (true) {
                StreamSignal signal = sub.queue().poll(heartbeat, TimeUnit.MILLISECONDS);
                if (signal == null) {
                    sink.chunk(SseFrames.heartbeat(world.now().toEpochMilli()));
                } else if (signal.stop()) {
                    sink.abort();
                    return;
                } else {
                    sink.chunk(signal.frame());
                    if (signal.terminal()) {
                        finish(sink, sub.queue());
                        return;
                    }
                }
            }
        } finally {
            world.unsubscribe(toolCallId, sub.queue());
        }
    }

    /** Waits the done delay (heartbeating), then sends {@code done} and ends the body. */
    private void finish(ChunkedSink sink, BlockingQueue<StreamSignal> queue) throws IOException,
            InterruptedException {
        Duration delay = world.config.doneDelay();
        long heartbeat = world.config.heartbeatInterval().toMillis();
        long deadline = System.nanoTime() + delay.toNanos();
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                break;
            }
            StreamSignal signal = queue.poll(Math.min(left, heartbeat), TimeUnit.MILLISECONDS);
            if (signal != null && signal.stop()) {
                sink.abort();
                return;
            }
            if (signal != null) {
                sink.chunk(signal.frame());
            } else if (deadline - System.nanoTime() > 0) {
                sink.chunk(SseFrames.heartbeat(world.now().toEpochMilli()));
            }
        }
        sink.chunk(SseFrames.STATUS_DONE);
        sink.end();
    }
}
