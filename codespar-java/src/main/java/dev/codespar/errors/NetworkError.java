package dev.codespar.errors;

/**
 * No HTTP answer arrived ({@code network_error}, status 0): the connection was refused or reset, DNS or the TLS
 * handshake failed. A call the client's {@code close()} refused, or ended while in flight or waiting to be retried,
 * is this class too, with the code {@code client_closed} ({@link #isClientClosed()}).
 *
 * <p>{@link #wasRequestSent()} tells the two cases apart that matter for money:
 *
 * <ul>
 *   <li>{@code false}: the request provably never reached the server (refused, DNS, TLS, connect timeout). The SDK
 *       retried it for every method, and nothing happened on the server.
 *   <li>{@code true}: the request was written before the failure (a reset, a read timeout). The server may have
 *       processed it. The SDK retries {@code GET} and {@code DELETE}, but never a {@code POST}: check the outcome
 *       (e.g. the payment status) before sending a payout or an NF-e again.
 * </ul>
 */
public sealed class NetworkError extends ApiError permits TimeoutError {

    private static final long serialVersionUID = 1L;

    private final boolean requestSent;

    /**
     * Creates the error for a request that never reached the server.
     *
     * @param details the code ({@code network_error}), status 0 and message
     */
    public NetworkError(ErrorDetails details) {
        this(details, false, null);
    }

    /**
     * Creates the error.
     *
     * @param details the code, status 0 and message
     * @param requestSent whether the request was written to the network before the failure
     * @param cause the I/O failure, or {@code null}
     */
    public NetworkError(ErrorDetails details, boolean requestSent, Throwable cause) {
        super(details, cause);
        this.requestSent = requestSent;
    }

    /**
     * Whether the request had been sent when the failure happened, so the server may have processed it.
     *
     * @return {@code true} when the outcome on the server is unknown; {@code false} when the request provably never
     *     reached it
     */
    public boolean wasRequestSent() {
        return requestSent;
    }

    /**
     * {@link #wasRequestSent()}: a request that never reached the server whole cannot have been processed.
     *
     * @return whether the request was sent
     */
    @Override
    public boolean mayHaveBeenProcessed() {
        return requestSent;
    }

    /**
     * Whether the call failed because the client was closed ({@code client_closed}), not because of the network or
     * the server: an application's own shutdown, not something to report to a user or a model.
     *
     * @return {@code true} for {@code client_closed}
     */
    public boolean isClientClosed() {
        return "client_closed".equals(getCode());
    }
}
