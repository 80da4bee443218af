package dev.codespar;

import dev.codespar.internal.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The latest known settlement state of a payment a tool call started
 * ({@code GET /v1/tool-calls/{toolCallId}/payment-status}, and each event of its stream).
 *
 * <pre>{@code
 * PaymentStatusResult s = session.paymentStatus(result.toolCallId());
 * if (s.paymentStatus() == PaymentStatus.SUCCEEDED) { ship(order); }
 * }</pre>
 *
 * @param toolCallId the tool call (the requested id when the server did not echo it)
 * @param paymentStatus the state ({@link PaymentStatus#UNKNOWN} when missing or new)
 * @param idempotencyKey the key the server forwarded to the provider, or {@code null} (legacy or non-meta-tool
 *     calls, whose status is always unknown)
 * @param originalStatus the status of the tool call itself, e.g. {@code success}; may be {@code null}
 * @param hostedUrl a provider page for the payer, or {@code null}
 * @param events the provider events seen so far, oldest first
 * @param requestId the request id of the HTTP answer; {@code null} on stream events (see the stream's own id)
 */
public record PaymentStatusResult(
        String toolCallId,
        PaymentStatus paymentStatus,
        String idempotencyKey,
        String originalStatus,
        String hostedUrl,
        List<Event> events,
        String requestId) {

    /** Copies the list and normalizes a missing status to {@link PaymentStatus#UNKNOWN}. */
    public PaymentStatusResult {
        paymentStatus = paymentStatus == null ? PaymentStatus.UNKNOWN : paymentStatus;
        events = events == null ? List.of() : List.copyOf(events);
    }

    /**
     * Whether the payment reached a state that will not change.
     *
     * @return {@code true} for succeeded, failed or refunded
     */
    public boolean isTerminal() {
        return paymentStatus.isTerminal();
    }

    /**
     * A provider event about the payment.
     *
     * @param eventType e.g. {@code commerce.payment.succeeded}
     * @param receivedAt when CodeSpar received it, or {@code null}
     * @param provider e.g. {@code asaas}, or {@code null}
     * @param providerAction the provider's own event name, e.g. {@code PAYMENT_RECEIVED}, or {@code null}
     * @param paymentId the provider's payment id, or {@code null}
     */
    public record Event(String eventType, Instant receivedAt, String provider, String providerAction,
            String paymentId) {}

    /** Reads an envelope; the status is {@code payment_status}, else the older {@code status}. */
    static PaymentStatusResult fromJson(JsonNode json, String requestedId, String requestId) {
        List<Event> events = new ArrayList<>();
        for (JsonNode e : json.path("events")) {
            if (e.isObject()) {
                events.add(new Event(JsonFields.text(e, "event_type"), JsonFields.instant(e, "received_at"),
                        JsonFields.text(e, "provider"), JsonFields.text(e, "provider_action"), JsonFields.text(e, "payment_id")));
            }
        }
        return new PaymentStatusResult(
                JsonFields.textOr(json, "tool_call_id", requestedId),
                PaymentStatus.parse(JsonFields.textOr(json, "payment_status", JsonFields.text(json, "status"))),
                JsonFields.text(json, "idempotency_key"),
                JsonFields.text(json, "original_status"),
                JsonFields.text(json, "hosted_url"),
                events,
                requestId);
    }
}
