package dev.codespar.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A consumer's linked account a mandate draws on (a Pix account, a USDC wallet), from
 * {@link ConsumerService#fundingSources()}. Fields the server does not send are {@code null}.
 *
 * @param id the funding source ({@code fs_...})
 * @param consumerId its consumer
 * @param rail e.g. {@code pix}
 * @param currency e.g. {@code BRL}
 * @param provider who holds it, e.g. {@code celcoin}
 * @param displayLabel what to show the consumer, or {@code null}
 * @param status e.g. {@code active}, {@code revoked}
 * @param createdAt when it was linked
 * @param expiresAt when it stops working, or {@code null}
 * @param revokedAt when it was revoked, or {@code null}
 * @param metadata the server's metadata object (a missing node when absent)
 * @param raw the row as the server sent it
 */
public record FundingSource(String id, String consumerId, String rail, String currency, String provider,
        String displayLabel, String status, Instant createdAt, Instant expiresAt, Instant revokedAt,
        JsonNode metadata, JsonNode raw) {}
