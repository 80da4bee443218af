package dev.codespar.internal.http;

import dev.codespar.RetryPolicy;
import java.time.Duration;

/** Which failed attempts may be sent again, and the backoff when the server names no wait. */
final class RetryRules {

    private RetryRules() {}

    static boolean isRetryable(ApiRequest request, HttpTransport.Failure failure, RetryPolicy policy) {
        if (failure.fatal) {
            return false;
        }
        if (failure.network) {
            // never reached the server: safe for every method; sent: only when repeating it is harmless
            return !failure.requestSent || request.isIdempotent();
        }
        switch (failure.details.status()) {
            case 429:
                return !"quota_exceeded".equals(failure.details.code());
            case 502:
            case 503:
                return true;
            case 504:
                return request.isIdempotent() || policy.isRetryPostOnGatewayTimeout();
            case 500:
                return policy.isRetryOnInternalError();
            default:
                return false;
        }
    }

    /** Full jitter: a uniform wait between zero and {@code min(cap, base * 2^(attempt-1))}. */
    static Duration backoff(RetryPolicy policy, int attempt, double jitter) {
        long base = policy.getBaseDelay().toMillis();
        long cap = policy.getMaxBackoff().toMillis();
        long ceiling = attempt >= 31 ? cap : Math.min(cap, base << (attempt - 1));
        return Duration.ofMillis((long) (ceiling * Math.max(0.0, Math.min(1.0, jitter))));
    }
}
