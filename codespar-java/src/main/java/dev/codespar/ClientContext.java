package dev.codespar;

import dev.codespar.errors.ConfigError;
import dev.codespar.internal.http.HttpTransport;
import java.time.Duration;

/**
 * What a client and its sessions share: the transport, the key (read only for the MCP endpoint's headers, never
 * logged) and the idle timeouts of the two kinds of stream.
 */
record ClientContext(HttpTransport transport, String apiKey, Duration sendStreamIdleTimeout,
        Duration statusStreamIdleTimeout) {

    /** The same context with a view's options: the transport's, and one idle timeout for both streams if set. */
    ClientContext withOptions(RequestOptions options) {
        if (options == null) {
            throw new ConfigError("options: must not be null");
        }
        Duration idle = options.streamIdleTimeout();
        return new ClientContext(transport.withOptions(options.toCallOptions()), apiKey,
                idle != null ? idle : sendStreamIdleTimeout, idle != null ? idle : statusStreamIdleTimeout);
    }

    @Override
    public String toString() {
        return "ClientContext{baseUrl=" + transport.baseUrl() + ", apiKey=[redacted]}";
    }
}
