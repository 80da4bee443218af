package dev.codespar.testkit.internal.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.testkit.Dialect;
import dev.codespar.testkit.FakeCodeSparBuilder;
import dev.codespar.testkit.Fault;
import dev.codespar.testkit.internal.program.InjectionRule;
import dev.codespar.testkit.internal.program.SendPlan;
import dev.codespar.testkit.internal.program.StubRule;
import dev.codespar.testkit.internal.state.MandateGrants;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.wire.ErrorCodes;
import dev.codespar.testkit.internal.wire.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A scenario file: the settings of a fake and what to program into it, as JSON, for a fake run as a process.
 *
 * <pre>{@code
 * {
 *   "dialect": "hosted",                       "api_key": "csk_test_...",   "accept_keys": ["csk_live_..."],
 *   "require_connection": ["melhor-envio"],    "connect_after_polls": 2,    "auto_settle_ms": 1000,
 *   "strict_test_mode": false,                 "runtime_test_mode": false,  "done_delay_ms": 0,
 *   "heartbeat_ms": 15000,                     "servers": [{"id": "my-psp", "category": "payments",
 *                                                           "auth_type": "api_key"}],
 *   "stubs": {"codespar_pay": {"respond": [{"id": "pay_1", "status": "pending"}]},
 *             "asaas/get_payment": {"tool_error": "no_eligible_providers"},
 *             "codespar_ship": {"error": "provider_unavailable"}},
 *   "proxy": [{"server": "asaas", "method": "POST", "endpoint": "/v3/payments", "status": 201, "body": {}}],
 *   "send": {"tool_calls": [{"tool": "codespar_pay", "input": {}}], "reply": "Done."},
 *   "failures": [{"code": "rate_limited", "times": 1, "tool": "codespar_pay", "retry_after_ms": 0}],
 *   "faults": [{"fault": "HTML_502", "times": 1, "path": "/v1/sessions"}],
 *   "mandates": [{"consumer_id": "cons_1", "agent_id": "agent_1", "currency": "BRL", "cap_minor": 50000,
 *                 "per_tx_cap_minor": 10000, "payees": ["ana@example.com"]}]
 * }
 * }</pre>
 *
 * @param json the parsed file
 */
public record Scenario(JsonNode json) {

    /**
     * Reads a file.
     *
     * @param file the JSON file
     * @return the scenario
     * @throws IOException when it cannot be read
     * @throws IllegalArgumentException when it is not a JSON object
     */
    public static Scenario read(Path file) throws IOException {
        return of(Files.readString(file));
    }

    /**
     * Parses JSON text.
     *
     * @param text the JSON
     * @return the scenario
     * @throws IllegalArgumentException when it is not a JSON object
     */
    public static Scenario of(String text) {
        JsonNode node = Json.parseStrict(text);
        if (!node.isObject()) {
            throw new IllegalArgumentException("a scenario is a JSON object");
        }
        return new Scenario(node);
    }

    /**
     * Applies the settings to a builder.
     *
     * @param b the builder
     * @return the builder
     */
    public FakeCodeSparBuilder settings(FakeCodeSparBuilder b) {
        if (json.hasNonNull("dialect")) {
            b.dialect(Dialect.parse(json.get("dialect").asText()));
        }
        if (json.hasNonNull("api_key")) {
            b.apiKey(json.get("api_key").asText());
        }
        json.path("accept_keys").forEach(k -> b.acceptKeys(k.asText()));
        json.path("require_connection").forEach(s -> b.requireConnection(s.asText()));
        if (json.hasNonNull("connect_after_polls")) {
            b.connectAfterPolls(json.get("connect_after_polls").asInt());
        }
        if (json.hasNonNull("auto_settle_ms")) {
            b.autoSettle(Duration.ofMillis(json.get("auto_settle_ms").asLong()));
        }
        if (json.hasNonNull("done_delay_ms")) {
            b.doneDelay(Duration.ofMillis(json.get("done_delay_ms").asLong()));
        }
        if (json.hasNonNull("heartbeat_ms")) {
            b.heartbeatInterval(Duration.ofMillis(json.get("heartbeat_ms").asLong()));
        }
        b.strictTestMode(json.path("strict_test_mode").asBoolean(false));
        b.runtimeTestMode(json.path("runtime_test_mode").asBoolean(false));
        b.runtimeMetaTools(json.path("runtime_meta_tools").asBoolean(true));
        for (JsonNode s : json.path("servers")) {
            b.server(s.path("id").asText(), s.path("category").asText(), s.path("auth_type").asText("api_key"));
        }
        return b;
    }

    /**
     * Programs a started fake: stubs, proxy answers, the send script, injections, mandates.
     *
     * @param world the fake's state
     */
    public void program(World world) {
        for (Iterator<Map.Entry<String, JsonNode>> it = json.path("stubs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            world.program.stub(e.getKey()).replace(replies(e.getKey(), e.getValue()));
        }
        for (JsonNode p : json.path("proxy")) {
            world.program.proxy(p.path("server").asText(), p.path("method").asText("GET"), p.path("endpoint").asText())
                    .respond(p.path("status").asInt(200), p.has("body") ? p.get("body") : Json.object());
        }
        JsonNode send = json.get("send");
        if (send != null) {
            SendPlan plan = world.program.newSendPlan();
            send.path("tool_calls").forEach(c -> plan.add(new SendPlan.ToolCall(c.path("tool").asText(),
                    c.has("input") ? c.get("input") : Json.object())));
            if (send.hasNonNull("reply")) {
                plan.reply(send.get("reply").asText());
            }
            if (send.has("fail")) {
                plan.fail(send.at("/fail/code").asText(), send.at("/fail/message").asText(null));
            }
        }
        for (JsonNode f : json.path("failures")) {
            String code = f.path("code").asText();
            ErrorCodes.Code known = ErrorCodes.find(code);
            int status = f.path("status").asInt(known == null ? 500 : known.status());
            InjectionRule rule = world.program.register(new InjectionRule(code, status, null,
                    f.path("times").asInt(1)));
            narrow(rule, f);
            if (f.has("retry_after_ms")) {
                rule.retryAfter(Duration.ofMillis(f.get("retry_after_ms").asLong()));
            }
        }
        for (JsonNode f : json.path("faults")) {
            InjectionRule rule = world.program.register(new InjectionRule(null, 0,
                    Fault.valueOf(f.path("fault").asText()), f.path("times").asInt(1)));
            narrow(rule, f);
        }
        for (JsonNode m : json.path("mandates")) {
            List<String> payees = new ArrayList<>();
            m.path("payees").forEach(p -> payees.add(p.asText()));
            MandateGrants.grant(world, m.path("consumer_id").asText(), m.path("agent_id").asText(),
                    m.path("currency").asText("BRL"), m.path("cap_minor").asLong(), m.path("per_tx_cap_minor").asLong(),
                    payees);
        }
    }

    private static void narrow(InjectionRule rule, JsonNode f) {
        if (f.hasNonNull("method")) {
            rule.method(f.get("method").asText());
        }
        if (f.hasNonNull("path")) {
            rule.path(f.get("path").asText());
        }
        if (f.hasNonNull("tool")) {
            rule.tool(f.get("tool").asText());
        }
        if (f.hasNonNull("message")) {
            rule.message(f.get("message").asText());
        }
        if (f.path("after_processing").asBoolean(false)) {
            rule.afterProcessing(true);
        }
    }

    private static List<StubRule.Reply> replies(String tool, JsonNode stub) {
        List<StubRule.Reply> out = new ArrayList<>();
        if (stub.has("respond")) {
            JsonNode r = stub.get("respond");
            (r.isArray() ? r : Json.NODES.arrayNode().add(r)).forEach(d -> out.add(new StubRule.Data(d)));
        } else if (stub.has("tool_error")) {
            out.add(new StubRule.ToolError(stub.get("tool_error").asText()));
        } else if (stub.has("error")) {
            String code = stub.get("error").asText();
            ErrorCodes.Code known = ErrorCodes.find(code);
            out.add(new StubRule.HttpError(code, stub.path("status").asInt(known == null ? 500 : known.status())));
        } else {
            throw new IllegalArgumentException("stub of " + tool + " needs respond, tool_error or error");
        }
        return out;
    }
}
