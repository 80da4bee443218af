package dev.codespar.testkit.internal.routes.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.routes.Bodies;
import dev.codespar.testkit.internal.routes.Exchange;
import dev.codespar.testkit.internal.state.Catalog;
import dev.codespar.testkit.internal.state.OrgConnectionStore;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.wire.Answer;
import dev.codespar.testkit.internal.wire.Json;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code /v1/connections}: store provider credentials for the organisation or a user (201; 200 when it replaces an
 * active one), list them (secrets are never returned), revoke one. A stored connection connects its server in the
 * matching sessions.
 */
public final class OrgConnectionsRoute {

    private static final int MAX_METADATA_KEYS = 64;
    private static final int MAX_METADATA_BYTES = 32 * 1024;

    private final World world;

    /**
     * The route.
     *
     * @param world the state
     */
    public OrgConnectionsRoute(World world) {
        this.world = world;
    }

    /**
     * {@code POST /v1/connections}.
     *
     * @param ex the request
     * @return 201 (200 on rotation) and the connection
     */
    public Answer create(Exchange ex) {
        JsonNode body = Bodies.object(ex);
        String serverId = Bodies.required(ex, body, "server_id");
        Bodies.length(ex, serverId, "server_id", 1, 64);
        checkSecret(ex, body.get("secret"));
        String displayName = Bodies.optional(ex, body, "display_name");
        if (displayName != null) {
            Bodies.length(ex, displayName, "display_name", 1, 128);
        }
        String userId = Bodies.optional(ex, body, "user_id");
        if (userId != null) {
            Bodies.length(ex, userId, "user_id", 1, 128);
        }
        JsonNode metadata = body.get("connection_metadata");
        if (metadata != null && !metadata.isNull()) {
            if (!metadata.isObject() || metadata.size() > MAX_METADATA_KEYS
                    || Json.bytes(metadata).length > MAX_METADATA_BYTES) {
                throw Answer.invalid(ex, "connection_metadata must be an object of at most 64 keys and 32 KB");
            }
        }
        Catalog.Server server = world.config.catalog().get(serverId);
        if (server == null) {
            throw Answer.notFound(ex, "Server not in the catalog: " + serverId);
        }
        String owner = userId != null ? userId : OrgConnectionStore.ORG_USER;
        OrgConnectionStore.Connection c = world.org.connections.active(serverId, owner);
        boolean rotated = c != null;
        if (c == null) {
            c = world.org.connections.create(serverId, owner, server.authType());
        } else {
            c.connectedAt = world.now();
        }
        if (displayName != null) {
            c.displayName = displayName;
        }
        if (metadata != null && !metadata.isNull()) {
            c.connectionMetadata = metadata.deepCopy();
        }
        world.setConnected(serverId, userId, true);
        return Answer.json(rotated ? 200 : 201, c.row());
    }

    private static void checkSecret(Exchange ex, JsonNode secret) {
        if (secret == null || secret.isNull()) {
            throw Answer.invalid(ex, "Missing required field: secret");
        }
        if (secret.isTextual()) {
            if (secret.asText().isEmpty() || secret.asText().length() > 4096) {
                throw Answer.invalid(ex, "secret must be 1 to 4096 characters");
            }
            return;
        }
        if (!secret.isObject() || secret.isEmpty()) {
            throw Answer.invalid(ex, "secret must be a string or an object of strings");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = secret.fields(); it.hasNext(); ) {
            JsonNode v = it.next().getValue();
            if (!v.isTextual() || v.asText().isEmpty() || v.asText().length() > 4096) {
                throw Answer.invalid(ex, "every secret value must be a string of 1 to 4096 characters");
            }
        }
    }

    /**
     * {@code GET /v1/connections?user_id=&server_id=&status=}.
     *
     * @param ex the request
     * @return {@code {connections}}
     */
    public Answer list(Exchange ex) {
        String user = ex.queryParam("user_id");
        String server = ex.queryParam("server_id");
        String status = ex.queryParam("status");
        ObjectNode body = Json.object();
        ArrayNode rows = body.putArray("connections");
        for (OrgConnectionStore.Connection c : world.org.connections.all()) {
            if ((user == null || user.equals(c.userId)) && (server == null || server.equals(c.serverId))
                    && (status == null || status.equals(c.status))) {
                rows.add(c.row());
            }
        }
        return Answer.json(200, body);
    }

    /**
     * {@code POST /v1/connections/{id}/revoke}.
     *
     * @param ex the request
     * @return the revoked connection
     */
    public Answer revoke(Exchange ex) {
        OrgConnectionStore.Connection c = world.org.connections.get(ex.param("id"));
        if (c == null) {
            throw Answer.notFound(ex, "Connection not found");
        }
        if (c.status.equals("connected")) {
            c.status = "revoked";
            c.revokedAt = world.now();
            world.setConnected(c.serverId, c.userId.equals(OrgConnectionStore.ORG_USER) ? null : c.userId, false);
        }
        return Answer.json(200, c.row());
    }
}
