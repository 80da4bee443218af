package dev.codespar.testkit.internal.routes.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.routes.Bodies;
import dev.codespar.testkit.internal.routes.Exchange;
import dev.codespar.testkit.internal.state.MockRules;
import dev.codespar.testkit.internal.state.OrgConnectionStore;
import dev.codespar.testkit.internal.state.SessionRecord;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.wire.Answer;
import dev.codespar.testkit.internal.wire.Ids;
import dev.codespar.testkit.internal.wire.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code /v1/sessions} of the hosted API: create ({@code POST}), read ({@code GET /{id}}), close
 * ({@code DELETE /{id}} and the CLI's {@code POST /{id}/close}).
 */
public final class SessionsRoute {

    private static final Pattern PROJECT_ID = Pattern.compile("^prj_[A-Za-z0-9]{16}$");

    private final World world;

    /**
     * The route.
     *
     * @param world the state
     */
    public SessionsRoute(World world) {
        this.world = world;
    }

    /**
     * {@code POST /v1/sessions}: checks the body (servers 1..20 of the catalogue, user_id 1..128, mocks in test
     * mode), then answers 201 with the session row.
     *
     * @param ex the request
     * @return the answer
     */
    public Answer create(Exchange ex) {
        JsonNode body = Bodies.object(ex);
        List<String> servers = servers(ex, body.get("servers"));
        JsonNode user = body.get("user_id");
        if (user == null || user.isNull()) {
            throw Answer.invalid(ex, "Missing required field: user_id");
        }
        if (!user.isTextual() || user.asText().isEmpty()) {
            throw Answer.invalid(ex, "user_id must be a non-empty string");
        }
        if (user.asText().length() > 128) {
            throw Answer.invalid(ex, "user_id must be at most 128 characters");
        }
        List<String> unknown = new ArrayList<>();
        for (String id : servers) {
            if (!world.config.catalog().contains(id)) {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            throw Answer.error(ex, "unknown_servers", 400, "Unknown servers: " + String.join(", ", unknown))
                    .with("unknown", Json.strings(unknown)).refusal();
        }
        boolean testKey = "test".equals(world.keyEnvironment(ex.key()));
        JsonNode mocks = body.get("mocks");
        if (mocks != null) {
            checkMocks(ex, mocks, testKey, 403);
        }
        String project = ex.header("x-codespar-project");
        if (project == null || !PROJECT_ID.matcher(project).matches()) {
            project = World.DEFAULT_PROJECT;
        }
        String userId = user.asText();
        SessionRecord s = new SessionRecord(Ids.of("ses_", 16), userId, project, servers, world.now(), testKey,
                mocks == null ? null : mocks.deepCopy());
        for (String server : servers) {
            boolean stored = world.org.connections.active(server, userId) != null
                    || world.org.connections.active(server, OrgConnectionStore.ORG_USER) != null;
            s.connections.put(server, stored || !world.requiresConnection(server));
        }
        world.add(s);
        return Answer.json(201, s.row(World.ORG_ID, "active"));
    }

    private static List<String> servers(Exchange ex, JsonNode node) {
        if (node == null || node.isNull()) {
            throw Answer.invalid(ex, "Missing required field: servers");
        }
        if (!node.isArray()) {
            throw Answer.invalid(ex, "servers must be an array of server ids");
        }
        if (node.size() == 0) {
            throw Answer.invalid(ex, "servers must list at least 1 server");
        }
        if (node.size() > 20) {
            throw Answer.invalid(ex, "servers must list at most 20 servers");
        }
        List<String> servers = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode s = node.get(i);
            if (!s.isTextual() || s.asText().isBlank()) {
                throw Answer.invalid(ex, "servers[" + i + "] must be a server id");
            }
            if (!servers.contains(s.asText())) {
                servers.add(s.asText());
            }
        }
        return servers;
    }

    /**
     * The create-time mock gates, in the servers' order: permission, size, shape.
     *
     * @param ex the request
     * @param mocks the {@code mocks} value
     * @param permitted whether test mode is on
     * @param refusedStatus the status of {@code mocks_not_permitted}: 403 hosted, 501 runtime
     */
    public static void checkMocks(Exchange ex, JsonNode mocks, boolean permitted, int refusedStatus) {
        if (!permitted) {
            throw Answer.error(ex, "mocks_not_permitted", refusedStatus, refusedStatus == 501
                    ? "Mocks are not permitted in this deployment. Set CODESPAR_TEST_MODE_ENABLED=true to enable."
                    : "mocks are only accepted for test-environment projects (csk_test_ keys)").refusal();
        }
        if (MockRules.tooLarge(mocks)) {
            throw Answer.error(ex, "mocks_payload_too_large", 413, "mocks payload exceeds " + MockRules.MAX_BYTES
                    + " bytes when JSON-encoded").refusal();
        }
        MockRules.Problem problem = MockRules.check(mocks);
        if (problem != null) {
            throw Answer.mocksInvalid(ex, problem.field(), problem.message()).refusal();
        }
    }

    /**
     * {@code GET /v1/sessions/{id}}: the row, closed or not, with its {@code tool_calls_count}.
     *
     * @param ex the request
     * @return the answer
     */
    public Answer get(Exchange ex) {
        SessionRecord s = world.session(ex.param("id"));
        if (s == null) {
            throw Answer.notFound(ex, "Session not found");
        }
        ObjectNode row = row(s);
        row.put("tool_calls_count", s.toolCalls);
        return Answer.json(200, row);
    }

    /**
     * {@code DELETE /v1/sessions/{id}} (and {@code POST .../close}): 204; a closed or expired session is 404.
     *
     * @param ex the request
     * @return the answer
     */
    public Answer close(Exchange ex) {
        SessionRecord s = ActiveSessions.require(world, ex);
        s.closedAt = world.now();
        return Answer.noContent();
    }

    /**
     * {@code GET /v1/sessions?status=&limit=&before=}: newest first, cursor-paged ({@code next_before}), each row
     * with its {@code tool_call_count}.
     *
     * @param ex the request
     * @return {@code {sessions, next_before}}
     */
    public Answer list(Exchange ex) {
        String status = ex.queryParam("status");
        if (status != null && !status.equals("active") && !status.equals("closed")) {
            throw Answer.invalid(ex, "status must be active or closed");
        }
        int limit = Bodies.limit(ex, 20, 100);
        String before = ex.queryParam("before");
        List<SessionRecord> all = world.allSessions();
        List<ObjectNode> rows = new ArrayList<>();
        boolean started = before == null || before.isEmpty();
        for (int i = all.size() - 1; i >= 0; i--) {
            SessionRecord s = all.get(i);
            if (!started) {
                started = s.id.equals(before);
                continue;
            }
            ObjectNode row = row(s);
            // list rows carry the count as the CLI reads it; the single-session answer spells it tool_calls_count
            row.put("tool_call_count", s.toolCalls);
            if (status == null || status.equals(row.get("status").asText())) {
                rows.add(row);
            }
        }
        ObjectNode body = Json.object();
        ArrayNode page = body.putArray("sessions");
        rows.stream().limit(limit).forEach(page::add);
        if (rows.size() > limit) {
            body.put("next_before", rows.get(limit - 1).get("id").asText());
        } else {
            body.putNull("next_before");
        }
        return Answer.json(200, body);
    }

    /**
     * {@code GET /v1/sessions/{id}/logs}: the session's tool calls, oldest first.
     *
     * @param ex the request
     * @return {@code {tool_calls}}
     */
    public Answer logs(Exchange ex) {
        SessionRecord s = world.session(ex.param("id"));
        if (s == null) {
            throw Answer.notFound(ex, "Session not found");
        }
        ObjectNode body = Json.object();
        ArrayNode calls = body.putArray("tool_calls");
        s.logs.forEach(l -> calls.add(l.deepCopy()));
        return Answer.json(200, body);
    }

    private ObjectNode row(SessionRecord s) {
        String status = world.status(s);
        ObjectNode row = s.row(World.ORG_ID, status.equals("active") ? "active" : "closed");
        if (status.equals("expired") && s.closedAt == null) {
            row.put("closed_at", Json.iso(s.lastActivity.plus(world.config.sessionIdleTimeout())));
        }
        return row;
    }
}
