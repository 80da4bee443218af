package dev.codespar.errors;

/**
 * The client configuration is missing or invalid; thrown by {@code CodeSparClient.Builder#build()} before any
 * network I/O.
 *
 * <p>Raised when the API key is missing or blank or does not start with {@code csk_}, the base URL is not an
 * {@code http(s)} URL or is plain {@code http://} to a host other than loopback, the project id does not match
 * {@code ^prj_[A-Za-z0-9]{16}$}, or a timeout or retry setting is out of range. The message names the setting and
 * how to fix it; it never contains the API key.
 *
 * <pre>{@code
 * try {
 *     client = CodeSparClient.builder().build();
 * } catch (ConfigError e) {
 *     // "API key is missing: pass .apiKey(\"csk_...\") to the builder or set CODESPAR_API_KEY"
 * }
 * }</pre>
 */
public final class ConfigError extends CodeSparException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates a configuration error.
     *
     * @param message which setting is wrong and how to fix it; must not contain secrets
     */
    public ConfigError(String message) {
        super(message, null);
    }
}
