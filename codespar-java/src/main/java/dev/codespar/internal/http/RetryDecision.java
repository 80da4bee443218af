package dev.codespar.internal.http;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides whether a failed attempt is sent again, and after how long. Both the blocking and the
 * asynchronous call loops ask it after every failed attempt.
 *
 * <p>The rule is safety first for calls that move money: a request is sent again only when the server said it did
 * not do the work (429 except {@code quota_exceeded}, 502, 503), when it never reached the server, or when repeating
 * it is harmless (an idempotent method); 504 and 500 only where the policy opts in.
 */
final class RetryDecision {

    private static final Logger LOG = LoggerFactory.getLogger(RetryDecision.class);

    private final RetryRules policy;
    private final Timing timing;

    RetryDecision(RetryRules policy, Timing timing) {
        this.policy = policy;
        this.timing = timing;
    }

    /**
     * The wait before the next attempt, or {@code null} to give up now.
     *
     * @param request the request
     * @param failure how the attempt failed
     * @param attempt the attempt that failed, from 1
     * @param deadline the call's deadline in {@link Timing#nowMillis()} time, or {@link Long#MAX_VALUE}
     * @param maxRetries this call's most retries, or {@code null} for the policy's
     */
    Duration next(ApiRequest request, AttemptFailure failure, int attempt, long deadline, Integer maxRetries) {
        if (attempt > (maxRetries != null ? maxRetries : policy.maxRetries()) || !isRetryable(request, failure)) {
            return null;
        }
        Duration serverWait = failure.details().retryAfter();
        if (serverWait != null && serverWait.compareTo(policy.maxRetryWait()) > 0) {
            // the caller gets the wait in getRetryAfter() and can schedule the retry itself
            LOG.debug("{} not retried: the server asked to wait {} ms, more than maxRetryWait", request,
                    serverWait.toMillis());
            return null;
        }
        Duration wait = serverWait != null ? serverWait : backoff(attempt);
        if (deadline != Long.MAX_VALUE && timing.nowMillis() + wait.toMillis() >= deadline) {
            LOG.debug("{} not retried: waiting {} ms would pass the call deadline", request, wait.toMillis());
            return null;
        }
        return wait;
    }

    private boolean isRetryable(ApiRequest request, AttemptFailure failure) {
        switch (failure.kind()) {
            case FINAL:
                return false;
            case NETWORK:
            case TIMEOUT:
                // never written whole: the server cannot have acted on it; written: only when repeating is harmless
                return !failure.requestSent() || request.isIdempotent();
            default:
                break;
        }
        switch (failure.details().status()) {
            case 429:
                return !"quota_exceeded".equals(failure.details().code());
            case 502:
            case 503:
                return true;
            case 504:
                // the provider may have acted: a payout or an NF-e may have gone through
                return request.isIdempotent() || policy.retryPostOnGatewayTimeout() && !request.movesMoney();
            case 500:
                // a money movement is never sent twice on the chance that the first one failed
                return policy.retryOnInternalError() && !request.movesMoney();
            default:
                return false;
        }
    }

    /** Full jitter: a uniform wait between zero and {@code min(cap, base * 2^(attempt-1))}. */
    Duration backoff(int attempt) {
        long base = policy.baseDelay().toMillis();
        long cap = policy.maxBackoff().toMillis();
        long ceiling = attempt >= 31 ? cap : Math.min(cap, base << (attempt - 1));
        return Duration.ofMillis((long) (ceiling * Math.max(0.0, Math.min(1.0, timing.jitter()))));
    }
}
