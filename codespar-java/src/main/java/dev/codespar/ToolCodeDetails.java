package dev.codespar;

import dev.codespar.internal.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.errors.ApiError;
import java.time.Instant;
import java.util.Optional;

/**
 * A tool-result code with the fields that come with it.
 *
 * <p>The code can arrive in four places, and the SDK looks in all of them: the {@code data} of a {@link ToolResult}
 * (hosted API); the {@code output} or {@code error_code} of a {@link ToolCallRecord} from {@code send} or
 * {@code sendStream}; the whole body of an HTTP 422/503 error (open-source runtime, and test mode); and a 403
 * policy denial {@code {reason, ruleType, ruleId, approval_id?, expires_at?}}. For the last two, use
 * {@link #of(ApiError)}.
 *
 * <pre>{@code
 * try {
 *     ToolResult r = session.execute("asaas/get_payment", Map.of("id", "pay_1"));
 *     if (r.isMocksExhausted()) { ... }
 * } catch (ApiError e) {
 *     ToolCodeDetails.of(e).filter(d -> d.code() == ToolResultCode.MOCKS_EXHAUSTED).ifPresent(d -> ...);
 * }
 * }</pre>
 *
 * @param code the code ({@link ToolResultCode#UNKNOWN} for a code this SDK does not know)
 * @param rawCode the code string as sent, e.g. {@code policy_denied} or a new code
 * @param message the server's explanation, or {@code null}
 * @param ruleId the rule that denied the call ({@code policy_denied}), or {@code null}
 * @param approvalId the pending approval ({@code approval_required}), or {@code null}
 * @param expiresAt when the approval request expires, or {@code null}
 * @param toolName the tool without a mock ({@code tool_not_mocked}), or {@code null}
 * @param raw the object the code was read from
 */
public record ToolCodeDetails(
        ToolResultCode code,
        String rawCode,
        String message,
        String ruleId,
        String approvalId,
        Instant expiresAt,
        String toolName,
        JsonNode raw) {

    /**
     * Reads a code object: a non-array object whose {@code code} is a known variant with all its required string
     * siblings. With {@code failed} set, an object with any other string {@code code} reads as
     * {@link ToolResultCode#UNKNOWN}; otherwise it is not a code (the output of a successful tool may well have a
     * {@code code} field of its own).
     */
    static Optional<ToolCodeDetails> parse(JsonNode node, boolean failed) {
        if (node == null || !node.isObject() || !node.path("code").isTextual()) {
            return Optional.empty();
        }
        String raw = node.get("code").asText();
        ToolResultCode code = ToolResultCode.fromWire(raw);
        boolean complete;
        switch (code) {
            case POLICY_DENIED:
                complete = strings(node, "rule_id", "message");
                break;
            case APPROVAL_REQUIRED:
                complete = strings(node, "approval_id", "expires_at", "message");
                break;
            case MOCKS_EXHAUSTED:
            case MOCKS_ENGINE_ERROR:
                complete = strings(node, "message");
                break;
            case TOOL_NOT_MOCKED:
                complete = strings(node, "tool_name", "message");
                break;
            default:
                complete = false;
        }
        if (!complete) {
            if (!failed) {
                return Optional.empty();
            }
            code = ToolResultCode.UNKNOWN;
        }
        return Optional.of(new ToolCodeDetails(code, raw, JsonFields.text(node, "message"), JsonFields.text(node, "rule_id"),
                JsonFields.text(node, "approval_id"), JsonFields.instant(node, "expires_at"), JsonFields.text(node, "tool_name"),
                node));
    }

    /**
     * The tool-result code carried by an HTTP error: a test-mode or runtime body {@code {code, message, ...}}
     * (e.g. 422 {@code mocks_exhausted}), or a 403 policy denial {@code {reason, ruleType, ruleId, ...}}.
     *
     * @param error the error
     * @return the details, or empty when the error is not a tool-result code
     */
    public static Optional<ToolCodeDetails> of(ApiError error) {
        JsonNode body = error.getBody();
        if (body == null || !body.isObject()) {
            return Optional.empty();
        }
        Optional<ToolCodeDetails> coded = parse(body, false);
        if (coded.isPresent()) {
            return coded;
        }
        if (error.getStatus() == 403 && body.path("reason").isTextual()) {
            String ruleId = JsonFields.text(body, "ruleId");
            return Optional.of(new ToolCodeDetails(ToolResultCode.POLICY_DENIED, ToolResultCode.POLICY_DENIED.wireName(),
                    JsonFields.textOr(body, "message", JsonFields.text(body, "reason")),
                    ruleId != null ? ruleId : JsonFields.text(body, "rule_id"),
                    JsonFields.text(body, "approval_id"), JsonFields.instant(body, "expires_at"), null, body));
        }
        return Optional.empty();
    }

    private static boolean strings(JsonNode node, String... fields) {
        for (String f : fields) {
            if (!node.path(f).isTextual()) {
                return false;
            }
        }
        return true;
    }
}
