package dev.codespar.errors;

/**
 * A usage quota was exhausted ({@code quota_exceeded}; HTTP 429 in the error reference, 403 on newer servers,
 * and this class either way). The current per-transaction pricing has no monthly quota, so this is a historical
 * code: if it appears, open a support ticket quoting {@link #getRequestId()}.
 *
 * <p>Never retried: waiting does not refill a quota.
 */
public final class QuotaExceededError extends TooManyRequestsError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error; the SDK does this for you, and tests can too (or use {@link ApiError#from(ErrorDetails)}).
     *
     * @param details the code, status, request id and the rest of the failure
     */
    public QuotaExceededError(ErrorDetails details) {
        super(details);
    }
}
