package dev.codespar;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A raw HTTP call to a connected provider, sent through CodeSpar, which injects the provider credentials
 * ({@code POST /v1/sessions/{id}/proxy_execute}). Absent optional fields are not sent.
 *
 * <pre>{@code
 * ProxyResult r = session.proxyExecute(ProxyParams.builder("asaas", ProxyParams.Method.POST, "/v3/payments")
 *         .body(Map.of("value", 10))
 *         .build());
 * }</pre>
 *
 * @param server the provider's server id, e.g. {@code asaas}
 * @param endpoint the provider path, e.g. {@code /v3/payments}
 * @param method the HTTP method
 * @param body the request body (any JSON value), or {@code null}
 * @param params query parameters (strings, numbers or booleans), or {@code null}
 * @param headers extra headers for the provider, or {@code null}
 */
@JsonPropertyOrder({"server", "endpoint", "method", "body", "params", "headers"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProxyParams(
        @NotBlank String server,
        @NotBlank String endpoint,
        @NotNull Method method,
        Object body,
        Map<@NotBlank String, @NotNull Object> params,
        Map<@NotBlank String, @NotNull String> headers) {

    /** Copies the maps. */
    public ProxyParams {
        params = params == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(params));
        headers = headers == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The HTTP methods a proxied call may use. */
    public enum Method {
        /** {@code GET}. */
        GET,
        /** {@code POST}. */
        POST,
        /** {@code PUT}. */
        PUT,
        /** {@code PATCH}. */
        PATCH,
        /** {@code DELETE}. */
        DELETE
    }

    /**
     * A builder for a call.
     *
     * @param server the server id
     * @param method the method
     * @param endpoint the provider path
     * @return the builder
     */
    public static Builder builder(String server, Method method, String endpoint) {
        return new Builder(server, method, endpoint);
    }

    @Override
    public String toString() {
        // header values may be secrets of the caller's: print the names only
        return "ProxyParams{server=" + server + ", method=" + method + ", endpoint=" + endpoint
                + ", params=" + params + ", headers=" + (headers == null ? null : headers.keySet()) + "}";
    }

    /** Builds a {@link ProxyParams}. */
    public static final class Builder {
        private final String server;
        private final Method method;
        private final String endpoint;
        private Object body;
        private Map<String, Object> params;
        private Map<String, String> headers;

        private Builder(String server, Method method, String endpoint) {
            this.server = server;
            this.method = method;
            this.endpoint = endpoint;
        }

        /**
         * The request body, any value Jackson can write (map, record, list, {@code JsonNode}).
         *
         * @param value the body
         * @return this builder
         */
        public Builder body(Object value) {
            this.body = value;
            return this;
        }

        /**
         * Adds a query parameter.
         *
         * @param name the name
         * @param value a string, number or boolean
         * @return this builder
         */
        public Builder param(String name, Object value) {
            if (params == null) {
                params = new LinkedHashMap<>();
            }
            params.put(name, value);
            return this;
        }

        /**
         * Adds a header sent to the provider.
         *
         * @param name the header name
         * @param value the value
         * @return this builder
         */
        public Builder header(String name, String value) {
            if (headers == null) {
                headers = new LinkedHashMap<>();
            }
            headers.put(name, value);
            return this;
        }

        /**
         * Builds the request; it is validated when sent.
         *
         * @return the request
         */
        public ProxyParams build() {
            return new ProxyParams(server, endpoint, method, body, params, headers);
        }
    }
}
