package dev.codespar.agent;

import dev.codespar.ToolResult;
import java.util.Optional;

/**
 * What to hand back to the model for one of its tool calls.
 *
 * @param callId the model's id of the call, or {@code null} when it gave none
 * @param name the tool name the model used
 * @param content the answer for the model: a JSON object as text ({@code {"success": true, "data": ...}} or
 *     {@code {"success": false, "error": ..., "message": ...}}), never containing the API key
 * @param error whether the call did not do its work (frameworks mark such a result, e.g. Anthropic's
 *     {@code is_error})
 * @param result the tool's result when the call reached the tool, else {@code null}
 */
public record ToolCallAnswer(String callId, String name, String content, boolean error, ToolResult result) {

    /**
     * The tool's result.
     *
     * @return the result; empty when the call was refused before the network or failed before an answer
     */
    public Optional<ToolResult> toolResult() {
        return Optional.ofNullable(result);
    }
}
