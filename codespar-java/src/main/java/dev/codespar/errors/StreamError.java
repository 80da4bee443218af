package dev.codespar.errors;

/**
 * A server-sent event stream failed after its HTTP answer had arrived.
 *
 * <p>Thrown while iterating an {@code EventStream} when the connection drops, when the stream ends before its
 * terminal event (a truncated stream: the result may be missing), when no byte arrives for longer than the idle
 * timeout, or when the server sends an {@code error} event without a code. Failures before the stream's answer
 * arrives are ordinary {@link ApiError}s.
 *
 * <p>{@link #getEventsDelivered()} says how many events the caller already received, so a consumer can tell a
 * stream that never started from one cut off near the end; {@link #getRequestId()} is the id to quote in a
 * support ticket.
 */
public final class StreamError extends CodeSparException {

    private static final long serialVersionUID = 1L;

    private final String requestId;
    private final long eventsDelivered;

    /**
     * Creates the error.
     *
     * @param message what happened to the stream
     * @param requestId the stream's request id ({@code X-Request-Id}), or {@code null}
     * @param eventsDelivered how many events were delivered to the caller before the failure
     * @param cause the transport failure, or {@code null}
     */
    public StreamError(String message, String requestId, long eventsDelivered, Throwable cause) {
        super(message + (requestId == null ? "" : " [request_id=" + requestId + "]"), cause);
        this.requestId = requestId;
        this.eventsDelivered = eventsDelivered;
    }

    /**
     * The request id of the stream's HTTP answer.
     *
     * @return the id, or {@code null} when the server sent none
     */
    public String getRequestId() {
        return requestId;
    }

    /**
     * How many events the stream delivered before it failed.
     *
     * @return a count, zero when it failed before the first event
     */
    public long getEventsDelivered() {
        return eventsDelivered;
    }
}
