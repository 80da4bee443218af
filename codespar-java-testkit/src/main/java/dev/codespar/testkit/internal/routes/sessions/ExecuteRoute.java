package dev.codespar.testkit.internal.routes.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.testkit.internal.routes.Bodies;
import dev.codespar.testkit.internal.routes.Exchange;
import dev.codespar.testkit.internal.state.SessionRecord;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.tools.ToolEngine;
import dev.codespar.testkit.internal.wire.Answer;
import dev.codespar.testkit.internal.wire.Json;

/** {@code POST /v1/sessions/{id}/execute} of the hosted API: {@code {tool, input}} (or {@code params}). */
public final class ExecuteRoute {

    private final World world;
    private final ToolEngine engine;

    /**
     * The route.
     *
     * @param world the state
     * @param engine the tools
     */
    public ExecuteRoute(World world, ToolEngine engine) {
        this.world = world;
        this.engine = engine;
    }

    /**
     * Executes the tool (a ToolResult, or the HTTP error of a refused call).
     *
     * @param ex the request
     * @return the answer
     */
    public Answer execute(Exchange ex) {
        SessionRecord s = ActiveSessions.require(world, ex);
        JsonNode body = Bodies.object(ex);
        String tool = Json.string(body, "tool");
        if (tool == null || tool.isBlank()) {
            throw Answer.invalid(ex, "Missing required field: tool");
        }
        JsonNode input = body.has("input") ? body.get("input") : body.get("params");
        if (input == null || input.isNull()) {
            input = Json.object();
        }
        if (!input.isObject()) {
            throw Answer.invalid(ex, "input must be an object");
        }
        ActiveSessions.touch(world, s);
        return engine.execute(s, tool, input, ex, false);
    }
}
