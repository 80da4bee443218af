package dev.codespar.testkit.internal.program;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** What the fake's agent does on {@code send}; thread-safe. */
public final class SendPlan {

    /**
     * One tool call of the turn.
     *
     * @param tool the tool
     * @param input its input
     */
    public record ToolCall(String tool, JsonNode input) {}

    private final List<ToolCall> toolCalls = new ArrayList<>();
    private String reply;
    private String errorCode;
    private String errorMessage;

    /**
     * Sets the final text.
     *
     * @param text the reply
     */
    public synchronized void reply(String text) {
        this.reply = text;
    }

    /**
     * Adds a tool call.
     *
     * @param call the call
     */
    public synchronized void add(ToolCall call) {
        toolCalls.add(call);
    }

    /**
     * Makes the turn fail.
     *
     * @param code the code
     * @param message the message, or {@code null}
     */
    public synchronized void fail(String code, String message) {
        this.errorCode = code;
        this.errorMessage = message;
    }

    /**
     * The tool calls.
     *
     * @return a copy, in order
     */
    public synchronized List<ToolCall> toolCalls() {
        return List.copyOf(toolCalls);
    }

    /**
     * The final text for a message.
     *
     * @param message the user's message
     * @return the reply
     */
    public synchronized String replyFor(String message) {
        return reply != null ? reply : "Received: " + message;
    }

    /**
     * The failure code.
     *
     * @return the code, or {@code null} when the turn succeeds
     */
    public synchronized String errorCode() {
        return errorCode;
    }

    /**
     * The failure message.
     *
     * @return the message, or {@code null}
     */
    public synchronized String errorMessage() {
        return errorMessage;
    }
}
