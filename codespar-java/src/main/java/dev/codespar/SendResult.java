package dev.codespar;

import dev.codespar.internal.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's answer to a natural-language message ({@code POST /v1/sessions/{id}/send}, or the final
 * {@code done} event of {@code sendStream}).
 *
 * @param message the agent's reply text; empty when the server sent none
 * @param iterations how many model turns it took
 * @param toolCalls the tools the agent called, in order
 * @param requestId the request id of the HTTP answer, for support tickets; may be {@code null}
 */
public record SendResult(String message, int iterations, List<ToolCallRecord> toolCalls, String requestId) {

    /** Copies the list and normalizes missing values. */
    public SendResult {
        message = message == null ? "" : message;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    static SendResult fromJson(JsonNode json, String requestId) {
        List<ToolCallRecord> calls = new ArrayList<>();
        JsonNode array = json.get("tool_calls");
        if (array != null && array.isArray()) {
            for (JsonNode item : array) {
                if (item.isObject()) {
                    calls.add(ToolCallRecord.fromJson(item));
                }
            }
        }
        return new SendResult(JsonFields.text(json, "message"), json.path("iterations").asInt(0), calls, requestId);
    }
}
