package dev.codespar.testkit.internal.routes.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.routes.Exchange;
import dev.codespar.testkit.internal.routes.sessions.SessionsRoute;
import dev.codespar.testkit.internal.state.SessionRecord;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.wire.Answer;
import dev.codespar.testkit.internal.wire.Ids;
import dev.codespar.testkit.internal.wire.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The open-source runtime's session routes ({@code /sessions} and {@code /v1/sessions}): create answering
 * {@code {id, status}} with a UUID, close (idempotent), and connection rows {@code {id, connected}}. Whether mocks
 * are accepted is the deployment's test-mode flag, not the key. It keeps no
 * catalogue and no connection state: every server of an open session is connected.
 */
public final class RuntimeSessionsRoute {

    private final World world;

    /**
     * The route.
     *
     * @param world the state
     */
    public RuntimeSessionsRoute(World world) {
        this.world = world;
    }

    /**
     * {@code POST /sessions}: {@code servers} defaults to none and {@code user_id} to {@code anonymous}; mocks are
     * gated (501 without test mode), sized and shaped like the hosted API's.
     *
     * @param ex the request
     * @return 201 {@code {id, status}}
     */
    public Answer create(Exchange ex) {
        JsonNode body = ex.json != null && ex.json.isObject() ? ex.json : Json.object();
        JsonNode mocks = body.get("mocks");
        boolean testMode = world.config.runtimeTestMode();
        if (mocks != null) {
            SessionsRoute.checkMocks(ex, mocks, testMode, 501);
        }
        Set<String> servers = new LinkedHashSet<>();
        if (body.path("servers").isArray()) {
            body.get("servers").forEach(s -> servers.add(s.asText()));
        }
        JsonNode specs = body.get("server_specs");
        if (specs != null && specs.isObject()) {
            specs.fieldNames().forEachRemaining(servers::add);
        }
        String userId = body.path("user_id").isTextual() ? body.get("user_id").asText() : "anonymous";
        SessionRecord s = new SessionRecord(Ids.uuid(), userId, "default", new ArrayList<>(servers), world.now(),
                testMode, mocks == null ? null : mocks.deepCopy());
        servers.forEach(server -> s.connections.put(server, true));
        world.add(s);
        return Answer.json(201, Json.object().put("id", s.id).put("status", "active"));
    }

    /**
     * {@code DELETE /sessions/{id}}: 204, again 204 once closed; 404 {@code {"error": "Session not found"}} for an
     * id it never issued.
     *
     * @param ex the request
     * @return the answer
     */
    public Answer close(Exchange ex) {
        SessionRecord s = world.session(ex.param("id"));
        if (s == null) {
            return notFound();
        }
        if (s.closedAt == null) {
            s.closedAt = world.now();
        }
        return Answer.noContent();
    }

    /**
     * {@code GET /sessions/{id}/connections}: {@code {servers: [{id: "<session>-conn-<i>-<server>", connected}]}},
     * {@code connected} being whether the session is open; closed sessions still answer.
     *
     * @param ex the request
     * @return the answer
     */
    public Answer connections(Exchange ex) {
        SessionRecord s = world.session(ex.param("id"));
        if (s == null) {
            return notFound();
        }
        boolean active = world.status(s).equals("active");
        ObjectNode body = Json.object();
        ArrayNode rows = body.putArray("servers");
        List<String> servers = s.servers;
        for (int i = 0; i < servers.size(); i++) {
            rows.addObject().put("id", s.id + "-conn-" + i + "-" + servers.get(i)).put("connected", active);
        }
        return Answer.json(200, body);
    }

    private static Answer notFound() {
        return Answer.failure(404, null, Json.object().put("error", "Session not found"));
    }

    /**
     * The open session of a route, else the runtime's 404 sentence.
     *
     * @param world the state
     * @param ex the request
     * @return the session
     */
    static SessionRecord active(World world, Exchange ex) {
        SessionRecord s = world.session(ex.param("id"));
        if (s == null || !world.status(s).equals("active")) {
            throw Answer.failure(404, null, Json.object().put("error", "Session not found or closed")).refusal();
        }
        return s;
    }
}
