package dev.codespar.errors;

/**
 * CodeSpar is deploying, or one provider integration is briefly down ({@code service_unavailable}, HTTP 503).
 * {@code Retry-After} gives the expected recovery window.
 *
 * <p>Retried by default, waiting as the server asks.
 */
public final class ServiceUnavailableError extends ServerError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error; the SDK does this for you, and tests can too (or use {@link ApiError#from(ErrorDetails)}).
     *
     * @param details the code, status, request id and the rest of the failure
     */
    public ServiceUnavailableError(ErrorDetails details) {
        super(details);
    }
}
