package dev.codespar.errors;

/**
 * The downstream provider answered with a 5xx or an unexpected response ({@code provider_error}, HTTP 502).
 * CodeSpar did not fail the call for good: the provider is degraded.
 *
 * <p>Retried by default with backoff. If it lasts, pass an explicit {@code provider} in the tool input to route
 * around the degraded one.
 */
public final class ProviderError extends ServerError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error; the SDK does this for you, and tests can too (or use {@link ApiError#from(ErrorDetails)}).
     *
     * @param details the code, status, request id and the rest of the failure
     */
    public ProviderError(ErrorDetails details) {
        super(details);
    }
}
