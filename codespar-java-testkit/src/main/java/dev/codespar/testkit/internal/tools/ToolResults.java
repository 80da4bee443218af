package dev.codespar.testkit.internal.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.Dialect;
import dev.codespar.testkit.internal.state.SessionRecord;
import dev.codespar.testkit.internal.state.ToolCallRecord;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.wire.Answer;
import dev.codespar.testkit.internal.wire.CallContext;
import dev.codespar.testkit.internal.wire.Ids;
import dev.codespar.testkit.internal.wire.Json;

/**
 * The ToolResult envelope of each dialect, and the bookkeeping of every answered call (the status endpoints and the
 * session's logs).
 */
final class ToolResults {

    /** The duration the fake's providers report, in milliseconds. */
    static final int PROVIDER_MS = 42;

    private ToolResults() {}

    static Answer success(World world, SessionRecord s, String tool, String server, JsonNode input, JsonNode data,
            int duration, ToolCallRecord.Kind kind, CallContext ctx) {
        return result(world, s, tool, server, input, true, data, null, duration, kind, ctx);
    }

    static Answer failure(World world, SessionRecord s, String tool, String server, JsonNode input, String error,
            int duration, CallContext ctx) {
        return result(world, s, tool, server, input, false, null, error, duration, ToolCallRecord.Kind.OTHER, ctx);
    }

    /**
     * A ToolResult: {@code success, data, error, duration, server, tool, tool_call_id, called_at}. The runtime's
     * failures carry {@code data: {}} where the hosted API's carry {@code null}, its ids are
     * {@code <session>-<8 hex>} and its timestamps have milliseconds.
     */
    private static Answer result(World world, SessionRecord s, String tool, String server, JsonNode input,
            boolean success, JsonNode data, String error, int duration, ToolCallRecord.Kind kind, CallContext ctx) {
        boolean runtime = ctx.dialect() == Dialect.RUNTIME;
        String id = runtime ? Ids.hex(s.id + "-", 8) : Ids.of("tc_", 16);
        world.registerToolCall(id, tool, server, kind, success, data);
        ObjectNode body = Json.object();
        body.put("success", success);
        if (data != null) {
            body.set("data", data);
        } else if (runtime) {
            body.putObject("data");
        } else {
            body.putNull("data");
        }
        if (error == null) {
            body.putNull("error");
        } else {
            body.put("error", error);
        }
        body.put("duration", duration);
        body.put("server", server);
        body.put("tool", tool);
        body.put("tool_call_id", id);
        String calledAt = runtime ? Json.isoMillis(world.now()) : Json.iso(world.now());
        body.put("called_at", calledAt);
        log(s, id, server, tool, success ? "success" : "error", duration, error, input, data, calledAt);
        return Answer.json(200, body);
    }

    private static void log(SessionRecord s, String id, String server, String tool, String status, int duration,
            String error, JsonNode input, JsonNode output, String calledAt) {
        ObjectNode row = Json.object();
        row.put("id", id);
        row.put("session_id", s.id);
        row.put("server_id", server);
        row.put("tool_name", tool);
        row.put("status", status);
        row.put("duration_ms", duration);
        if (error == null) {
            row.putNull("error_code");
        } else {
            row.put("error_code", error);
        }
        row.set("input", input.deepCopy());
        row.set("output", output == null ? Json.NODES.nullNode() : output.deepCopy());
        row.put("called_at", calledAt);
        s.logs.add(row);
        s.toolCalls++;
    }
}
