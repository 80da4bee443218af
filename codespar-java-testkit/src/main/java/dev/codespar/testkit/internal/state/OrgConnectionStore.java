package dev.codespar.testkit.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.wire.Ids;
import dev.codespar.testkit.internal.wire.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Provider credentials stored for the organisation (or one of its users); guarded by the world's lock. */
public final class OrgConnectionStore {

    /** The {@code user_id} of a connection stored for the whole organisation. */
    public static final String ORG_USER = "org";

    /** One stored connection. */
    public static final class Connection {
        /** Its id, {@code conn_...}. */
        public final String id;
        /** The server. */
        public final String serverId;
        /** The user, or {@link #ORG_USER}. */
        public final String userId;
        /** The server's auth type. */
        public final String authType;
        /** When it was created. */
        public final Instant createdAt;
        /** The display name, or {@code null}. */
        public String displayName;
        /** Operator metadata. */
        public JsonNode connectionMetadata;
        /** {@code connected} or {@code revoked}. */
        public String status = "connected";
        /** When the secret was last stored. */
        public Instant connectedAt;
        /** When it was revoked, or {@code null}. */
        public Instant revokedAt;

        Connection(String id, String serverId, String userId, String authType, Instant createdAt) {
            this.id = id;
            this.serverId = serverId;
            this.userId = userId;
            this.authType = authType;
            this.createdAt = createdAt;
            this.connectedAt = createdAt;
        }

        /** @return the wire row (secrets are never returned) */
        public ObjectNode row() {
            ObjectNode row = Json.object();
            row.put("id", id);
            row.put("user_id", userId);
            row.put("server_id", serverId);
            row.put("auth_type", authType);
            row.put("status", status);
            if (displayName == null) {
                row.putNull("display_name");
            } else {
                row.put("display_name", displayName);
            }
            row.putObject("metadata");
            row.set("connection_metadata", connectionMetadata == null ? Json.object() : connectionMetadata.deepCopy());
            row.putObject("cert_metadata");
            row.put("created_at", Json.iso(createdAt));
            row.put("connected_at", Json.iso(connectedAt));
            if (revokedAt == null) {
                row.putNull("revoked_at");
            } else {
                row.put("revoked_at", Json.iso(revokedAt));
            }
            row.putNull("expires_at");
            return row;
        }
    }

    private final Map<String, Connection> connections = new LinkedHashMap<>();
    private final World world;

    OrgConnectionStore(World world) {
        this.world = world;
    }

    void reset() {
        connections.clear();
    }

    /**
     * The active connection of a server for a user.
     *
     * @param serverId the server
     * @param userId the user or {@link #ORG_USER}
     * @return it, or {@code null}
     */
    public Connection active(String serverId, String userId) {
        for (Connection c : connections.values()) {
            if (c.status.equals("connected") && c.serverId.equals(serverId) && c.userId.equals(userId)) {
                return c;
            }
        }
        return null;
    }

    /**
     * Stores a new connection.
     *
     * @param serverId the server
     * @param userId the user or {@link #ORG_USER}
     * @param authType the server's auth type
     * @return the connection
     */
    public Connection create(String serverId, String userId, String authType) {
        Connection c = new Connection(Ids.of("conn_", 16), serverId, userId, authType, world.now());
        connections.put(c.id, c);
        return c;
    }

    /**
     * It, or {@code null}.
     *
     * @param id a connection id
     * @return it, or {@code null}
     */
    public Connection get(String id) {
        return connections.get(id);
    }

    /** @return every connection, oldest first */
    public List<Connection> all() {
        return new ArrayList<>(connections.values());
    }
}
