package dev.codespar.errors;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * What the SDK learned from a failed API call: the fields every {@link ApiError} exposes.
 *
 * <p>The SDK builds one from the HTTP answer (status line, headers and the error envelope, whichever of its shapes
 * the server used). Tests of code that handles CodeSpar errors can build one too, and turn it into the exception the
 * SDK would throw with {@link ApiError#from(ErrorDetails)}:
 *
 * <pre>{@code
 * ApiError e = ApiError.from(ErrorDetails.of("rate_limited", 429, "Too many requests")
 *         .withRequestId("req_a1b2")
 *         .withRetryAfter(Duration.ofSeconds(3)));
 * assert e instanceof RateLimitedError;
 * }</pre>
 *
 * @param code the machine-readable error code (e.g. {@code rate_limited}), or {@code null} when the server sent none
 * @param status the HTTP status line, or {@code 0} when no HTTP answer arrived
 * @param message the server's human-readable message (or the SDK's, for local errors), or {@code null}
 * @param requestId the request id from the body ({@code request_id}) or the {@code X-Request-Id} header, or
 *     {@code null}
 * @param retryAfter how long the server asked the client to wait, or {@code null}
 * @param rateLimitReset when the rate-limit window resets ({@code X-RateLimit-Reset}), or {@code null}
 * @param body the raw error envelope when it was JSON, or {@code null}
 * @param attempts how many HTTP attempts were made ({@code 0} when the call failed before the network)
 */
public record ErrorDetails(
        String code,
        int status,
        String message,
        String requestId,
        Duration retryAfter,
        Instant rateLimitReset,
        JsonNode body,
        int attempts) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Details with a code, a status and a message, and nothing else.
     *
     * @param code the error code, or {@code null}
     * @param status the HTTP status, or {@code 0}
     * @param message the message, or {@code null}
     * @return new details with no request id, no retry hint, no body and zero attempts
     */
    public static ErrorDetails of(String code, int status, String message) {
        return new ErrorDetails(code, status, message, null, null, null, null, 0);
    }

    /**
     * A copy with another request id.
     *
     * @param id the request id, or {@code null}
     * @return the new details
     */
    public ErrorDetails withRequestId(String id) {
        return new ErrorDetails(code, status, message, id, retryAfter, rateLimitReset, body, attempts);
    }

    /**
     * A copy with another retry hint.
     *
     * @param wait the wait the server asked for, or {@code null}
     * @return the new details
     */
    public ErrorDetails withRetryAfter(Duration wait) {
        return new ErrorDetails(code, status, message, requestId, wait, rateLimitReset, body, attempts);
    }

    /**
     * A copy with another rate-limit reset instant.
     *
     * @param reset the reset instant, or {@code null}
     * @return the new details
     */
    public ErrorDetails withRateLimitReset(Instant reset) {
        return new ErrorDetails(code, status, message, requestId, retryAfter, reset, body, attempts);
    }

    /**
     * A copy with another raw body.
     *
     * @param json the error envelope, or {@code null}
     * @return the new details
     */
    public ErrorDetails withBody(JsonNode json) {
        return new ErrorDetails(code, status, message, requestId, retryAfter, rateLimitReset, json, attempts);
    }

    /**
     * A copy with another attempt count.
     *
     * @param count how many HTTP attempts were made
     * @return the new details
     */
    public ErrorDetails withAttempts(int count) {
        return new ErrorDetails(code, status, message, requestId, retryAfter, rateLimitReset, body, count);
    }
}
