package dev.codespar.testkit;

import dev.codespar.testkit.internal.program.SendPlan;
import dev.codespar.testkit.internal.wire.Json;
import java.util.Map;
import java.util.Objects;
import java.util.Objects;

/**
 * What the fake's agent does on {@code POST /v1/sessions/{id}/send}, set with {@link FakeCodeSpar#onSend()}. The
 * same script drives the JSON answer (a SendResult) and the event stream ({@code Accept: text/event-stream}, the
 * TypeScript SDK's dialect: {@code user_message}, {@code tool_use}/{@code tool_result} per tool call,
 * {@code assistant_text}, then {@code done}, with {@code : heartbeat} comments).
 *
 * <pre>{@code
 * fake.onSend()
 *     .callTool("codespar_pay", Map.of("amount", 1000, "currency", "BRL", "method", "pix"))
 *     .reply("Charged R$10 via Pix.");
 * fake.onSend().failWith("chat_loop_failed", "model call failed");   // JSON: HTTP 500; stream: an error event
 * }</pre>
 *
 * <p>In the {@link Dialect#RUNTIME runtime dialect} the same script speaks the runtime's frames instead (see
 * {@link Dialect}); its agent names raw tools {@code server__tool}.
 *
 * <p>Tool calls run through the fake's tool engine, so mocks, stubs, the connection gate and tool-scoped injections
 * apply; a failed tool call becomes a record with {@code status:"error"} and its {@code error_code}. Without a
 * script the agent replies {@code "Received: <message>"} and calls no tool. Thread-safe.
 */
public final class SendScript {

    private final SendPlan plan;

    SendScript(SendPlan plan) {
        this.plan = plan;
    }

    /**
     * The agent's final text (default {@code "Received: <message>"}).
     *
     * @param text the reply
     * @return this script
     */
    public SendScript reply(String text) {
        plan.reply(Objects.requireNonNull(text, "text"));
        return this;
    }

    /**
     * Has the agent call a tool (in the order added) before replying.
     *
     * @param tool the tool name
     * @param input the tool input, converted with Jackson
     * @return this script
     */
    public SendScript callTool(String tool, Map<String, ?> input) {
        plan.add(new SendPlan.ToolCall(Objects.requireNonNull(tool, "tool"), Json.tree(input == null ? Map.of()
                : input)));
        return this;
    }

    /**
     * Makes the turn fail after its tool calls: a JSON send answers the code's HTTP status (500 for an unknown code)
     * with the flat error envelope; a streamed send sends an in-band {@code error} event
     * {@code {"error": code, "message": message}} instead of {@code done}. (The runtime answers a failed JSON turn
     * 500 {@code chat_loop_failed}, and streams {@code error {message}}.)
     *
     * @param code the error code, e.g. {@code chat_loop_failed}
     * @param message the message
     * @return this script
     */
    public SendScript failWith(String code, String message) {
        plan.fail(Objects.requireNonNull(code, "code"), message);
        return this;
    }
}
