package dev.codespar;

import dev.codespar.errors.ConfigError;
import java.time.Duration;
import java.util.Objects;

/**
 * When the SDK sends a failed request again, and how long it waits first. Immutable and thread-safe.
 *
 * <p>The rules, safe for money-moving calls:
 *
 * <ul>
 *   <li>Retried: 429 (except {@code quota_exceeded}), 502 and 503, for every method: the server says it did not do
 *       the work. 504 only for {@code GET}/{@code DELETE}, or for {@code POST} after
 *       {@link Builder#retryPostOnGatewayTimeout(boolean)}: a 504 on a payout or an NF-e may still have gone through.
 *       500 only after {@link Builder#retryOnInternalError(boolean)}. Never any other 4xx. Neither opt-in applies to
 *       the calls that move a consumer's money ({@code client.consumers().spend(...)} and an executed
 *       {@code transfer(...)}): a 504 or a 500 to them is always thrown, never sent again.
 *   <li>Network failures: retried for every method when the request provably never reached the server (refused,
 *       DNS, TLS handshake, connect timeout); after the request was sent (reset, read timeout) only for {@code GET}
 *       and {@code DELETE}.
 *   <li>Wait: the server's {@code Retry-After} (seconds or HTTP-date) or {@code X-RateLimit-Reset} when present,
 *       else exponential backoff with full jitter (base {@value #DEFAULT_BASE_DELAY_MILLIS} ms, cap
 *       {@value #DEFAULT_MAX_BACKOFF_MILLIS} ms). A server wait longer than {@link #maxRetryWait()} is not slept:
 *       the error is thrown at once with {@code getRetryAfter()} set, so the caller can schedule the retry.
 * </ul>
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder()
 *         .maxRetries(3)
 *         .maxRetryWait(Duration.ofSeconds(20))
 *         .retryOnInternalError(true)
 *         .build();
 * CodeSparClient client = CodeSparClient.builder().retryPolicy(policy).build();
 * }</pre>
 */
public final class RetryPolicy {

    /** Base of the exponential backoff, in milliseconds. */
    public static final long DEFAULT_BASE_DELAY_MILLIS = 500;
    /** Cap of the exponential backoff, in milliseconds. */
    public static final long DEFAULT_MAX_BACKOFF_MILLIS = 8_000;
    /** Default number of retries after the first attempt. */
    public static final int DEFAULT_MAX_RETRIES = 2;
    /** Highest accepted {@code maxRetries}. */
    public static final int MAX_RETRIES_LIMIT = 10;

    private static final Duration DEFAULT_MAX_RETRY_WAIT = Duration.ofSeconds(60);
    private static final Duration MAX_WAIT_LIMIT = Duration.ofHours(1);
    private static final RetryPolicy DEFAULTS = builder().build();

    private final int maxRetries;
    private final Duration maxRetryWait;
    private final boolean retryOnInternalError;
    private final boolean retryPostOnGatewayTimeout;
    private final Duration baseDelay;
    private final Duration maxBackoff;

    private RetryPolicy(Builder b) {
        this.maxRetries = b.maxRetries;
        this.maxRetryWait = b.maxRetryWait;
        this.retryOnInternalError = b.retryOnInternalError;
        this.retryPostOnGatewayTimeout = b.retryPostOnGatewayTimeout;
        this.baseDelay = b.baseDelay;
        this.maxBackoff = b.maxBackoff;
    }

    /**
     * The default policy: 2 retries, at most 60 s of server-requested wait, no retry of 500 or of a POST's 504.
     *
     * @return the shared default policy
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * A policy that never retries: every call makes exactly one request.
     *
     * @return the policy
     */
    public static RetryPolicy none() {
        return builder().maxRetries(0).build();
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from this policy.
     *
     * @return a new builder with this policy's settings
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxRetries = maxRetries;
        b.maxRetryWait = maxRetryWait;
        b.retryOnInternalError = retryOnInternalError;
        b.retryPostOnGatewayTimeout = retryPostOnGatewayTimeout;
        b.baseDelay = baseDelay;
        b.maxBackoff = maxBackoff;
        return b;
    }

    /**
     * How many times a failed request may be sent again (0 = one request only).
     *
     * @return the retry count
     */
    public int maxRetries() {
        return maxRetries;
    }

    /**
     * The longest server-requested wait the SDK sleeps through; a longer one is thrown to the caller at once.
     *
     * @return the cap
     */
    public Duration maxRetryWait() {
        return maxRetryWait;
    }

    /**
     * Whether a 500 {@code internal_error} is retried.
     *
     * @return {@code true} when opted in
     */
    public boolean retryOnInternalError() {
        return retryOnInternalError;
    }

    /**
     * Whether a {@code POST} answered by a 504 is retried.
     *
     * @return {@code true} when opted in
     */
    public boolean retryPostOnGatewayTimeout() {
        return retryPostOnGatewayTimeout;
    }

    /**
     * The base of the exponential backoff used when the server gives no wait.
     *
     * @return the base delay
     */
    public Duration baseDelay() {
        return baseDelay;
    }

    /**
     * The cap of the exponential backoff.
     *
     * @return the cap
     */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RetryPolicy)) {
            return false;
        }
        RetryPolicy p = (RetryPolicy) o;
        return maxRetries == p.maxRetries
                && retryOnInternalError == p.retryOnInternalError
                && retryPostOnGatewayTimeout == p.retryPostOnGatewayTimeout
                && maxRetryWait.equals(p.maxRetryWait)
                && baseDelay.equals(p.baseDelay)
                && maxBackoff.equals(p.maxBackoff);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxRetries, maxRetryWait, retryOnInternalError, retryPostOnGatewayTimeout, baseDelay,
                maxBackoff);
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxRetries=" + maxRetries
                + ", maxRetryWait=" + maxRetryWait
                + ", retryOnInternalError=" + retryOnInternalError
                + ", retryPostOnGatewayTimeout=" + retryPostOnGatewayTimeout
                + ", baseDelay=" + baseDelay
                + ", maxBackoff=" + maxBackoff + '}';
    }

    /** Builds a {@link RetryPolicy}; {@link #build()} checks every value and throws {@link ConfigError}. */
    public static final class Builder {
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private Duration maxRetryWait = DEFAULT_MAX_RETRY_WAIT;
        private boolean retryOnInternalError;
        private boolean retryPostOnGatewayTimeout;
        private Duration baseDelay = Duration.ofMillis(DEFAULT_BASE_DELAY_MILLIS);
        private Duration maxBackoff = Duration.ofMillis(DEFAULT_MAX_BACKOFF_MILLIS);

        private Builder() {}

        /**
         * How many times a failed request may be sent again; 0 disables retries. Default 2, at most 10.
         *
         * @param n the retry count
         * @return this builder
         */
        public Builder maxRetries(int n) {
            this.maxRetries = n;
            return this;
        }

        /**
         * The longest server-requested wait to sleep through (default 60 s, at most 1 h). A longer {@code Retry-After}
         * is thrown at once with {@code getRetryAfter()} set.
         *
         * @param wait the cap; zero means never sleep on a server's request
         * @return this builder
         */
        public Builder maxRetryWait(Duration wait) {
            this.maxRetryWait = wait;
            return this;
        }

        /**
         * Retry 500 {@code internal_error} answers too (default off: the work may have been partly done).
         *
         * @param retry whether to retry
         * @return this builder
         */
        public Builder retryOnInternalError(boolean retry) {
            this.retryOnInternalError = retry;
            return this;
        }

        /**
         * Retry a {@code POST} answered by a 504 too (default off: a payout or an NF-e may have gone through).
         *
         * @param retry whether to retry
         * @return this builder
         */
        public Builder retryPostOnGatewayTimeout(boolean retry) {
            this.retryPostOnGatewayTimeout = retry;
            return this;
        }

        /**
         * The base of the exponential backoff (default 500 ms).
         *
         * @param delay a positive duration
         * @return this builder
         */
        public Builder baseDelay(Duration delay) {
            this.baseDelay = delay;
            return this;
        }

        /**
         * The cap of the exponential backoff (default 8 s).
         *
         * @param cap a positive duration, not below the base delay
         * @return this builder
         */
        public Builder maxBackoff(Duration cap) {
            this.maxBackoff = cap;
            return this;
        }

        /**
         * Checks the settings and builds the policy.
         *
         * @return the policy
         * @throws ConfigError when a value is out of range
         */
        public RetryPolicy build() {
            if (maxRetries < 0 || maxRetries > MAX_RETRIES_LIMIT) {
                throw new ConfigError("maxRetries must be between 0 and " + MAX_RETRIES_LIMIT + ", got " + maxRetries
                        + ": use 0 to disable retries");
            }
            requireRange("maxRetryWait", maxRetryWait, true);
            requireRange("baseDelay", baseDelay, false);
            requireRange("maxBackoff", maxBackoff, false);
            if (maxBackoff.compareTo(baseDelay) < 0) {
                throw new ConfigError("maxBackoff (" + maxBackoff + ") must not be shorter than baseDelay ("
                        + baseDelay + ")");
            }
            return new RetryPolicy(this);
        }

        private static void requireRange(String name, Duration value, boolean zeroAllowed) {
            if (value == null) {
                throw new ConfigError(name + " must not be null");
            }
            if (value.isNegative() || (!zeroAllowed && value.isZero()) || value.compareTo(MAX_WAIT_LIMIT) > 0) {
                throw new ConfigError(name + " must be " + (zeroAllowed ? "between 0" : "positive and at most")
                        + (zeroAllowed ? " and 1 hour" : " 1 hour") + ", got " + value);
            }
        }
    }
}
