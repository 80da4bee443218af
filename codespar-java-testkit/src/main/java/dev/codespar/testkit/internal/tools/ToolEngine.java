package dev.codespar.testkit.internal.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.Dialect;
import dev.codespar.testkit.internal.program.StubRule;
import dev.codespar.testkit.internal.state.Catalog;
import dev.codespar.testkit.internal.state.ConnectLink;
import dev.codespar.testkit.internal.state.SessionRecord;
import dev.codespar.testkit.internal.state.ToolCallRecord;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.wire.Answer;
import dev.codespar.testkit.internal.wire.CallContext;
import dev.codespar.testkit.internal.wire.ErrorCodes;
import dev.codespar.testkit.internal.wire.Json;
import dev.codespar.testkit.internal.wire.Refusal;
import java.util.Set;

/**
 * Answers a tool call the way the server of the dialect does. Hosted: built-ins first, then a session's mocks, the
 * connection gate, a test's stub, and the fake's own providers. Runtime: {@code server/tool} names through the mocks
 * and the session's servers, {@code codespar_list_tools}, the meta-tools as registered hooks, else
 * {@code Tool not registered}. Called with the world's lock held.
 */
public final class ToolEngine {

    /** Tools the hosted API answers itself, before the mock gate. */
    static final Set<String> BUILT_INS = Set.of("codespar_list_tools", "codespar_discover",
            "codespar_manage_connections");

    private final World world;

    /**
     * An engine.
     *
     * @param world the state
     */
    public ToolEngine(World world) {
        this.world = world;
    }

    /**
     * Executes a tool.
     *
     * @param s the session
     * @param tool the tool name
     * @param input the input object
     * @param ctx the request
     * @param byAgent whether the fake's agent calls it during a send (the runtime's chat loop, unlike its execute
     *     route, looks meta-tools up in the session's mocks)
     * @return a ToolResult answer, or an HTTP error
     */
    public Answer execute(SessionRecord s, String tool, JsonNode input, CallContext ctx, boolean byAgent) {
        if (!input.isObject() && ctx.dialect() == Dialect.HOSTED) {
            input = Json.object();
        }
        try {
            return ctx.dialect() == Dialect.RUNTIME ? runtime(s, tool, input, ctx, byAgent) : hosted(s, tool, input,
                    ctx);
        } catch (Refusal refused) {
            return refused.answer;
        }
    }

    private Answer hosted(SessionRecord s, String tool, JsonNode input, CallContext ctx) {
        if (BUILT_INS.contains(tool)) {
            return meta(s, tool, input, "codespar", ctx);
        }
        if (MockGate.applies(world, s)) {
            return MockGate.answer(world, s, tool, input, ctx);
        }
        StubRule stub = world.program.stubFor(tool);
        String server = stub != null && stub.serverOverride() != null ? stub.serverOverride() : route(s, tool);
        if (server != null && Boolean.FALSE.equals(s.connections.get(server))) {
            return needsConnection(s, server, ctx);
        }
        StubRule.Reply reply = stub == null ? null : stub.next();
        if (reply != null) {
            return stubbed(s, tool, server != null ? server : "codespar", input, reply, ctx);
        }
        if (tool.indexOf('/') > 0) {
            if (!s.servers.contains(server)) {
                return ToolResults.failure(world, s, tool, "codespar", input, "Tool not registered: " + tool,
                        ToolResults.PROVIDER_MS, ctx);
            }
            return ToolResults.success(world, s, tool, server, input, bridged(tool, server, input),
                    ToolResults.PROVIDER_MS, ToolCallRecord.Kind.OTHER, ctx);
        }
        if (!Definitions.isMetaTool(tool)) {
            return ToolResults.failure(world, s, tool, "codespar", input, "Tool not registered: " + tool,
                    ToolResults.PROVIDER_MS, ctx);
        }
        if (server == null && !Catalog.platformServes(tool)) {
            return ToolResults.failure(world, s, tool, "codespar", input, "no_eligible_providers",
                    ToolResults.PROVIDER_MS, ctx);
        }
        return meta(s, tool, input, server != null ? server : "codespar", ctx);
    }

    private Answer runtime(SessionRecord s, String tool, JsonNode input, CallContext ctx, boolean byAgent) {
        int slash = tool.indexOf('/');
        if (slash > 0 && slash < tool.length() - 1) {
            String server = tool.substring(0, slash);
            if (MockGate.applies(world, s)) {
                return MockGate.answer(world, s, tool, input, ctx);
            }
            StubRule stub = world.program.stubFor(tool);
            StubRule.Reply reply = stub == null ? null : stub.next();
            if (reply != null) {
                return stubbed(s, tool, server, input, reply, ctx);
            }
            if (s.servers.contains(server)) {
                // the runtime's MCP bridge reports the sub-tool alone as the tool
                return ToolResults.success(world, s, tool.substring(slash + 1), server, input,
                        bridged(tool, server, input), ToolResults.PROVIDER_MS, ToolCallRecord.Kind.OTHER, ctx);
            }
            return ToolResults.failure(world, s, tool, "oss-runtime", input, "Tool not registered: " + tool, 0, ctx);
        }
        if (tool.equals("codespar_list_tools")) {
            return meta(s, tool, input, "oss-runtime", ctx);
        }
        if (!Definitions.isMetaTool(tool) || !world.config.runtimeMetaTools()) {
            return ToolResults.failure(world, s, tool, "oss-runtime", input, "Tool not registered: " + tool, 0, ctx);
        }
        if (byAgent && MockGate.applies(world, s)) {
            return MockGate.answer(world, s, tool, input, ctx);
        }
        String server = route(s, tool);
        StubRule stub = world.program.stubFor(tool);
        StubRule.Reply reply = stub == null ? null : stub.next();
        if (reply != null) {
            return stubbed(s, tool, server != null ? server : "codespar", input, reply, ctx);
        }
        return meta(s, tool, input, server != null ? server : "codespar", ctx);
    }

    /** Runs a meta-tool: its definition's check, then the tool; input errors as the dialect answers them. */
    private Answer meta(SessionRecord s, String tool, JsonNode input, String server, CallContext ctx) {
        MetaTool impl = MetaTools.get(tool);
        try {
            Definitions.check(tool, input);
            JsonNode data = impl.run(new MetaCall(world, s, tool, input, server, ctx));
            return ToolResults.success(world, s, tool, server, input, data, ToolResults.PROVIDER_MS,
                    impl.settles(input), ctx);
        } catch (ToolInputError e) {
            if (ctx.dialect() == Dialect.HOSTED && impl.inputErrorsAreHttp()) {
                return Answer.error(ctx, "invalid_request", 400, e.getMessage());
            }
            String error = impl.inputErrorsAreHttp() ? "Invalid parameter: " + e.getMessage()
                    : "invalid_args: " + e.getMessage();
            return ToolResults.failure(world, s, tool, server, input, error, ToolResults.PROVIDER_MS, ctx);
        } catch (ToolFailure e) {
            return ToolResults.failure(world, s, tool, server, input, e.getMessage(), ToolResults.PROVIDER_MS, ctx);
        }
    }

    /** What a provider's MCP server answers a raw tool in the fake: an echo with an id. */
    private static ObjectNode bridged(String tool, String server, JsonNode input) {
        ObjectNode data = Json.object();
        data.put("id", server.replace('-', '_') + "_" + dev.codespar.testkit.internal.wire.Ids.of("", 12));
        data.put("status", "ok");
        data.put("tool", tool);
        data.set("input", input.deepCopy());
        return data;
    }

    private Answer stubbed(SessionRecord s, String tool, String server, JsonNode input, StubRule.Reply reply,
            CallContext ctx) {
        if (reply instanceof StubRule.Data data) {
            return ToolResults.success(world, s, tool, server, input, data.data().deepCopy(),
                    ToolResults.PROVIDER_MS, kindOf(tool, input), ctx);
        }
        if (reply instanceof StubRule.Computed computed) {
            return ToolResults.success(world, s, tool, server, input,
                    Json.tree(computed.function().apply(input.deepCopy())), ToolResults.PROVIDER_MS,
                    kindOf(tool, input), ctx);
        }
        if (reply instanceof StubRule.ToolError error) {
            return ToolResults.failure(world, s, tool, server, input, error.error(), ToolResults.PROVIDER_MS, ctx);
        }
        StubRule.HttpError http = (StubRule.HttpError) reply;
        if (http.code().equals("needs_connection")) {
            return needsConnection(s, server, ctx);
        }
        String message = ErrorCodes.defaultMessage(http.code(), http.status());
        return http.code().equals("tool_not_mocked") ? Answer.toolNotMocked(ctx, tool, message)
                : Answer.error(ctx, http.code(), http.status(), message);
    }

    private static ToolCallRecord.Kind kindOf(String tool, JsonNode input) {
        MetaTool impl = MetaTools.get(tool);
        return impl == null ? ToolCallRecord.Kind.OTHER : impl.settles(input);
    }

    /**
     * A 422 {@code needs_connection} with a live connect link.
     *
     * @param s the session
     * @param server the server to connect
     * @param ctx the request
     * @return the answer
     */
    public Answer needsConnection(SessionRecord s, String server, CallContext ctx) {
        ConnectLink link = world.newLink(server, s.userId, s.id);
        return Answer.error(ctx, "needs_connection", 422, "Connect " + server + " first")
                .with("connect_url", world.linkUrl(link));
    }

    /**
     * The server a tool runs on in a session.
     *
     * @param s the session
     * @param tool the tool
     * @return a {@code server/tool} name's server, the session's first server of a meta-tool's kind, or
     *     {@code null}
     */
    public String route(SessionRecord s, String tool) {
        int slash = tool.indexOf('/');
        if (slash > 0) {
            return tool.substring(0, slash);
        }
        for (String category : Catalog.categoriesOf(tool)) {
            for (String server : s.servers) {
                Catalog.Server info = world.config.catalog().get(server);
                if (info != null && category.equals(info.category())) {
                    return server;
                }
            }
        }
        return null;
    }
}
