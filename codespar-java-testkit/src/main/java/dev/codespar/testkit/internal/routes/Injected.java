package dev.codespar.testkit.internal.routes;

import dev.codespar.testkit.internal.program.InjectionRule;
import dev.codespar.testkit.internal.state.SessionRecord;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.tools.ToolEngine;
import dev.codespar.testkit.internal.wire.Answer;
import dev.codespar.testkit.internal.wire.CallContext;
import dev.codespar.testkit.internal.wire.ErrorCodes;
import dev.codespar.testkit.internal.wire.Json;
import java.time.Duration;

/** The answer of an injected error code: the code's status and envelope, its extras and rate-limit headers. */
public final class Injected {

    private Injected() {}

    static Answer error(World world, InjectionRule inj, Exchange ex) {
        SessionRecord s = null;
        int at = ex.segments.indexOf("sessions");
        if (at >= 0 && ex.segments.size() > at + 1) {
            s = world.session(ex.segments.get(at + 1));
        }
        return error(world, inj, ex, s, ex.tool);
    }

    /**
     * The answer of an injection for a request or an agent's tool call.
     *
     * @param world the state (locked)
     * @param inj the injection
     * @param ctx the request
     * @param s the session, or {@code null}
     * @param tool the tool, or {@code null}
     * @return the error answer
     */
    public static Answer error(World world, InjectionRule inj, CallContext ctx, SessionRecord s, String tool) {
        String code = inj.code();
        int status = inj.status();
        String message = inj.message();
        Answer a;
        if (code.equals("needs_connection")) {
            ToolEngine engine = new ToolEngine(world);
            String server = s == null || tool == null ? null : engine.route(s, tool);
            if (server == null && s != null && !s.servers.isEmpty()) {
                server = s.servers.get(0);
            }
            String url = inj.connectUrlOverride();
            if (url == null) {
                url = world.linkUrl(world.newLink(server, s == null ? null : s.userId, s == null ? null : s.id));
            }
            a = Answer.error(ctx, code, status, message != null ? message
                    : "Connect " + (server != null ? server : "the provider") + " first").with("connect_url", url);
        } else {
            String text = message != null ? message : ErrorCodes.defaultMessage(code, status);
            if (code.equals("tool_not_mocked")) {
                a = Answer.toolNotMocked(ctx, tool != null ? tool : "unknown", text);
            } else if (code.equals("mocks_invalid")) {
                a = Answer.mocksInvalid(ctx, "/mocks", text);
            } else {
                a = Answer.error(ctx, code, status, text);
            }
            if (code.equals("unknown_servers")) {
                a.with("unknown", Json.NODES.arrayNode());
            }
        }
        Duration wait = inj.retryAfterValue();
        if (wait != null) {
            long seconds = (wait.toMillis() + 999) / 1000;
            a.header("Retry-After", String.valueOf(seconds));
            if (status == 429) {
                long reset = (System.currentTimeMillis() + wait.toMillis() + 999) / 1000;
                a.header("X-RateLimit-Reset", String.valueOf(reset));
            }
        }
        return a;
    }
}
