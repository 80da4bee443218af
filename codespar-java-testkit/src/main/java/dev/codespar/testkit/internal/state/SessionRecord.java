package dev.codespar.testkit.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.SessionInfo;
import dev.codespar.testkit.internal.wire.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fake's mutable record of one session; guarded by the world's lock. */
public final class SessionRecord {

    /** The session id. */
    public final String id;
    /** The user it was created for. */
    public final String userId;
    /** Its project. */
    public final String projectId;
    /** Its servers, in create order. */
    public final List<String> servers;
    /** When it was created. */
    public final Instant createdAt;
    /** Whether it was created with a {@code csk_test_} key. */
    public final boolean testKey;
    /** The declared mocks, or {@code null} when created without {@code mocks}. */
    public final JsonNode mocks;
    /** Calls answered per mock key. */
    public final Map<String, Integer> mockCounters = new HashMap<>();
    /** Server → connected. */
    public final Map<String, Boolean> connections = new LinkedHashMap<>();
    /** Its tool calls, as {@code GET /v1/sessions/{id}/logs} lists them. */
    public final List<ObjectNode> logs = new ArrayList<>();
    /** Its last tool call. */
    public Instant lastActivity;
    /** When it was closed, or {@code null}. */
    public Instant closedAt;
    /** Whether a test expired it. */
    public boolean expired;
    /** How often its connections were polled. */
    public int connectionPolls;
    /** How many tool calls it answered. */
    public int toolCalls;

    /**
     * A new open session.
     *
     * @param id the id
     * @param userId the user
     * @param projectId the project
     * @param servers the servers
     * @param createdAt now
     * @param testKey whether the key was a test key
     * @param mocks the mocks or {@code null}
     */
    public SessionRecord(String id, String userId, String projectId, List<String> servers, Instant createdAt,
            boolean testKey, JsonNode mocks) {
        this.id = id;
        this.userId = userId;
        this.projectId = projectId;
        this.servers = List.copyOf(servers);
        this.createdAt = createdAt;
        this.lastActivity = createdAt;
        this.testKey = testKey;
        this.mocks = mocks;
    }

    /**
     * {@code active}, {@code closed} or {@code expired}.
     *
     * @param now the fake's time
     * @param idleTimeout the idle expiry, or {@code null} for none (the runtime)
     * @return the status
     */
    public String status(Instant now, Duration idleTimeout) {
        if (closedAt != null) {
            return "closed";
        }
        if (expired || (idleTimeout != null && now.isAfter(lastActivity.plus(idleTimeout)))) {
            return "expired";
        }
        return "active";
    }

    /**
     * The session row of the hosted API: {@code id, org_id, project_id, user_id, servers, status, created_at,
     * closed_at}.
     *
     * @param orgId the organisation
     * @param status {@code active} or {@code closed}
     * @return a new object
     */
    public ObjectNode row(String orgId, String status) {
        ObjectNode row = Json.object();
        row.put("id", id);
        row.put("org_id", orgId);
        row.put("project_id", projectId);
        row.put("user_id", userId);
        ArrayNode list = row.putArray("servers");
        servers.forEach(list::add);
        row.put("status", status);
        row.put("created_at", Json.iso(createdAt));
        if (closedAt == null) {
            row.putNull("closed_at");
        } else {
            row.put("closed_at", Json.iso(closedAt));
        }
        return row;
    }

    /**
     * What a test sees of it.
     *
     * @param status its status now
     * @return the snapshot
     */
    public SessionInfo info(String status) {
        return new SessionInfo(id, userId, projectId, servers, status,
                Collections.unmodifiableMap(new LinkedHashMap<>(connections)), mocks != null, createdAt,
                lastActivity);
    }
}
