package dev.codespar.internal.http;

import java.time.Duration;
import java.util.Map;

/**
 * Settings that override the client's for some calls (a view of the transport made with
 * {@link HttpTransport#withOptions}); a {@code null} keeps the client's.
 *
 * @param timeout the per-attempt timeout
 * @param maxRetries attempts after the first, at most
 * @param streamIdleTimeout the longest silence tolerated on a stream
 * @param headers extra request headers (never {@code Authorization})
 */
public record CallOptions(Duration timeout, Integer maxRetries, Duration streamIdleTimeout,
        Map<String, String> headers) {

    /** Copies the headers. */
    public CallOptions {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** No override. */
    static final CallOptions NONE = new CallOptions(null, null, null, Map.of());

    /**
     * These options, with {@code other}'s where it sets one.
     *
     * @param other the options that win
     * @return the merged options
     */
    public CallOptions with(CallOptions other) {
        java.util.LinkedHashMap<String, String> merged = new java.util.LinkedHashMap<>(headers);
        merged.putAll(other.headers);
        return new CallOptions(other.timeout != null ? other.timeout : timeout,
                other.maxRetries != null ? other.maxRetries : maxRetries,
                other.streamIdleTimeout != null ? other.streamIdleTimeout : streamIdleTimeout, merged);
    }
}
