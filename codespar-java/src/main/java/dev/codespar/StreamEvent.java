package dev.codespar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * One event of an agent's streamed reply ({@code sendStream}). The three wire dialects of the send stream (the
 * TypeScript SDK's, the Python SDK's and the open-source runtime's) all read into these types.
 *
 * <pre>{@code
 * for (StreamEvent event : session.sendStream("Charge R$10 via Pix")) {
 *     switch (event.type()) { ... }                   // or pattern matching on the records:
 *     if (event instanceof StreamEvent.ToolResultEvent r && !r.toolCall().success()) {
 *         log.warn("tool {} failed: {}", r.toolCall().toolName(), r.toolCall().errorCode());
 *     }
 * }
 * }</pre>
 *
 * <p>Order on the wire: {@link UserMessage}, then any of {@link Text}, {@link ToolUse}, {@link ToolResultEvent}, then
 * the terminal {@link Done}. An in-band {@code error} event is thrown by the stream's iterator (see
 * {@link EventStream}) instead of being yielded; {@link Error} is how the SDK reads it. Event names this SDK version
 * does not know arrive as {@link Unknown}.
 */
public sealed interface StreamEvent {

    /**
     * The event name on the wire, e.g. {@code assistant_text}.
     *
     * @return the name
     */
    String type();

    /**
     * The user's message, echoed first ({@code user_message}).
     *
     * @param content the message text
     */
    record UserMessage(String content) implements StreamEvent {
        @Override
        public String type() {
            return "user_message";
        }
    }

    /**
     * A piece of the agent's reply text ({@code assistant_text}).
     *
     * @param content the text
     * @param iteration the model turn it belongs to (1-based; 0 when not reported)
     */
    record Text(String content, int iteration) implements StreamEvent {
        @Override
        public String type() {
            return "assistant_text";
        }
    }

    /**
     * The agent decided to call a tool ({@code tool_use}).
     *
     * @param id the model's id of this tool use
     * @param name the tool name
     * @param input the arguments ({@link NullNode} when absent)
     * @param iteration the model turn (0 when not reported)
     */
    record ToolUse(String id, String name, JsonNode input, int iteration) implements StreamEvent {
        /** Normalizes a missing input to {@link NullNode}. */
        public ToolUse {
            input = input == null ? NullNode.getInstance() : input;
        }

        @Override
        public String type() {
            return "tool_use";
        }
    }

    /**
     * A tool call finished ({@code tool_result}).
     *
     * @param toolCall the call, its output and its status
     */
    record ToolResultEvent(ToolCallRecord toolCall) implements StreamEvent {
        @Override
        public String type() {
            return "tool_result";
        }
    }

    /**
     * The terminal event ({@code done}): the full reply, as {@code send} would have returned it. Iteration ends
     * after it.
     *
     * @param result the final answer
     */
    record Done(SendResult result) implements StreamEvent {
        @Override
        public String type() {
            return "done";
        }
    }

    /**
     * An in-band {@code error} event as the SDK reads it. The stream's iterator never yields it: it throws the
     * {@link dev.codespar.errors.ApiError} subclass of {@link #code()} (or a {@link dev.codespar.errors.StreamError}
     * when there is no code), whose {@code getBody()} / message carry these fields.
     *
     * @param code the error code, or {@code null}
     * @param message the server's message, or {@code null}
     * @param raw the event data
     */
    record Error(String code, String message, JsonNode raw) implements StreamEvent {
        @Override
        public String type() {
            return "error";
        }
    }

    /**
     * An event this SDK version does not know, passed through rather than dropped.
     *
     * @param name the event name
     * @param data the raw {@code data:} text, or {@code null} when the frame had none
     */
    record Unknown(String name, String data) implements StreamEvent {
        @Override
        public String type() {
            return name;
        }
    }
}
