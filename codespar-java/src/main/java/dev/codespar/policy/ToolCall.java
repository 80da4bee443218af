package dev.codespar.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * A tool call about to be made, as a {@link ToolPolicy} sees it: before any network request.
 *
 * @param sessionId the session it would run in
 * @param tool the CodeSpar tool name, e.g. {@code codespar_pay} or {@code asaas/create_payment}
 * @param arguments the arguments exactly as given (by a model, through an agent adapter, or by the application)
 * @param callId the model's id of this tool call, or {@code null} when the application calls the tool itself
 */
public record ToolCall(String sessionId, String tool, JsonNode arguments, String callId) {

    /** Normalises missing arguments to {@link NullNode}. */
    public ToolCall {
        arguments = arguments == null ? NullNode.getInstance() : arguments;
    }

    /**
     * One argument, or a missing node.
     *
     * @param name the argument, e.g. {@code amount}
     * @return the value; {@code isMissingNode()} when absent
     */
    public JsonNode argument(String name) {
        return arguments.path(name);
    }
}
