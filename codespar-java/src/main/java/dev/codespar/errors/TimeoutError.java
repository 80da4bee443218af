package dev.codespar.errors;

/**
 * A deadline passed before the answer arrived ({@code timeout}, status 0): the connect timeout, the per-attempt
 * {@code timeout}, or the overall {@code callTimeout} that bounds a call and all its retries.
 *
 * <p>As for every {@link NetworkError}, {@link #wasRequestSent()} says whether the server may have processed the
 * request: a connect timeout never reached it; a read timeout on a {@code POST} may have.
 *
 * <p>Fix: raise {@code timeout(...)} on the client builder for slow operations, or check the operation's status
 * before retrying it yourself.
 */
public final class TimeoutError extends NetworkError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error for a request that never reached the server.
     *
     * @param details the code ({@code timeout}), status 0 and message
     */
    public TimeoutError(ErrorDetails details) {
        super(details);
    }

    /**
     * Creates the error.
     *
     * @param details the code, status 0 and message
     * @param requestSent whether the request was written to the network before the deadline passed
     * @param cause the I/O failure, or {@code null}
     */
    public TimeoutError(ErrorDetails details, boolean requestSent, Throwable cause) {
        super(details, requestSent, cause);
    }
}
