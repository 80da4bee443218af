package dev.codespar.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fake's mutable record of one session; guarded by the state lock. */
final class SessionRecord {

    final String id;
    final String userId;
    final String projectId;
    final List<String> servers;
    final Instant createdAt;
    final boolean testKey;
    /** The declared mocks, or {@code null} when the session was created without {@code mocks}. */
    final JsonNode mocks;
    final Map<String, Integer> mockCounters = new HashMap<>();
    final Map<String, Boolean> connections = new LinkedHashMap<>();
    Instant lastActivity;
    Instant closedAt;
    boolean expired;
    int connectionPolls;
    int toolCalls;

    SessionRecord(String id, String userId, String projectId, List<String> servers, Instant createdAt, boolean testKey,
            JsonNode mocks) {
        this.id = id;
        this.userId = userId;
        this.projectId = projectId;
        this.servers = List.copyOf(servers);
        this.createdAt = createdAt;
        this.lastActivity = createdAt;
        this.testKey = testKey;
        this.mocks = mocks;
    }

    String status(Instant now, java.time.Duration idleTimeout) {
        if (closedAt != null) {
            return "closed";
        }
        if (expired || now.isAfter(lastActivity.plus(idleTimeout))) {
            return "expired";
        }
        return "active";
    }

    /**
     * An open session as the create answer (G2) shows it: {@code id, org_id, project_id, user_id, servers,
     * status} ({@code active}), {@code created_at, closed_at}.
     */
    ObjectNode row() {
        ObjectNode row = Wire.object();
        row.put("id", id);
        row.put("org_id", FakeState.ORG_ID);
        row.put("project_id", projectId);
        row.put("user_id", userId);
        ArrayNode list = row.putArray("servers");
        servers.forEach(list::add);
        row.put("status", "active");
        row.put("created_at", Wire.iso(createdAt));
        if (closedAt == null) {
            row.putNull("closed_at");
        } else {
            row.put("closed_at", Wire.iso(closedAt));
        }
        return row;
    }

    SessionInfo info(String status) {
        return new SessionInfo(id, userId, projectId, servers, status,
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(connections)), mocks != null, createdAt,
                lastActivity);
    }
}
