package dev.codespar;

import dev.codespar.internal.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The latest known disposition of a KYC verification a {@code codespar_kyc} call started
 * ({@code GET /v1/tool-calls/{toolCallId}/verification-status}, and each event of its stream).
 *
 * @param toolCallId the tool call (the requested id when the server did not echo it)
 * @param verificationStatus the disposition ({@link VerificationStatus#UNKNOWN} when missing or new)
 * @param idempotencyKey the key the server forwarded to the provider, or {@code null}
 * @param originalStatus the status of the tool call itself, e.g. {@code success}; may be {@code null}
 * @param hostedUrl the provider page where the subject completes the flow, or {@code null}
 * @param events the provider events seen so far, oldest first
 * @param requestId the request id of the HTTP answer; {@code null} on stream events
 */
public record VerificationStatusResult(
        String toolCallId,
        VerificationStatus verificationStatus,
        String idempotencyKey,
        String originalStatus,
        String hostedUrl,
        List<Event> events,
        String requestId) {

    /** Copies the list and normalizes a missing status to {@link VerificationStatus#UNKNOWN}. */
    public VerificationStatusResult {
        verificationStatus = verificationStatus == null ? VerificationStatus.UNKNOWN : verificationStatus;
        events = events == null ? List.of() : List.copyOf(events);
    }

    /**
     * Whether the verification reached a disposition that will not change.
     *
     * @return {@code true} for approved, rejected or expired
     */
    public boolean isTerminal() {
        return verificationStatus.isTerminal();
    }

    /**
     * A provider event about the verification.
     *
     * @param eventType e.g. {@code commerce.kyc.approved}
     * @param receivedAt when CodeSpar received it, or {@code null}
     * @param provider e.g. {@code persona}, or {@code null}
     * @param verificationId the provider's verification id, or {@code null}
     */
    public record Event(String eventType, Instant receivedAt, String provider, String verificationId) {}

    /** Reads an envelope; the status is {@code verification_status}, else the older {@code status}. */
    static VerificationStatusResult fromJson(JsonNode json, String requestedId, String requestId) {
        List<Event> events = new ArrayList<>();
        for (JsonNode e : json.path("events")) {
            if (e.isObject()) {
                events.add(new Event(JsonFields.text(e, "event_type"), JsonFields.instant(e, "received_at"),
                        JsonFields.text(e, "provider"), JsonFields.text(e, "verification_id")));
            }
        }
        return new VerificationStatusResult(
                JsonFields.textOr(json, "tool_call_id", requestedId),
                VerificationStatus.parse(JsonFields.textOr(json, "verification_status", JsonFields.text(json, "status"))),
                JsonFields.text(json, "idempotency_key"),
                JsonFields.text(json, "original_status"),
                JsonFields.text(json, "hosted_url"),
                events,
                requestId);
    }
}
