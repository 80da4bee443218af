package dev.codespar;

import java.util.Optional;

/**
 * One event of a payment or verification status stream.
 *
 * <pre>{@code
 * try (EventStream<StatusEvent<PaymentStatusResult>> events = session.paymentStatusStream(toolCallId)) {
 *     for (StatusEvent<PaymentStatusResult> e : events) {
 *         e.status().ifPresent(s -> System.out.println(s.paymentStatus()));
 *     }
 * }
 * }</pre>
 *
 * @param kind snapshot, update or done
 * @param envelope the status envelope; {@code null} for a {@code done} event without a final envelope
 * @param <T> {@link PaymentStatusResult} or {@link VerificationStatusResult}
 */
public record StatusEvent<T>(Kind kind, T envelope) {

    /** What the event is. */
    public enum Kind {
        /** The state when the stream opened; exactly once, first. */
        SNAPSHOT,
        /** A change of state. */
        UPDATE,
        /** The terminal event: the server closes the stream right after it (about 5 s after a terminal state). */
        DONE
    }

    /**
     * The envelope, when the event carries one.
     *
     * @return the envelope, or empty for a bare {@code done}
     */
    public Optional<T> status() {
        return Optional.ofNullable(envelope);
    }

    /**
     * Whether this is the terminal event.
     *
     * @return {@code true} for {@link Kind#DONE}
     */
    public boolean isDone() {
        return kind == Kind.DONE;
    }
}
