package dev.codespar;

import dev.codespar.errors.ConfigError;
import dev.codespar.internal.http.CallOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import okhttp3.Headers;

/**
 * Settings for some calls only, over the client's: a timeout, a number of retries, a stream's idle timeout, extra
 * headers. Apply them with {@link CodeSparClient#withOptions} or {@link Session#withOptions}, which return a view
 * for those calls; the client and session themselves keep their settings.
 *
 * <pre>{@code
 * RequestOptions patient = RequestOptions.builder()
 *         .timeout(Duration.ofMinutes(2))          // an NF-e provider that answers slowly
 *         .maxRetries(0)                           // this caller reconciles by itself
 *         .header("X-Correlation-Id", orderId)     // your own tracing header
 *         .build();
 * ToolResult nfe = session.withOptions(patient).execute("codespar_invoice", input);
 * }</pre>
 */
public final class RequestOptions {

    private final Duration timeout;
    private final Integer maxRetries;
    private final Duration streamIdleTimeout;
    private final Map<String, String> headers;

    private RequestOptions(Builder b) {
        this.timeout = b.timeout;
        this.maxRetries = b.maxRetries;
        this.streamIdleTimeout = b.streamIdleTimeout;
        this.headers = Map.copyOf(b.headers);
    }

    /**
     * A builder; every setting left unset keeps the client's.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The per-attempt timeout.
     *
     * @return the timeout, or {@code null} for the client's
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * The most retries of a call.
     *
     * @return the count, or {@code null} for the client's
     */
    public Integer maxRetries() {
        return maxRetries;
    }

    /**
     * The longest silence tolerated on a stream.
     *
     * @return the idle timeout, or {@code null} for the client's
     */
    public Duration streamIdleTimeout() {
        return streamIdleTimeout;
    }

    /**
     * The extra headers sent with each request.
     *
     * @return an immutable map, possibly empty
     */
    public Map<String, String> headers() {
        return headers;
    }

    CallOptions toCallOptions() {
        return new CallOptions(timeout, maxRetries, streamIdleTimeout, headers);
    }

    @Override
    public String toString() {
        return "RequestOptions{timeout=" + timeout + ", maxRetries=" + maxRetries + ", streamIdleTimeout="
                + streamIdleTimeout + ", headers=" + headers.keySet() + "}";
    }

    /** Builds {@link RequestOptions}; {@link #build()} checks every value and throws {@link ConfigError}. */
    public static final class Builder {
        private Duration timeout;
        private Integer maxRetries;
        private Duration streamIdleTimeout;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder() {}

        /**
         * The timeout of one attempt, from connect to the last byte of the answer.
         *
         * @param value positive, at most 1 hour
         * @return this builder
         */
        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        /**
         * How many times a failed request may be sent again (the same rules as the client's: a {@code POST} that
         * may have been processed never is).
         *
         * @param value 0 to 10
         * @return this builder
         */
        public Builder maxRetries(int value) {
            this.maxRetries = value;
            return this;
        }

        /**
         * The longest silence tolerated on a stream ({@code sendStream}, the status streams).
         *
         * @param value positive, at most 24 hours
         * @return this builder
         */
        public Builder streamIdleTimeout(Duration value) {
            this.streamIdleTimeout = value;
            return this;
        }

        /**
         * A header sent with each request, e.g. your own correlation id. The SDK's own headers win over it:
         * {@code Authorization}, {@code Accept}, {@code User-Agent} and the project cannot be replaced this way.
         *
         * @param name the header name
         * @param value its value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /**
         * Checks every value and builds the options.
         *
         * @return the options
         * @throws ConfigError naming the value that is wrong
         */
        public RequestOptions build() {
            if (timeout != null) {
                ClientSettings.requirePositive("timeout", timeout, ClientSettings.MAX_TIMEOUT);
            }
            if (maxRetries != null && (maxRetries < 0 || maxRetries > RetryPolicy.MAX_RETRIES_LIMIT)) {
                throw new ConfigError("maxRetries must be between 0 and " + RetryPolicy.MAX_RETRIES_LIMIT + ", got "
                        + maxRetries);
            }
            if (streamIdleTimeout != null) {
                ClientSettings.requirePositive("streamIdleTimeout", streamIdleTimeout,
                        ClientSettings.MAX_CALL_TIMEOUT);
            }
            for (Map.Entry<String, String> h : headers.entrySet()) {
                String name = h.getKey() == null ? "" : h.getKey().toLowerCase(Locale.ROOT);
                if (name.equals("authorization") || name.equals("x-codespar-project")) {
                    throw new ConfigError("header " + h.getKey() + " cannot be set per request: the key and the"
                            + " project are the client's and the session's");
                }
                try {
                    new Headers.Builder().add(h.getKey(), h.getValue());
                } catch (IllegalArgumentException | NullPointerException e) {
                    // the value is not quoted: it may be something the caller would not want in a log
                    throw new ConfigError("header " + h.getKey() + ": the name or the value cannot be sent in an"
                            + " HTTP header (null, empty name, or a control character)");
                }
            }
            return new RequestOptions(this);
        }
    }
}
