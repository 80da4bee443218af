package dev.codespar.management;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A connection of the organisation to a server: the provider credentials CodeSpar injects into that server's tool
 * calls (for every user, or for one {@link #userId()}). Returned by {@link OrgConnectionService}.
 *
 * <p>The secret you stored is never sent back; {@link #raw()} drops it anyway should a server echo it.
 *
 * @param id the connection id ({@code conn_...} / {@code ca_...})
 * @param serverId the server it authenticates, e.g. {@code asaas}
 * @param displayName the label you gave it, or {@code null}
 * @param userId the user it is limited to, or {@code null} for the whole organisation
 * @param status the state as the server wrote it (e.g. {@code connected}, {@code revoked}; kept as text), or
 *     {@code null}
 * @param connectionMetadata your non-secret metadata, or a JSON null
 * @param createdAt when it was created, or {@code null}
 * @param rotated {@code true} when {@link OrgConnectionService#create} replaced the secret of an existing
 *     connection (the server answered 200 instead of 201); always {@code false} in lists
 * @param raw the object as the server sent it, minus any secret
 */
public record OrgConnection(
        String id,
        String serverId,
        String displayName,
        String userId,
        String status,
        JsonNode connectionMetadata,
        Instant createdAt,
        boolean rotated,
        JsonNode raw) {}
