package dev.codespar.errors;

/**
 * The provider did not answer within CodeSpar's upstream timeout of 30 seconds ({@code gateway_timeout},
 * HTTP 504); most frequent on fiscal surfaces during SEFAZ peaks.
 *
 * <p>The operation may still have gone through. The SDK retries it for {@code GET} and {@code DELETE}; for
 * {@code POST} (a payout, an NF-e) only after {@code CodeSparClient.Builder#retryPostOnGatewayTimeout(true)}.
 * Before retrying a sensitive operation yourself, check the provider's own dashboard or the payment status.
 */
public final class GatewayTimeoutError extends ServerError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error; the SDK does this for you, and tests can too (or use {@link ApiError#from(ErrorDetails)}).
     *
     * @param details the code, status, request id and the rest of the failure
     */
    public GatewayTimeoutError(ErrorDetails details) {
        super(details);
    }
}
