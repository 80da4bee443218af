package dev.codespar.management;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * An API key of the organisation. Returned by {@link ApiKeyService}.
 *
 * <p>The full key ({@code csk_live_...} / {@code csk_test_...}) is in {@link #fullKey()} only in the answer of
 * {@link ApiKeyService#create}: the API never shows it again, so store it then. It never appears in
 * {@link #toString()}, and {@link #raw()} is the object without it, so logging a key object is safe. Lists carry
 * only the {@link #prefix()}.
 *
 * @param id the key's id
 * @param name the label given at creation, or {@code null}
 * @param prefix the first characters of the key, to recognise it (e.g. {@code csk_live_ab12}), or {@code null}
 * @param fullKey the whole secret key: only right after creation, else {@code null}
 * @param createdAt when it was created, or {@code null}
 * @param lastUsedAt when it last authenticated a request, or {@code null} (never used, or not sent)
 * @param revokedAt when it was revoked, or {@code null} while it is active
 * @param warning the server's advice about storing the key, or {@code null}
 * @param raw the object as the server sent it, minus {@code full_key}
 */
public record ApiKey(
        String id,
        String name,
        String prefix,
        String fullKey,
        Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt,
        String warning,
        JsonNode raw) {

    /**
     * Whether the key still authenticates.
     *
     * @return {@code true} when it has no {@link #revokedAt()}
     */
    public boolean isActive() {
        return revokedAt == null;
    }

    /** Leaves the full key out: {@code fullKey=[redacted]} when there is one. */
    @Override
    public String toString() {
        return "ApiKey[id=" + id + ", name=" + name + ", prefix=" + prefix + ", fullKey="
                + (fullKey == null ? "null" : "[redacted]") + ", createdAt=" + createdAt + ", lastUsedAt="
                + lastUsedAt + ", revokedAt=" + revokedAt + "]";
    }
}
