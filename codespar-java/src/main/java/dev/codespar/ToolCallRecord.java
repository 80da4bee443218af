package dev.codespar;

import dev.codespar.internal.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Optional;

/**
 * One tool call the agent made while answering a {@code send} or {@code sendStream} message.
 *
 * @param id the tool call id (the key of the payment and verification status endpoints); may be {@code null}
 *     (the open-source runtime omits it)
 * @param toolName the tool, e.g. {@code codespar_pay}
 * @param serverId the server that ran it, e.g. {@code asaas}; {@code null} when not reported (an empty
 *     {@code server_id} reads as {@code null})
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
                JsonFields.text(json, "id"),
                JsonFields.text(json, "tool_name"),
                nonBlank(JsonFields.text(json, "server_id")),
                ToolCallStatus.parse(JsonFields.text(json, "status")),
                duration != null && duration.isNumber() ? duration.asLong() : null,
                json.get("input"),
                json.get("output"),
                JsonFields.text(json, "error_code"));
    }

    /**
     * The runtime's stream form {@code {tool_use_id, content, is_error}} read as a record, joined to the
     * {@code tool_use} frame of the same id, which carries the tool's name ({@code server__tool}) and input.
     *
     * <p>The error code is what the runtime's own {@code done} record and JSON {@code send} answer put in
     * {@code error_code} for the same call: the {@code error} of an object content ({@code {"error":
     * "tool_not_mocked"}}), or the content itself when it is a text ({@code unknown_tool_name: codespar_pay}). The
     * server is the part of the name before {@code __}, as the runtime splits it; a name without one (a meta-tool,
     * or an unknown name) has none, as the runtime's record has an empty {@code server_id}.
     *
     * @param use the matching tool use, or {@code null} when the stream sent none
     */
    static ToolCallRecord fromRuntimeResult(JsonNode json, StreamEvent.ToolUse use) {
        boolean error = json.path("is_error").asBoolean(false);
        JsonNode content = json.get("content");
        String errorCode = null;
        if (error && content != null) {
            if (content.isTextual()) {
                errorCode = content.asText();
            } else if (content.isObject() && content.path("error").isTextual()) {
                errorCode = content.get("error").asText();
            }
        }
        String name = use != null ? use.name() : JsonFields.text(json, "name");
        return new ToolCallRecord(JsonFields.text(json, "tool_use_id"), name, serverOf(name),
                error ? ToolCallStatus.ERROR : ToolCallStatus.SUCCESS, null, use == null ? null : use.input(),
                content, errorCode);
    }

    /** The server of a runtime tool name {@code server__tool}: the text before the first {@code __}, if any. */
    private static String serverOf(String name) {
        if (name == null) {
            return null;
        }
        int separator = name.indexOf("__");
        return separator > 0 && separator < name.length() - 2 ? name.substring(0, separator) : null;
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
