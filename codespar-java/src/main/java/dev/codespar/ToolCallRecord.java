package dev.codespar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Optional;

/**
 * One tool call the agent made while answering a {@code send} or {@code sendStream} message.
 *
 * @param id the tool call id (the key of the payment and verification status endpoints); may be {@code null}
 *     (the open-source runtime omits it)
 * @param toolName the tool, e.g. {@code codespar_pay}
 * @param serverId the server that ran it, e.g. {@code asaas}; may be {@code null}
 * @param status success, error or running
 * @param durationMs how long it ran, in milliseconds; {@code null} when not reported
 * @param input the arguments the agent passed ({@link NullNode} when absent)
 * @param output the tool's output ({@link NullNode} when absent)
 * @param errorCode the failure code, {@code null} on success
 */
public record ToolCallRecord(
        String id,
        String toolName,
        String serverId,
        ToolCallStatus status,
        Long durationMs,
        JsonNode input,
        JsonNode output,
        String errorCode) implements ToolOutcome {

    /** Normalizes missing JSON to {@link NullNode} and a missing status to {@link ToolCallStatus#UNKNOWN}. */
    public ToolCallRecord {
        status = status == null ? ToolCallStatus.UNKNOWN : status;
        input = input == null ? NullNode.getInstance() : input;
        output = output == null ? NullNode.getInstance() : output;
    }

    /**
     * Whether the call succeeded.
     *
     * @return {@code true} for {@link ToolCallStatus#SUCCESS}
     */
    public boolean success() {
        return status == ToolCallStatus.SUCCESS;
    }

    /**
     * The tool-result code with its fields: from a code object in {@link #output()}, else (a failed call) from
     * {@link #errorCode()} when it names a known code, as the open-source runtime's chat loop reports it.
     *
     * @return the details, or empty
     */
    @Override
    public Optional<ToolCodeDetails> codeDetails() {
        boolean failed = status == ToolCallStatus.ERROR;
        Optional<ToolCodeDetails> inOutput = ToolCodeDetails.parse(output, failed);
        if (inOutput.isPresent() || !failed || errorCode == null) {
            return inOutput;
        }
        ToolResultCode code = ToolResultCode.fromWire(errorCode);
        if (code == ToolResultCode.UNKNOWN) {
            return Optional.empty();
        }
        return Optional.of(new ToolCodeDetails(code, errorCode, null, null, null, null,
                code == ToolResultCode.TOOL_NOT_MOCKED ? toolName : null, output));
    }

    static ToolCallRecord fromJson(JsonNode json) {
        JsonNode duration = json.get("duration_ms");
        return new ToolCallRecord(
                Values.text(json, "id"),
                Values.text(json, "tool_name"),
                Values.text(json, "server_id"),
                ToolCallStatus.parse(Values.text(json, "status")),
                duration != null && duration.isNumber() ? duration.asLong() : null,
                json.get("input"),
                json.get("output"),
                Values.text(json, "error_code"));
    }

    /** The runtime's stream form {@code {tool_use_id, content, is_error}} read as a record. */
    static ToolCallRecord fromRuntimeResult(JsonNode json) {
        boolean error = json.path("is_error").asBoolean(false);
        JsonNode content = json.get("content");
        String errorCode = null;
        if (error && content != null && content.isObject() && content.path("error").isTextual()) {
            errorCode = content.get("error").asText();
        }
        return new ToolCallRecord(Values.text(json, "tool_use_id"), Values.text(json, "name"), null,
                error ? ToolCallStatus.ERROR : ToolCallStatus.SUCCESS, null, null, content, errorCode);
    }
}
