package dev.codespar.errors;

import java.time.Instant;
import java.util.Optional;

/**
 * A rate limit was hit ({@code rate_limited}, HTTP 429). The answer carries {@code Retry-After} (seconds) and
 * {@code X-RateLimit-Reset} (Unix epoch seconds).
 *
 * <p>Likely causes: the tier's request rate was exceeded; trigger-management endpoints have their own lower limit.
 *
 * <p>The SDK retries it by default (up to {@code maxRetries}), waiting as long as the server asks. When the server
 * asks for a wait longer than {@code maxRetryWait}, it throws at once with {@link #getRetryAfter()} set, so the
 * caller can schedule the retry. If limits are hit constantly, a higher tier raises the ceiling.
 */
public final class RateLimitedError extends TooManyRequestsError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error; the SDK does this for you, and tests can too (or use {@link ApiError#from(ErrorDetails)}).
     *
     * @param details the code, status, request id and the rest of the failure
     */
    public RateLimitedError(ErrorDetails details) {
        super(details);
    }

    /**
     * When the rate-limit window resets, from the {@code X-RateLimit-Reset} header (Unix epoch seconds).
     *
     * @return the instant, or empty when the server did not send the header
     */
    public Optional<Instant> getRateLimitReset() {
        return Optional.ofNullable(getDetails().rateLimitReset());
    }
}
