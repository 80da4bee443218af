package dev.codespar.errors;

/**
 * Something went wrong inside CodeSpar ({@code internal_error}, HTTP 500).
 *
 * <p>Not retried by default, because a money-moving call may have done part of its work; opt in with
 * {@code CodeSparClient.Builder#retryOnInternalError(true)}. If it persists, quote {@link #getRequestId()} in a
 * support ticket: it leads straight to the trace.
 */
public final class InternalServerError extends ServerError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error; the SDK does this for you, and tests can too (or use {@link ApiError#from(ErrorDetails)}).
     *
     * @param details the code, status, request id and the rest of the failure
     */
    public InternalServerError(ErrorDetails details) {
        super(details);
    }
}
