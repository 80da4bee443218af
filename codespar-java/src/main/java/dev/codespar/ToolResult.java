package dev.codespar;

import dev.codespar.internal.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.codespar.internal.http.JsonAnswer;
import dev.codespar.internal.http.JsonReaders;
import dev.codespar.internal.json.Json;
import java.time.Instant;
import java.util.Optional;

/**
 * The answer of a tool call ({@code POST /v1/sessions/{id}/execute}).
 *
 * <p>A tool-level failure is a result with {@code success == false} and an {@link #error()} string (e.g.
 * {@code no_eligible_providers}); an HTTP failure is never a result: it is thrown as an
 * {@link dev.codespar.errors.ApiError} subclass. A governance or test-mode outcome carried in {@link #data()}
 * is read by {@link #code()} and {@link #codeDetails()}, with shortcuts such as
 * {@link #isApprovalRequired()}.
 *
 * <pre>{@code
 * ToolResult r = session.execute("codespar_pay", Map.of("amount", 1000, "currency", "BRL", "method", "pix"));
 * if (r.success()) {
 *     String paymentId = r.data().path("id").asText();
 * } else {
 *     log.warn("payment refused: {} (request_id={})", r.error(), r.requestId());
 * }
 * }</pre>
 *
 * @param success whether the tool did its work
 * @param data the tool's output ({@link NullNode} when absent)
 * @param error the tool-level error, {@code null} on success
 * @param durationMs how long the tool ran on the server, in milliseconds
 * @param server the server that ran it (e.g. {@code asaas}, {@code mock} in test mode)
 * @param tool the tool name, echoed
 * @param toolCallId the id of this call, the key of the payment and verification status endpoints; may be
 *     {@code null}
 * @param calledAt when the call was made; may be {@code null}
 * @param requestId the request id of the HTTP answer, for support tickets; may be {@code null}
 */
public record ToolResult(
        boolean success,
        JsonNode data,
        String error,
        long durationMs,
        String server,
        String tool,
        String toolCallId,
        Instant calledAt,
        String requestId) implements ToolOutcome {

    /** Normalizes a missing {@code data} to {@link NullNode}. */
    public ToolResult {
        data = data == null ? NullNode.getInstance() : data;
    }

    /**
     * Reads {@link #data()} into a type of yours (a record, a POJO, a {@code Map}).
     *
     * @param type the target type
     * @param <T> the target type
     * @return the converted data, or {@code null} when there is none
     * @throws IllegalArgumentException when the data does not fit the type
     */
    public <T> T dataAs(Class<T> type) {
        return Json.convert(data, type);
    }

    /**
     * The tool-result code carried in {@link #data()}, with its fields. A known code counts only when all its
     * fields are strings; on a failed result any other {@code {code: "..."}} object reads as
     * {@link ToolResultCode#UNKNOWN}.
     *
     * @return the details, or empty
     */
    @Override
    public Optional<ToolCodeDetails> codeDetails() {
        return ToolCodeDetails.parse(data, !success);
    }

    /**
     * The result of an execute answer, which must say whether the tool succeeded: an answer without a boolean
     * {@code success} is not a failed result but one the SDK cannot read ({@code invalid_response}), since the tool
     * may have done its work.
     */
    static ToolResult fromAnswer(JsonAnswer answer, String fallbackTool) {
        if (!answer.json().path("success").isBoolean()) {
            throw JsonReaders.missingField(answer, "success");
        }
        return fromJson(answer.json(), fallbackTool, answer.requestId());
    }

    static ToolResult fromJson(JsonNode json, String fallbackTool, String requestId) {
        JsonNode error = json.get("error");
        return new ToolResult(
                json.path("success").asBoolean(false),
                json.get("data"),
                error == null || error.isNull() ? null : (error.isTextual() ? error.asText() : error.toString()),
                json.path("duration").asLong(0),
                JsonFields.text(json, "server"),
                JsonFields.textOr(json, "tool", fallbackTool),
                JsonFields.text(json, "tool_call_id"),
                JsonFields.instant(json, "called_at"),
                requestId);
    }
}
