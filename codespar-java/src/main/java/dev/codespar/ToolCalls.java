package dev.codespar;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * What became of the tool calls of a session that settle later: a Pix charge or payment
 * ({@code codespar_charge}, {@code codespar_pay}) and a KYC verification ({@code codespar_kyc}). Read the latest state
 * once, or follow it as a stream: a snapshot first, an update on each change, then {@code done} (about 5 s after a
 * terminal state). Get it with {@link Session#toolCalls()}; every request carries the session's project.
 *
 * <pre>{@code
 * ToolResult charge = session.execute("codespar_charge", input);
 * try (EventStream<StatusEvent<PaymentStatusResult>> events =
 *         session.toolCalls().paymentStatusStream(charge.toolCallId())) {
 *     for (StatusEvent<PaymentStatusResult> e : events) {
 *         e.status().filter(PaymentStatusResult::isTerminal)
 *                 .ifPresent(s -> System.out.println("settled: " + s.paymentStatus()));
 *     }
 * }
 * }</pre>
 *
 * <p>The streams use the client's status-stream idle timeout (default 45 s; the server sends a heartbeat every 15 s);
 * {@link Session#withOptions} sets another one for some calls.
 */
public final class ToolCalls {

    private final SessionCalls calls;
    private final Duration idleTimeout;

    ToolCalls(SessionCalls calls, Duration idleTimeout) {
        this.calls = calls;
        this.idleTimeout = idleTimeout;
    }

    /**
     * The latest known settlement state of a payment ({@code GET /v1/tool-calls/{toolCallId}/payment-status}).
     *
     * @param toolCallId the {@link ToolResult#toolCallId()} of the charge or payment
     * @return the state
     * @throws dev.codespar.errors.InvalidRequestError when the id is blank (no network call)
     * @throws dev.codespar.errors.ApiError when the call fails (404 for an unknown tool call)
     */
    public PaymentStatusResult paymentStatus(String toolCallId) {
        return calls.paymentStatus(toolCallId).execute();
    }

    /**
     * {@link #paymentStatus(String)} without blocking.
     *
     * @param toolCallId the tool call id
     * @return a future of the state
     */
    public CompletableFuture<PaymentStatusResult> paymentStatusAsync(String toolCallId) {
        return calls.paymentStatus(toolCallId).executeAsync();
    }

    /**
     * Follows a payment's settlement as it happens ({@code GET /v1/tool-calls/{toolCallId}/payment-status/stream}).
     *
     * @param toolCallId the tool call id
     * @return the open stream; close it
     * @throws dev.codespar.errors.ApiError when the stream cannot be opened
     */
    public EventStream<StatusEvent<PaymentStatusResult>> paymentStatusStream(String toolCallId) {
        return calls.paymentStatusStream(toolCallId, idleTimeout).execute();
    }

    /**
     * {@link #paymentStatusStream(String)} without blocking: completes once the stream's answer has arrived.
     *
     * @param toolCallId the tool call id
     * @return a future of the open stream
     */
    public CompletableFuture<EventStream<StatusEvent<PaymentStatusResult>>> paymentStatusStreamAsync(
            String toolCallId) {
        return calls.paymentStatusStream(toolCallId, idleTimeout).executeAsync();
    }

    /**
     * The latest known disposition of a KYC verification
     * ({@code GET /v1/tool-calls/{toolCallId}/verification-status}).
     *
     * @param toolCallId the {@link ToolResult#toolCallId()} of the KYC call
     * @return the disposition
     * @throws dev.codespar.errors.InvalidRequestError when the id is blank (no network call)
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    public VerificationStatusResult verificationStatus(String toolCallId) {
        return calls.verificationStatus(toolCallId).execute();
    }

    /**
     * {@link #verificationStatus(String)} without blocking.
     *
     * @param toolCallId the tool call id
     * @return a future of the disposition
     */
    public CompletableFuture<VerificationStatusResult> verificationStatusAsync(String toolCallId) {
        return calls.verificationStatus(toolCallId).executeAsync();
    }

    /**
     * Follows a KYC verification as it happens
     * ({@code GET /v1/tool-calls/{toolCallId}/verification-status/stream}).
     *
     * @param toolCallId the tool call id
     * @return the open stream; close it
     * @throws dev.codespar.errors.ApiError when the stream cannot be opened
     */
    public EventStream<StatusEvent<VerificationStatusResult>> verificationStatusStream(String toolCallId) {
        return calls.verificationStatusStream(toolCallId, idleTimeout).execute();
    }

    /**
     * {@link #verificationStatusStream(String)} without blocking.
     *
     * @param toolCallId the tool call id
     * @return a future of the open stream
     */
    public CompletableFuture<EventStream<StatusEvent<VerificationStatusResult>>> verificationStatusStreamAsync(
            String toolCallId) {
        return calls.verificationStatusStream(toolCallId, idleTimeout).executeAsync();
    }
}
