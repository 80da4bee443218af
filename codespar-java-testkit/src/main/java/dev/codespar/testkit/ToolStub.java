package dev.codespar.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.testkit.internal.program.StubRule;
import dev.codespar.testkit.internal.wire.ErrorCodes;
import dev.codespar.testkit.internal.wire.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A canned answer for one tool, set with {@link FakeCodeSpar#onTool(String)}. It replaces the fake's built-in
 * behaviour for that tool in sessions created without {@code mocks} (a session with {@code mocks} is answered by its
 * mocks, as the test-mode API does). The connection gate still applies: a stub whose server is not connected yet
 * answers {@code 422 needs_connection}.
 *
 * <pre>{@code
 * fake.onTool("codespar_pay").respond(Map.of("id", "pay_1", "status", "pending"));      // every call
 * fake.onTool("asaas/get_payment").respond(Map.of("status", "PENDING"), Map.of("status", "CONFIRMED"));
 * fake.onTool("codespar_pay").answer(input -> Map.of("id", "pay_" + input.path("amount").asInt()));
 * fake.onTool("codespar_pay").toolError("no_eligible_providers");   // 200, success:false
 * fake.onTool("codespar_pay").error("provider_unavailable");         // HTTP 422 on every call
 * }</pre>
 *
 * <p>Thread-safe. Each method replaces the stub's previous behaviour.
 */
public final class ToolStub {

    private final StubRule rule;

    ToolStub(StubRule rule) {
        this.rule = rule;
    }

    /**
     * Answers with these {@code data} values: the first call gets the first, and so on; the last one repeats.
     * Each value is converted to JSON with Jackson (a {@code Map}, a record, a {@code JsonNode}...).
     *
     * @param data one or more {@code data} values
     * @return this stub
     */
    public ToolStub respond(Object... data) {
        if (data == null || data.length == 0) {
            throw new IllegalArgumentException("respond needs at least one value");
        }
        List<StubRule.Reply> replies = new ArrayList<>();
        for (Object d : data) {
            replies.add(new StubRule.Data(Json.tree(d)));
        }
        rule.replace(replies);
        return this;
    }

    /**
     * Like {@link #respond(Object...)}, with the {@code data} values written as JSON text.
     *
     * @param json one or more JSON documents
     * @return this stub
     * @throws IllegalArgumentException when a document is not valid JSON
     */
    public ToolStub respondJson(String... json) {
        if (json == null || json.length == 0) {
            throw new IllegalArgumentException("respondJson needs at least one document");
        }
        List<StubRule.Reply> replies = new ArrayList<>();
        for (String j : json) {
            replies.add(new StubRule.Data(Json.parseStrict(j)));
        }
        rule.replace(replies);
        return this;
    }

    /**
     * Computes {@code data} from the call's {@code input} (the function's result is converted with Jackson).
     *
     * @param function from the input to the data
     * @return this stub
     */
    public ToolStub answer(Function<JsonNode, ?> function) {
        rule.replace(List.of(new StubRule.Computed(Objects.requireNonNull(function, "function"))));
        return this;
    }

    /**
     * Answers every call with a tool-level failure: HTTP 200, {@code success:false}, this {@code error}.
     *
     * @param error e.g. {@code no_eligible_providers} or {@code Invalid parameter: amount}
     * @return this stub
     */
    public ToolStub toolError(String error) {
        rule.replace(List.of(new StubRule.ToolError(Objects.requireNonNull(error, "error"))));
        return this;
    }

    /**
     * Answers every call with an HTTP error of a known code (status from the error reference). For one-off failures
     * use {@link FakeCodeSpar#failNext(String)} instead.
     *
     * @param code e.g. {@code provider_unavailable}
     * @return this stub
     * @throws IllegalArgumentException for a code the fake does not know; use {@link #error(String, int)}
     */
    public ToolStub error(String code) {
        ErrorCodes.Code known = ErrorCodes.find(code);
        if (known == null) {
            throw new IllegalArgumentException("unknown error code " + code + "; use error(code, status)");
        }
        return error(code, known.status());
    }

    /**
     * Answers every call with an HTTP error.
     *
     * @param code the error code
     * @param status the HTTP status, 4xx or 5xx
     * @return this stub
     */
    public ToolStub error(String code, int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 4xx or 5xx, got " + status);
        }
        rule.replace(List.of(new StubRule.HttpError(Objects.requireNonNull(code, "code"), status)));
        return this;
    }

    /**
     * The server that runs the tool (reported as {@code server} and checked by the connection gate). Default: the
     * fake's routing (a {@code server/tool} name's server, else the session's first server of the tool's kind).
     *
     * @param id the server id, e.g. {@code asaas}
     * @return this stub
     */
    public ToolStub server(String id) {
        rule.server(id);
        return this;
    }

    /**
     * How many calls this stub has answered.
     *
     * @return the count
     */
    public int calls() {
        return rule.calls();
    }

    /**
     * The tool this stub answers for.
     *
     * @return the tool name
     */
    public String tool() {
        return rule.tool();
    }

    @Override
    public String toString() {
        return "ToolStub{tool=" + rule.tool() + ", replies=" + rule.size() + ", calls=" + rule.calls() + "}";
    }
}
