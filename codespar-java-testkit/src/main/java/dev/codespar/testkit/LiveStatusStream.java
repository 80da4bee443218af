package dev.codespar.testkit;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A payment or verification status stream (§8.3): {@code snapshot} at once, an {@code update} whenever the test
 * settles the call, {@code done} once a terminal state is reached (after the configured delay), heartbeats while
 * nothing happens.
 */
final class LiveStatusStream implements SsePlan {

    private static final String DONE = "event: done\ndata: {}\n\n";

    private final FakeState state;
    private final String toolCallId;
    private final ToolCallRecord.Kind view;

    LiveStatusStream(FakeState state, String toolCallId, ToolCallRecord.Kind view) {
        this.state = state;
        this.toolCallId = toolCallId;
        this.view = view;
    }

    @Override
    public void run(SseSink sink, Fault fault) throws IOException, InterruptedException {
        FakeState.Subscription sub = state.subscribe(toolCallId, view);
        try {
            sink.head();
            sink.frame(sub.snapshotFrame());
            if (sink.cutAfterFirstEvent(fault)) {
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
            long heartbeat = state.config().heartbeatInterval().toMillis();
            while (true) {
                StreamSignal signal = sub.queue().poll(heartbeat, TimeUnit.MILLISECONDS);
                if (signal == null) {
                    sink.heartbeat(state.now().toEpochMilli());
                } else if (signal.stop()) {
                    sink.abort();
                    return;
                } else {
                    sink.frame(signal.frame());
                    if (signal.terminal()) {
                        finish(sink, sub.queue());
                        return;
                    }
                }
            }
        } finally {
            state.unsubscribe(toolCallId, sub.queue());
        }
    }

    /** Waits the done delay (heartbeating), then sends {@code done} and ends the body. */
    private void finish(SseSink sink, BlockingQueue<StreamSignal> queue) throws IOException, InterruptedException {
        Duration delay = state.config().doneDelay();
        long heartbeat = state.config().heartbeatInterval().toMillis();
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
                sink.frame(signal.frame());
            } else if (deadline - System.nanoTime() > 0) {
                sink.heartbeat(state.now().toEpochMilli());
            }
        }
        sink.frame(DONE);
        sink.end();
    }
}
