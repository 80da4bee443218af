package dev.codespar.testkit.internal.state;

/**
 * What a status-stream writer is told: send an update (terminal or not), or stop because the fake shuts down.
 *
 * @param frame the SSE frame to send, or {@code null}
 * @param terminal whether it is the last update
 * @param stop whether the stream must end now
 */
public record StreamSignal(String frame, boolean terminal, boolean stop) {

    /** Ends a stream at once. */
    public static final StreamSignal STOP = new StreamSignal(null, false, true);

    /**
     * An update.
     *
     * @param frame the frame
     * @param terminal whether it is final
     * @return the signal
     */
    public static StreamSignal update(String frame, boolean terminal) {
        return new StreamSignal(frame, terminal, false);
    }
}
