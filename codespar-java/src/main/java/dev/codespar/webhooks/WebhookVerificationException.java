package dev.codespar.webhooks;

/**
 * A webhook delivery failed verification: its {@code X-CodeSpar-Signature} is missing, malformed or does not match
 * the body, or the signed body is not a JSON object. Thrown by {@link Webhooks}; answer the delivery with a 4xx and
 * do not act on it.
 *
 * <p>Why not a {@link dev.codespar.errors.CodeSparException}: that sealed tree describes failed calls to the
 * CodeSpar API (with a status, a code and a request id). Verifying a delivery makes no API call; it is a check of
 * input your server received, so this exception extends {@link IllegalArgumentException}. It is unchecked, and
 * distinct enough to catch on its own:
 *
 * <pre>{@code
 * try {
 *     WebhookEvent event = Webhooks.constructEvent(body, signature, secret);
 *     handle(event);
 *     exchange.sendResponseHeaders(204, -1);
 * } catch (WebhookVerificationException e) {
 *     log.warn("rejected a webhook delivery: {}", e.getReason());
 *     exchange.sendResponseHeaders(400, -1);
 * }
 * }</pre>
 *
 * <p>The message never contains the secret or the expected signature.
 */
public final class WebhookVerificationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why a delivery was rejected. */
    public enum Reason {
        /** The request had no {@code X-CodeSpar-Signature} header, or an empty one. */
        MISSING_SIGNATURE,
        /** The header is not a hex-encoded HMAC-SHA256 (64 hex digits, optionally prefixed {@code sha256=}). */
        MALFORMED_SIGNATURE,
        /** The signature does not match the body and the secret: tampered, or signed with another secret. */
        SIGNATURE_MISMATCH,
        /** The signature matched, but the body is not a JSON object. */
        MALFORMED_PAYLOAD
    }

    private final Reason reason;

    /**
     * Creates the exception; {@link Webhooks} does this for you.
     *
     * @param reason why the delivery was rejected
     * @param message what to log
     */
    public WebhookVerificationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * Creates the exception with a cause.
     *
     * @param reason why the delivery was rejected
     * @param message what to log
     * @param cause the underlying failure
     */
    public WebhookVerificationException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /**
     * Why the delivery was rejected.
     *
     * @return the reason
     */
    public Reason getReason() {
        return reason;
    }
}
