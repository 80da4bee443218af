package dev.codespar.errors;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;

/**
 * A CodeSpar API call failed: the server answered with a non-2xx status, or no HTTP answer arrived at all
 * ({@link NetworkError}, status 0).
 *
 * <p>The class says what kind of failure it is. A known {@link #getCode() code} picks its own class (e.g.
 * {@code rate_limited} → {@link RateLimitedError}, whatever the status); an unknown code picks the class of its HTTP
 * status ({@code 404} → {@link NotFoundError}, any {@code 5xx} → {@link ServerError}); an unknown status is an
 * {@code ApiError} itself. New codes appear over time and never break parsing.
 *
 * <pre>{@code
 * try {
 *     session.execute("codespar_pay", Map.of("amount", 1000, "currency", "BRL"));
 * } catch (RateLimitedError e) {
 *     scheduleRetry(e.getRetryAfter().orElse(Duration.ofSeconds(30)));
 * } catch (NeedsConnectionError e) {
 *     sendToUser(e.getConnectUrl());
 * } catch (ApiError e) {
 *     log.error("CodeSpar call failed, request_id={}", e.getRequestId(), e);
 * }
 * }</pre>
 *
 * <p>{@link #getMessage()} reads like {@code rate_limited (429): Too many requests [request_id=req_a1b2]}.
 */
public sealed class ApiError extends CodeSparException
        permits NetworkError, BadRequestError, UnauthorizedError, ForbiddenError, NotFoundError, ConflictError,
                UnprocessableEntityError, TooManyRequestsError, ServerError {

    private static final long serialVersionUID = 1L;

    private final ErrorDetails details;

    /**
     * Creates an error from what the SDK learned about the failed call.
     *
     * @param details the code, status, request id and the rest; not {@code null}
     */
    public ApiError(ErrorDetails details) {
        this(details, null);
    }

    /**
     * Creates an error with an underlying cause.
     *
     * @param details the code, status, request id and the rest; not {@code null}
     * @param cause the underlying failure, or {@code null}
     */
    protected ApiError(ErrorDetails details, Throwable cause) {
        super(describe(details), cause);
        this.details = details;
    }

    /**
     * Builds the exception the SDK throws for these details: the class of a known code, else the class of the HTTP
     * status, else {@code ApiError} itself.
     *
     * @param details what is known about the failure
     * @return a new exception (not thrown)
     */
    public static ApiError from(ErrorDetails details) {
        return ErrorClasses.forDetails(details);
    }

    /**
     * The stable, machine-readable error code, safe to branch on (e.g. {@code rate_limited}).
     *
     * @return the code, or {@code null} when the server sent none (then the class reflects the HTTP status)
     */
    public String getCode() {
        return details.code();
    }

    /**
     * The HTTP status line of the answer.
     *
     * @return the status, or {@code 0} when no HTTP answer arrived
     */
    public int getStatus() {
        return details.status();
    }

    /**
     * The id to quote in a support ticket: the body's {@code request_id}, else the {@code X-Request-Id} header.
     *
     * @return the request id, or {@code null} when the server sent none (and for errors raised before the network)
     */
    public String getRequestId() {
        return details.requestId();
    }

    /**
     * How long the server asked the client to wait before trying again: {@code Retry-After} (seconds or HTTP-date),
     * else the time until {@code X-RateLimit-Reset}.
     *
     * @return the wait, or empty when the server gave no hint
     */
    public Optional<Duration> getRetryAfter() {
        return Optional.ofNullable(details.retryAfter());
    }

    /**
     * How many HTTP attempts the SDK made before giving up (retries included).
     *
     * @return the count; {@code 0} when the call was rejected before the network
     */
    public int getAttempts() {
        return details.attempts();
    }

    /**
     * Whether the server may have done the work despite this error, so that repeating the call could do it twice
     * (pay twice). {@code false} when it provably did not: it refused the request (4xx), said it could not take it
     * (502, 503), or the request never reached it whole ({@link NetworkError#wasRequestSent()}). {@code true} for a
     * 500, a 504 (a provider may have acted), an answer lost after the request was sent, or anything unknown.
     *
     * <pre>{@code
     * } catch (ApiError e) {
     *     if (e.mayHaveBeenProcessed()) {
     *         reconcileLater(orderId, e.getRequestId());   // check the payment's status; never pay again blindly
     *     }
     * }
     * }</pre>
     *
     * @return whether the outcome on the server is unknown
     */
    public boolean mayHaveBeenProcessed() {
        int status = getStatus();
        return !(status >= 400 && status < 500 || status == 502 || status == 503 || getAttempts() == 0);
    }

    /**
     * The raw error envelope, for fields this class has no accessor for ({@code unknown}, {@code field},
     * {@code tool_name}, {@code details}, ...).
     *
     * @return the JSON body, or {@code null} when the body was empty or not JSON
     */
    public JsonNode getBody() {
        return details.body();
    }

    /**
     * The server's human-readable message, without the code, status and request id that {@link #getMessage()}
     * adds. May contain details not meant for end users.
     *
     * @return the message, or {@code null}
     */
    public String getServerMessage() {
        return details.message();
    }

    /**
     * Everything this error carries, as one value.
     *
     * @return the details
     */
    public ErrorDetails getDetails() {
        return details;
    }

    private static String describe(ErrorDetails d) {
        StringBuilder sb = new StringBuilder(64);
        if (d.code() != null) {
            sb.append(d.code()).append(" (").append(d.status()).append(')');
        } else {
            sb.append("HTTP ").append(d.status());
        }
        if (d.message() != null && !d.message().isEmpty()) {
            sb.append(": ").append(d.message());
        }
        if (d.requestId() != null) {
            sb.append(" [request_id=").append(d.requestId()).append(']');
        }
        return sb.toString();
    }
}
