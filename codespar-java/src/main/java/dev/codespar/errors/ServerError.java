package dev.codespar.errors;

/**
 * CodeSpar or something behind it failed (any HTTP 5xx) with a code that has no class of its own, e.g.
 * {@code project_resolution_failed}, {@code mocks_engine_error}, or a proxy's HTML error page without any code.
 *
 * <p>Retried by default only for 502 and 503; see the subclasses.
 */
public sealed class ServerError extends ApiError
        permits InternalServerError, ProviderError, ServiceUnavailableError, GatewayTimeoutError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error; the SDK does this for you, and tests can too (or use {@link ApiError#from(ErrorDetails)}).
     *
     * @param details the code, status, request id and the rest of the failure
     */
    public ServerError(ErrorDetails details) {
        super(details);
    }
}
