package dev.codespar.errors;

/**
 * Too many requests (HTTP 429) with a code that has no class of its own, or no code at all. Waited for and
 * retried like {@link RateLimitedError}.
 */
public sealed class TooManyRequestsError extends ApiError
        permits RateLimitedError, QuotaExceededError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error; the SDK does this for you, and tests can too (or use {@link ApiError#from(ErrorDetails)}).
     *
     * @param details the code, status, request id and the rest of the failure
     */
    public TooManyRequestsError(ErrorDetails details) {
        super(details);
    }
}
