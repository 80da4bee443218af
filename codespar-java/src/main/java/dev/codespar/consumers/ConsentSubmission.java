package dev.codespar.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A signed consent, from {@link ConsumerService#submitConsent(String, ConsentSubmitParams)}: the mandate it minted.
 * Only the mandate id is certain to be there; the other fields are {@code null} (or empty) when the server does not
 * send them.
 *
 * @param mandateId the mandate to spend from ({@code mnd_...})
 * @param consumerId the consumer who signed
 * @param agentId the agent the mandate authorises
 * @param consentId the consent record
 * @param fundingSourceIds the funding sources behind the mandate
 * @param status e.g. {@code active}
 * @param expiresAt when the mandate expires
 * @param raw the answer as the server sent it
 */
public record ConsentSubmission(String mandateId, String consumerId, String agentId, String consentId,
        List<String> fundingSourceIds, String status, Instant expiresAt, JsonNode raw) {

    /** Copies the list. */
    public ConsentSubmission {
        fundingSourceIds = fundingSourceIds == null ? List.of() : List.copyOf(fundingSourceIds);
    }
}
