package dev.codespar.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A consent a consumer signed, from {@link ConsumerService#consents()}. The caps arrive as decimal strings and are
 * read as minor units; fields the server does not send are {@code null}.
 *
 * @param id the consent ({@code cns_...})
 * @param consumerId who signed
 * @param fundingSourceId the funding source it draws on, or {@code null}
 * @param agentId the agent it authorises, or {@code null}
 * @param kind e.g. {@code mandate}
 * @param hmacSecretVersion the version of the organisation secret it was signed with, or {@code null}
 * @param capMinor the total cap, minor units, or {@code null}
 * @param perTxCapMinor the per-transaction cap, minor units, or {@code null}
 * @param currency the currency of the caps, or {@code null}
 * @param purpose what it may be spent on, or {@code null}
 * @param ipAddress where it was signed from, or {@code null}
 * @param signedAt when it was signed
 * @param expiresAt when it expires, or {@code null}
 * @param metadata the server's metadata object (a missing node when absent)
 * @param raw the row as the server sent it
 */
public record Consent(String id, String consumerId, String fundingSourceId, String agentId, String kind,
        Integer hmacSecretVersion, Long capMinor, Long perTxCapMinor, String currency, String purpose,
        String ipAddress, Instant signedAt, Instant expiresAt, JsonNode metadata, JsonNode raw) {}
