package dev.codespar.errors;

/**
 * The resource does not exist or this organisation cannot see it ({@code not_found}, HTTP 404).
 *
 * <p>Likely causes: a session that was closed or expired (hosted sessions expire after 30 minutes without a call);
 * a project id from another organisation; a server id not in the catalogue; a deleted trigger or delivery.
 *
 * <p>Fix: check the id; for an expired session, create a new one. Never retried.
 */
public final class NotFoundError extends ApiError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error; the SDK does this for you, and tests can too (or use {@link ApiError#from(ErrorDetails)}).
     *
     * @param details the code, status, request id and the rest of the failure
     */
    public NotFoundError(ErrorDetails details) {
        super(details);
    }
}
