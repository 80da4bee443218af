package dev.codespar.internal.http;

import java.time.Duration;

/**
 * The retry settings the transport applies, as validated by the client builder.
 *
 * @param maxRetries attempts after the first, at most
 * @param maxRetryWait the longest server-asked wait the SDK sleeps through; longer ones are thrown at once
 * @param baseDelay the first backoff ceiling when the server names no wait
 * @param maxBackoff the largest backoff ceiling
 * @param retryOnInternalError whether a 500 is retried
 * @param retryPostOnGatewayTimeout whether a 504 to a {@code POST} is retried
 */
public record RetryRules(int maxRetries, Duration maxRetryWait, Duration baseDelay, Duration maxBackoff,
        boolean retryOnInternalError, boolean retryPostOnGatewayTimeout) {}
