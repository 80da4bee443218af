package dev.codespar.testkit.internal.routes.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.Dialect;
import dev.codespar.testkit.internal.routes.Bodies;
import dev.codespar.testkit.internal.routes.Exchange;
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
 * {@code POST /v1/sessions/{id}/send} of the hosted API: a SendResult, or with {@code Accept: text/event-stream}
 * the TypeScript SDK's dialect ({@code event:} names the frame; {@code user_message}, a heartbeat,
 * {@code tool_use}/{@code tool_result} per call, {@code assistant_text}, then {@code done} or {@code error}).
 */
public final class SendRoute {

    private final World world;
    private final ToolEngine engine;

    /**
     * The route.
     *
     * @param world the state
     * @param engine the tools
     */
    public SendRoute(World world, ToolEngine engine) {
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
        SessionRecord s = ActiveSessions.require(world, ex);
        JsonNode body = Bodies.object(ex);
        String message = Json.string(body, "message");
        if (message == null || message.strip().isEmpty()) {
            throw Answer.invalid(ex, "Missing required field: message");
        }
        message = message.strip();
        ActiveSessions.touch(world, s);
        AgentTurn turn = new AgentTurn(world, engine, s, message, ex);
        String errorMessage = turn.errorCode == null || turn.errorMessage != null ? turn.errorMessage
                : ErrorCodes.defaultMessage(turn.errorCode, 500);
        if (!ex.wantsEventStream()) {
            if (turn.errorCode != null) {
                ErrorCodes.Code known = ErrorCodes.find(turn.errorCode);
                return Answer.error(ex, turn.errorCode, known != null ? known.status() : 500, errorMessage);
            }
            return Answer.json(200, turn.result(Dialect.HOSTED));
        }
        List<String> frames = new ArrayList<>();
        frames.add(SseFrames.frame("user_message", Json.object().put("content", message)));
        for (AgentTurn.Call call : turn.calls) {
            ObjectNode use = Json.object().put("id", call.useId()).put("name", call.name());
            use.set("input", call.input().deepCopy());
            frames.add(SseFrames.frame("tool_use", use));
            frames.add(SseFrames.frame("tool_result", call.record()));
        }
        if (turn.errorCode != null) {
            frames.add(SseFrames.frame("error", Json.object().put("error", turn.errorCode)
                    .put("message", errorMessage)));
        } else {
            frames.add(SseFrames.frame("assistant_text", Json.object().put("content", turn.reply)
                    .put("iteration", turn.iterations())));
            frames.add(SseFrames.frame("done", turn.result(Dialect.HOSTED)));
        }
        return Answer.stream(new FixedStream(frames, () -> world.now().toEpochMilli()));
    }
}
