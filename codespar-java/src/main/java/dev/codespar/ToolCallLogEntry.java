package dev.codespar;

import dev.codespar.internal.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One tool call in a session's log ({@code GET /v1/sessions/{id}/logs}). Both shapes the API uses are read: the
 * short one ({@code id, tool, server, status, duration_ms, called_at}) and the full one ({@code id, session_id,
 * server_id, tool_name, status, duration_ms, error_code, input, output, called_at}).
 *
 * @param id the tool call id ({@code tc_...}), the key of the payment and verification status endpoints
 * @param sessionId the session, or {@code null} when not sent
 * @param server the server that ran it ({@code server_id}, else {@code server}), or {@code null}
 * @param tool the tool name ({@code tool_name}, else {@code tool}), or {@code null}
 * @param status {@code success}, {@code error} or {@code running} as the server wrote it, or {@code null}
 * @param durationMs how long it ran, in milliseconds, or {@code null}
 * @param errorCode the failure code (e.g. {@code policy_denied}), or {@code null}
 * @param input the tool's input, or a JSON null when not sent
 * @param output the tool's output, or a JSON null when not sent
 * @param calledAt when it was called, or {@code null}
 * @param raw the object as the server sent it
 */
public record ToolCallLogEntry(
        String id,
        String sessionId,
        String server,
        String tool,
        String status,
        Long durationMs,
        String errorCode,
        JsonNode input,
        JsonNode output,
        Instant calledAt,
        JsonNode raw) {

    /**
     * Whether the call succeeded.
     *
     * @return {@code true} when {@link #status()} is {@code success}
     */
    public boolean isSuccess() {
        return "success".equals(status);
    }

    static ToolCallLogEntry fromJson(JsonNode json) {
        return new ToolCallLogEntry(
                JsonFields.text(json, "id"),
                JsonFields.text(json, "session_id"),
                JsonFields.firstText(json, "server_id", "server"),
                JsonFields.firstText(json, "tool_name", "tool"),
                JsonFields.text(json, "status"),
                JsonFields.firstLong(json, "duration_ms", "duration"),
                JsonFields.text(json, "error_code"),
                JsonFields.firstNode(json, "input"),
                JsonFields.firstNode(json, "output"),
                JsonFields.instant(json, "called_at"),
                json);
    }
}
