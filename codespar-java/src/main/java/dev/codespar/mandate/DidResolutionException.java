package dev.codespar.mandate;

import java.util.Objects;
import java.util.Optional;

/**
 * {@link AgentDidResolver} could not produce a key: the API did not answer, answered with a non-2xx status, sent a
 * body that is too large or not a DID document, or the document publishes no Ed25519 key under the key id.
 *
 * <pre>{@code
 * try {
 *     byte[] agentKey = resolver.publicKey(kid);
 * } catch (DidResolutionException e) {
 *     if (e.getReason() == DidResolutionException.Reason.HTTP_STATUS && e.getStatus() == 404) {
 *         return reject("unknown agent " + e.getDid());
 *     }
 *     throw e;
 * }
 * }</pre>
 *
 * <p>An {@link IllegalStateException}, not a {@code dev.codespar.errors.CodeSparException}: the document route needs
 * no API key and its answers carry no CodeSpar error envelope to classify.
 */
public final class DidResolutionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** No HTTP answer: connection refused, reset, TLS failure, timeout, or the call was cancelled. */
        NETWORK,
        /** The API answered with a status outside 2xx; see {@link #getStatus()}. */
        HTTP_STATUS,
        /** The document is larger than {@link AgentDidResolver#MAX_DOCUMENT_BYTES}. */
        TOO_LARGE,
        /** The body is not UTF-8 JSON of an object. */
        INVALID_DOCUMENT,
        /** The document publishes no Ed25519 key under the key id asked for. */
        KEY_NOT_FOUND
    }

    /** What went wrong. */
    private final Reason reason;
    /** The DID asked for. */
    private final String did;
    /** The HTTP status, 0 without an answer. */
    private final int status;
    /** The answer's request id, or {@code null}. */
    private final String requestId;

    /**
     * Creates the exception; {@link AgentDidResolver} does this for you.
     *
     * @param reason what went wrong
     * @param did the DID being resolved
     * @param status the HTTP status, or 0 when there was no answer
     * @param requestId the answer's {@code X-Request-Id}, or {@code null}
     * @param message what to log
     * @param cause the underlying failure, or {@code null}
     */
    public DidResolutionException(Reason reason, String did, int status, String requestId, String message,
            Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.did = Objects.requireNonNull(did, "did");
        this.status = status;
        this.requestId = requestId;
    }

    /**
     * What went wrong.
     *
     * @return the reason
     */
    public Reason getReason() {
        return reason;
    }

    /**
     * The DID whose document was asked for.
     *
     * @return the DID, without fragment
     */
    public String getDid() {
        return did;
    }

    /**
     * The HTTP status of the answer.
     *
     * @return the status, or 0 for {@link Reason#NETWORK}
     */
    public int getStatus() {
        return status;
    }

    /**
     * The request id the API gave the answer ({@code X-Request-Id}), for a support ticket.
     *
     * @return the id, or empty when the answer had none
     */
    public Optional<String> getRequestId() {
        return Optional.ofNullable(requestId);
    }
}
