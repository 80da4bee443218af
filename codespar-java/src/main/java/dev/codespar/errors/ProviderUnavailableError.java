package dev.codespar.errors;

/**
 * The selected provider answered with an error the router treats as permanent, such as a configuration problem
 * or a definitive rejection ({@code provider_unavailable}, HTTP 422). Unlike {@link ProviderError} it is not
 * retried.
 *
 * <p>Fix: retry with an explicit {@code provider} field in the tool input to route to another provider.
 */
public final class ProviderUnavailableError extends UnprocessableEntityError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error; the SDK does this for you, and tests can too (or use {@link ApiError#from(ErrorDetails)}).
     *
     * @param details the code, status, request id and the rest of the failure
     */
    public ProviderUnavailableError(ErrorDetails details) {
        super(details);
    }
}
