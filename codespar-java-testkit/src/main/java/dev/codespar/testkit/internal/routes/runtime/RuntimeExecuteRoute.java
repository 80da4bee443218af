package dev.codespar.testkit.internal.routes.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.testkit.internal.routes.Exchange;
import dev.codespar.testkit.internal.state.SessionRecord;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.tools.ToolEngine;
import dev.codespar.testkit.internal.wire.Answer;
import dev.codespar.testkit.internal.wire.Json;

/**
 * The runtime's {@code POST /sessions/{id}/execute}: {@code {"error": "tool field is required"}} without a tool,
 * test-mode refusals as the whole 422/503 body, else a ToolResult.
 */
public final class RuntimeExecuteRoute {

    private final World world;
    private final ToolEngine engine;

    /**
     * The route.
     *
     * @param world the state
     * @param engine the tools
     */
    public RuntimeExecuteRoute(World world, ToolEngine engine) {
        this.world = world;
        this.engine = engine;
    }

    /**
     * Executes the tool.
     *
     * @param ex the request
     * @return the answer
     */
    public Answer execute(Exchange ex) {
        SessionRecord s = RuntimeSessionsRoute.active(world, ex);
        String tool = ex.json == null ? null : Json.string(ex.json, "tool");
        if (tool == null || tool.isEmpty()) {
            return Answer.failure(400, null, Json.object().put("error", "tool field is required"));
        }
        JsonNode input = ex.json.get("input");
        if (input == null || !input.isObject()) {
            input = Json.object();
        }
        s.lastActivity = world.now();
        return engine.execute(s, tool, input, ex, false);
    }
}
