package dev.codespar.errors;

/**
 * The request was well formed but could not be processed (HTTP 422). Test-mode codes such as
 * {@code tool_not_mocked} (with {@code tool_name} in {@link #getBody()}) and {@code mocks_exhausted} arrive as this
 * class. Subclasses cover {@code needs_connection} and {@code provider_unavailable}. Never retried.
 */
public sealed class UnprocessableEntityError extends ApiError
        permits NeedsConnectionError, ProviderUnavailableError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error; the SDK does this for you, and tests can too (or use {@link ApiError#from(ErrorDetails)}).
     *
     * @param details the code, status, request id and the rest of the failure
     */
    public UnprocessableEntityError(ErrorDetails details) {
        super(details);
    }
}
