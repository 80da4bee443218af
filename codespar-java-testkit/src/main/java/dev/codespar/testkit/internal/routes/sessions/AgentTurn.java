package dev.codespar.testkit.internal.routes.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.Dialect;
import dev.codespar.testkit.internal.program.InjectionRule;
import dev.codespar.testkit.internal.program.SendPlan;
import dev.codespar.testkit.internal.routes.Injected;
import dev.codespar.testkit.internal.state.SessionRecord;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.tools.ToolEngine;
import dev.codespar.testkit.internal.wire.Answer;
import dev.codespar.testkit.internal.wire.CallContext;
import dev.codespar.testkit.internal.wire.Ids;
import dev.codespar.testkit.internal.wire.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One turn of the fake's agent on {@code send}: the script's tool calls run through the tool engine (mocks, stubs,
 * the connection gate and tool-scoped injections apply), each becoming a tool-call record in the dialect's shape.
 */
public final class AgentTurn {

    /**
     * One tool call of the turn.
     *
     * @param useId the id the model gave the call ({@code toolu_...} on the runtime, the record id hosted)
     * @param name the tool name the agent used ({@code server__tool} on the runtime)
     * @param input the input
     * @param record the tool-call record
     * @param failed whether it failed
     * @param content what the runtime's {@code tool_result} frame carries (the record's output, or the error text
     *     of an unknown tool)
     */
    public record Call(String useId, String name, JsonNode input, ObjectNode record, boolean failed,
            JsonNode content) {}

    /** The tool calls, in order. */
    public final List<Call> calls = new ArrayList<>();
    /** The final text. */
    public final String reply;
    /** The failure code of a failing turn, or {@code null}. */
    public final String errorCode;
    /** The failure message, or {@code null}. */
    public final String errorMessage;

    /**
     * Runs a turn.
     *
     * @param world the state (locked)
     * @param engine the tools
     * @param s the session
     * @param message the user's message
     * @param ctx the request
     */
    public AgentTurn(World world, ToolEngine engine, SessionRecord s, String message, CallContext ctx) {
        SendPlan plan = world.program.sendPlan();
        boolean runtime = ctx.dialect() == Dialect.RUNTIME;
        for (SendPlan.ToolCall call : plan.toolCalls()) {
            if (runtime && unknownToRuntime(world, call.tool())) {
                calls.add(unknownTool(call));
                continue;
            }
            InjectionRule inj = world.program.takeInsideSend(call.tool());
            Answer a = inj != null ? Injected.error(world, inj, ctx, s, call.tool())
                    : engine.execute(s, call.tool(), call.input(), ctx, true);
            String server = serverOf(engine, s, call.tool(), a, runtime);
            ObjectNode record = runtime ? runtimeRecord(call, a, server) : hostedRecord(call, a, server);
            boolean failed = record.get("status").asText().equals("error");
            String useId = runtime ? Ids.of("toolu_", 24) : record.get("id").asText();
            String name = runtime ? call.tool().replaceFirst("/", "__") : call.tool();
            calls.add(new Call(useId, name, call.input(), record, failed, record.get("output")));
        }
        this.reply = plan.replyFor(message);
        this.errorCode = plan.errorCode();
        this.errorMessage = plan.errorMessage();
    }

    /** A bare name the runtime has no hook for: its model's call fails as an unknown tool. */
    private static boolean unknownToRuntime(World world, String tool) {
        return tool.indexOf('/') < 0 && (!world.config.runtimeMetaTools()
                || !dev.codespar.testkit.internal.tools.Definitions.isMetaTool(tool));
    }

    private static Call unknownTool(SendPlan.ToolCall call) {
        String error = "unknown_tool_name: " + call.tool();
        ObjectNode r = Json.object();
        r.put("tool_name", call.tool());
        r.put("server_id", "");
        r.put("status", "error");
        r.put("duration_ms", 0);
        r.set("input", call.input().deepCopy());
        r.putNull("output");
        r.put("error_code", error);
        return new Call(Ids.of("toolu_", 24), call.tool(), call.input(), r, true, Json.NODES.textNode(error));
    }

    /** @return 1 without tool calls (the model answered at once), else 2 (tools, then the answer) */
    public int iterations() {
        return calls.isEmpty() ? 1 : 2;
    }

    /**
     * The SendResult.
     *
     * @param dialect which key order: hosted {@code {message, iterations, tool_calls}}, runtime
     *     {@code {message, tool_calls, iterations}}
     * @return a new object
     */
    public ObjectNode result(Dialect dialect) {
        ObjectNode result = Json.object();
        result.put("message", reply);
        if (dialect == Dialect.HOSTED) {
            result.put("iterations", iterations());
        }
        calls.forEach(c -> result.withArray("tool_calls").add(c.record()));
        if (!result.has("tool_calls")) {
            result.putArray("tool_calls");
        }
        if (dialect == Dialect.RUNTIME) {
            result.put("iterations", iterations());
        }
        return result;
    }

    private static String serverOf(ToolEngine engine, SessionRecord s, String tool, Answer a, boolean runtime) {
        if (a.status == 200 && a.body != null && a.body.hasNonNull("server")) {
            return a.body.get("server").asText();
        }
        String routed = engine.route(s, tool);
        if (routed != null) {
            return routed;
        }
        return runtime ? "" : "codespar";
    }

    /**
     * The hosted record: {@code id, tool_name, server_id, status, duration_ms, input, output, error_code}. A refused
     * call's {@code output} is its error as a code object ({@code {code, message, ...}}), which the official
     * guards ({@code isToolNotMocked}, {@code isMocksExhausted}) read.
     */
    private static ObjectNode hostedRecord(SendPlan.ToolCall call, Answer a, String server) {
        ObjectNode r = Json.object();
        boolean answered = a.status == 200 && a.body != null;
        r.put("id", answered ? a.body.path("tool_call_id").asText() : Ids.of("tc_", 16));
        r.put("tool_name", call.tool());
        r.put("server_id", server);
        boolean ok = answered && a.body.path("success").asBoolean(false);
        r.put("status", ok ? "success" : "error");
        r.put("duration_ms", answered ? a.body.path("duration").asLong() : 0);
        r.set("input", call.input().deepCopy());
        if (ok) {
            r.set("output", a.body.get("data"));
            r.putNull("error_code");
        } else if (answered) {
            String error = a.body.path("error").asText();
            r.set("output", Json.object().put("error", error));
            r.put("error_code", error);
        } else {
            String code = a.errorCode != null ? a.errorCode : "http_" + a.status;
            r.set("output", codeObject(code, a.body));
            r.put("error_code", code);
        }
        return r;
    }

    /** An error body as a tool-result code object: {@code code} first, the rest but the request bookkeeping. */
    private static ObjectNode codeObject(String code, JsonNode body) {
        ObjectNode out = Json.object().put("code", code);
        if (body != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!List.of("code", "error", "status", "request_id").contains(f.getKey())) {
                    out.set(f.getKey(), f.getValue());
                }
            }
        }
        return out;
    }

    /**
     * The runtime record: {@code tool_name, server_id, status, duration_ms, input, output}, and {@code error_code}
     * only on failure, where {@code output} is {@code {"error": code}}.
     */
    private static ObjectNode runtimeRecord(SendPlan.ToolCall call, Answer a, String server) {
        ObjectNode r = Json.object();
        r.put("tool_name", call.tool().replaceFirst("/", "__"));
        r.put("server_id", call.tool().indexOf('/') > 0 ? call.tool().substring(0, call.tool().indexOf('/'))
                : server);
        boolean answered = a.status == 200 && a.body != null;
        boolean ok = answered && a.body.path("success").asBoolean(false);
        r.put("status", ok ? "success" : "error");
        r.put("duration_ms", answered ? a.body.path("duration").asLong() : 0);
        r.set("input", call.input().deepCopy());
        if (ok) {
            r.set("output", a.body.get("data"));
            return r;
        }
        String code = answered ? a.body.path("error").asText() : a.errorCode != null ? a.errorCode
                : "http_" + a.status;
        r.set("output", Json.object().put("error", code));
        r.put("error_code", code);
        return r;
    }
}
