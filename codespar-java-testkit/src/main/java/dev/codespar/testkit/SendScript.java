package dev.codespar.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * <p>Tool calls run through the fake's tool engine, so mocks, stubs, the connection gate and tool-scoped injections
 * apply; a failed tool call becomes a record with {@code status:"error"} and its {@code error_code}. Without a
 * script the agent replies {@code "Received: <message>"} and calls no tool. Thread-safe.
 */
public final class SendScript {

    record ToolCall(String tool, JsonNode input) {}

    private final List<ToolCall> toolCalls = new ArrayList<>();
    private String reply;
    private String errorCode;
    private String errorMessage;

    SendScript() {}

    /**
     * The agent's final text (default {@code "Received: <message>"}).
     *
     * @param text the reply
     * @return this script
     */
    public synchronized SendScript reply(String text) {
        this.reply = Objects.requireNonNull(text, "text");
        return this;
    }

    /**
     * Has the agent call a tool (in the order added) before replying.
     *
     * @param tool the tool name
     * @param input the tool input, converted with Jackson
     * @return this script
     */
    public synchronized SendScript callTool(String tool, Map<String, ?> input) {
        toolCalls.add(new ToolCall(Objects.requireNonNull(tool, "tool"), Wire.tree(input == null ? Map.of() : input)));
        return this;
    }

    /**
     * Makes the turn fail after its tool calls: a JSON send answers the code's HTTP status (500 for an unknown code)
     * with the flat error envelope; a streamed send sends an in-band {@code error} event
     * {@code {"error": code, "message": message}} instead of {@code done}.
     *
     * @param code the error code, e.g. {@code chat_loop_failed}
     * @param message the message
     * @return this script
     */
    public synchronized SendScript failWith(String code, String message) {
        this.errorCode = Objects.requireNonNull(code, "code");
        this.errorMessage = message;
        return this;
    }

    synchronized List<ToolCall> toolCalls() {
        return List.copyOf(toolCalls);
    }

    synchronized String replyFor(String message) {
        return reply != null ? reply : "Received: " + message;
    }

    synchronized String errorCode() {
        return errorCode;
    }

    synchronized String errorMessage() {
        return errorMessage;
    }
}
