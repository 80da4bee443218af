package dev.codespar.springai;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.ai.chat.messages.AssistantMessage;

/**
 * The tool calls of the model reply a {@link CodeSparToolCallingManager} is executing on this thread, so that a
 * {@link CodeSparToolCallback}, which Spring AI hands the arguments only, can find the model's id of its call.
 */
final class ToolCallIds {

    private static final ThreadLocal<ToolCallIds> CURRENT = new ThreadLocal<>();

    /** The reply's calls not yet claimed by a callback, in the model's order; touched by this thread only. */
    private final List<AssistantMessage.ToolCall> unclaimed;

    private ToolCallIds(List<AssistantMessage.ToolCall> calls) {
        this.unclaimed = new ArrayList<>(calls);
    }

    /** Runs the work with the reply's calls known to the callbacks it runs on this thread. */
    static <T> T during(List<AssistantMessage.ToolCall> calls, Supplier<T> work) {
        ToolCallIds previous = CURRENT.get(); // a tool that itself runs a chat call nests
        CURRENT.set(new ToolCallIds(calls));
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /**
     * The id of the call a callback is running: the first unclaimed call of that tool with these very arguments,
     * else the first unclaimed call of that tool (Spring AI runs a reply's calls in order, but may skip one, as 2.0
     * does past a tool-call limit). {@code null} outside a manager's execution, or for a call without an id.
     */
    static String claim(String toolName, String arguments) {
        ToolCallIds ids = CURRENT.get();
        return ids == null ? null : ids.claimFor(toolName, arguments);
    }

    private String claimFor(String toolName, String arguments) {
        int match = -1;
        for (int i = 0; i < unclaimed.size(); i++) {
            AssistantMessage.ToolCall call = unclaimed.get(i);
            if (toolName.equals(call.name())) {
                if (arguments != null && arguments.equals(call.arguments())) {
                    match = i;
                    break;
                }
                if (match < 0) {
                    match = i;
                }
            }
        }
        if (match < 0) {
            return null;
        }
        String id = unclaimed.remove(match).id();
        return id == null || id.isBlank() ? null : id;
    }
}
