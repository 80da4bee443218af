package dev.codespar.testkit.internal.routes.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.Dialect;
import dev.codespar.testkit.internal.routes.Exchange;
import dev.codespar.testkit.internal.routes.sessions.AgentTurn;
import dev.codespar.testkit.internal.state.SessionRecord;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.stream.FixedStream;
import dev.codespar.testkit.internal.tools.ToolEngine;
import dev.codespar.testkit.internal.wire.Answer;
import dev.codespar.testkit.internal.wire.ErrorCodes;
import dev.codespar.testkit.internal.wire.Json;
import dev.codespar.testkit.internal.wire.SseFrames;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime's {@code POST /sessions/{id}/send}. JSON: {@code {message, tool_calls, iterations}}, a failure being
 * 500 {@code {error: "chat_loop_failed", message}}. Stream: {@code user_message}, {@code tool_use {id, name, input,
 * iteration}}, {@code tool_result {tool_use_id, content, is_error, iteration}}, {@code assistant_text}, then
 * {@code done {result}} or {@code error {message}}; no heartbeats.
 */
public final class RuntimeSendRoute {

    private final World world;
    private final ToolEngine engine;

    /**
     * The route.
     *
     * @param world the state
     * @param engine the tools
     */
    public RuntimeSendRoute(World world, ToolEngine engine) {
        this.world = world;
        this.engine = engine;
    }

    /**
     * Runs the agent's turn.
     *
     * @param ex the request
     * @return the answer
     */
    public Answer send(Exchange ex) {
        SessionRecord s = RuntimeSessionsRoute.active(world, ex);
        String message = ex.json == null ? null : Json.string(ex.json, "message");
        message = message == null ? "" : message.strip();
        s.lastActivity = world.now();
        AgentTurn turn = new AgentTurn(world, engine, s, message, ex);
        String errorMessage = turn.errorMessage != null ? turn.errorMessage
                : turn.errorCode == null ? null : ErrorCodes.defaultMessage(turn.errorCode, 500);
        if (!ex.wantsEventStream()) {
            if (turn.errorCode != null) {
                return Answer.failure(500, "chat_loop_failed", Json.object().put("error", "chat_loop_failed")
                        .put("message", errorMessage));
            }
            return Answer.json(200, turn.result(Dialect.RUNTIME));
        }
        List<String> frames = new ArrayList<>();
        frames.add(SseFrames.frame("user_message", Json.object().put("content", message)));
        for (AgentTurn.Call call : turn.calls) {
            ObjectNode use = Json.object().put("id", call.useId()).put("name", call.name());
            use.set("input", call.input().deepCopy());
            use.put("iteration", 1);
            frames.add(SseFrames.frame("tool_use", use));
            ObjectNode result = Json.object().put("tool_use_id", call.useId());
            result.set("content", call.content());
            result.put("is_error", call.failed());
            result.put("iteration", 1);
            frames.add(SseFrames.frame("tool_result", result));
        }
        if (turn.errorCode != null) {
            frames.add(SseFrames.frame("error", Json.object().put("message", errorMessage)));
        } else {
            frames.add(SseFrames.frame("assistant_text", Json.object().put("content", turn.reply)
                    .put("iteration", turn.iterations())));
            ObjectNode done = Json.object();
            done.set("result", turn.result(Dialect.RUNTIME));
            frames.add(SseFrames.frame("done", done));
        }
        return Answer.stream(new FixedStream(frames, null));
    }
}
