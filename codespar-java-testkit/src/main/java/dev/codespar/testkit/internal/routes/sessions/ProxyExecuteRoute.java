package dev.codespar.testkit.internal.routes.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.program.ProxyAnswer;
import dev.codespar.testkit.internal.routes.Bodies;
import dev.codespar.testkit.internal.routes.Exchange;
import dev.codespar.testkit.internal.state.SessionRecord;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.tools.ToolEngine;
import dev.codespar.testkit.internal.wire.Answer;
import dev.codespar.testkit.internal.wire.Ids;
import dev.codespar.testkit.internal.wire.Json;
import java.util.Set;

/**
 * {@code POST /v1/sessions/{id}/proxy_execute}: a raw provider call; a test's stub answers, else an echo. The
 * CodeSpar answer is always a 200 ProxyResult carrying the provider's status.
 */
public final class ProxyExecuteRoute {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final World world;
    private final ToolEngine engine;

    /**
     * The route.
     *
     * @param world the state
     * @param engine the tools (for the connection gate's answer)
     */
    public ProxyExecuteRoute(World world, ToolEngine engine) {
        this.world = world;
        this.engine = engine;
    }

    /**
     * Proxies the call.
     *
     * @param ex the request
     * @return {@code {status, data, headers, duration, proxy_call_id}}
     */
    public Answer proxy(Exchange ex) {
        SessionRecord s = ActiveSessions.require(world, ex);
        JsonNode body = Bodies.object(ex);
        String server = Bodies.required(ex, body, "server");
        String endpoint = Bodies.required(ex, body, "endpoint");
        String method = Json.string(body, "method");
        if (method == null || !METHODS.contains(method)) {
            throw Answer.invalid(ex, "method must be one of GET, POST, PUT, PATCH, DELETE");
        }
        if (!s.servers.contains(server)) {
            throw Answer.invalid(ex, "Server " + server + " is not part of this session");
        }
        if (Boolean.FALSE.equals(s.connections.get(server))) {
            throw engine.needsConnection(s, server, ex).refusal();
        }
        ActiveSessions.touch(world, s);
        ProxyAnswer stub = world.program.proxyFor(server, method, endpoint);
        ObjectNode result = Json.object();
        if (stub != null) {
            result.put("status", stub.status());
            result.set("data", stub.data());
            ObjectNode headers = result.putObject("headers");
            stub.headers().forEach(headers::put);
        } else {
            result.put("status", 200);
            ObjectNode data = result.putObject("data");
            data.put("ok", true);
            ObjectNode echo = data.putObject("echo");
            echo.put("method", method);
            echo.put("endpoint", endpoint);
            if (body.has("params")) {
                echo.set("params", body.get("params"));
            }
            if (body.has("body")) {
                echo.set("body", body.get("body"));
            }
            result.putObject("headers").put("content-type", "application/json");
        }
        result.put("duration", 42);
        result.put("proxy_call_id", Ids.of("pc_", 16));
        return Answer.json(200, result);
    }
}
