package dev.codespar.errors;

/**
 * Root of every exception the CodeSpar SDK throws.
 *
 * <p>The tree is sealed, so a {@code switch} over it (or a chain of {@code catch} blocks) can be exhaustive:
 *
 * <ul>
 *   <li>{@link ConfigError}: the client was configured wrongly; raised by {@code CodeSparClient.Builder#build()}.
 *   <li>{@link NotConnectedError}: a tool needs a server whose connection is not ready yet.
 *   <li>{@link StreamError}: a server-sent event stream failed after it had started.
 *   <li>{@link ApiError}: any failed API call, with {@link ApiError#getCode()}, {@link ApiError#getStatus()} and
 *       {@link ApiError#getRequestId()}.
 * </ul>
 *
 * <pre>{@code
 * try {
 *     session.execute("codespar_pay", input);
 * } catch (CodeSparException e) {
 *     String what = switch (e) {
 *         case ApiError api -> "API said " + api.getCode() + ", request id " + api.getRequestId();
 *         case StreamError stream -> "stream broke after " + stream.getEventsDelivered() + " events";
 *         case NotConnectedError nc -> "connect first: " + nc.getPendingServers();
 *         case ConfigError config -> "fix the configuration: " + config.getMessage();
 *     };
 * }
 * }</pre>
 *
 * <p>No message, {@code toString()} or field of any exception in this tree contains the API key or the
 * {@code Authorization} header.
 */
public abstract sealed class CodeSparException extends RuntimeException
        permits ConfigError, NotConnectedError, StreamError, ApiError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message and an optional cause.
     *
     * @param message what went wrong and, where known, how to fix it
     * @param cause the underlying failure, or {@code null}
     */
    protected CodeSparException(String message, Throwable cause) {
        super(message, cause);
    }
}
