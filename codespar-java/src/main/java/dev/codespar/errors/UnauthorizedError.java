package dev.codespar.errors;

/**
 * The API key is missing, malformed or revoked ({@code unauthorized}, HTTP 401).
 *
 * <p>Likely causes: the key was rotated and the old one revoked; a key from another environment (a
 * {@code csk_test_} key against a live project or the reverse); a typo in the configured key.
 *
 * <p>Fix: check the key in the dashboard (Settings, API Keys) and that it is active. Never retried.
 */
public final class UnauthorizedError extends ApiError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error; the SDK does this for you, and tests can too (or use {@link ApiError#from(ErrorDetails)}).
     *
     * @param details the code, status, request id and the rest of the failure
     */
    public UnauthorizedError(ErrorDetails details) {
        super(details);
    }
}
