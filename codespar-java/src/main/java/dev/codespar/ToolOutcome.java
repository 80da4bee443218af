package dev.codespar;

import java.util.Optional;

/**
 * The outcome of one tool call that may carry a tool-result code: a {@link ToolResult} from
 * {@code execute}, or a {@link ToolCallRecord} from {@code send} / {@code sendStream}. The shortcuts read the code
 * wherever that outcome keeps it.
 */
public interface ToolOutcome {

    /**
     * The tool-result code with its fields ({@code rule_id}, {@code approval_id}, {@code expires_at},
     * {@code tool_name}, {@code message}).
     *
     * @return the details, or empty when the outcome carries no code
     */
    Optional<ToolCodeDetails> codeDetails();

    /**
     * The tool-result code.
     *
     * @return the code; {@link ToolResultCode#NONE} when there is none
     */
    default ToolResultCode code() {
        return codeDetails().map(ToolCodeDetails::code).orElse(ToolResultCode.NONE);
    }

    /**
     * Whether a governance rule blocked the call ({@code policy_denied}); see {@link #codeDetails()} for the rule.
     *
     * @return {@code true} when denied
     */
    default boolean isPolicyDenied() {
        return code() == ToolResultCode.POLICY_DENIED;
    }

    /**
     * Whether the call waits for a human approval ({@code approval_required}); see {@link #codeDetails()} for the
     * approval id and its expiry.
     *
     * @return {@code true} when an approval is pending
     */
    default boolean isApprovalRequired() {
        return code() == ToolResultCode.APPROVAL_REQUIRED;
    }

    /**
     * Whether the stateful mock of the tool has no entry left (test mode, {@code mocks_exhausted}).
     *
     * @return {@code true} when exhausted
     */
    default boolean isMocksExhausted() {
        return code() == ToolResultCode.MOCKS_EXHAUSTED;
    }

    /**
     * Whether the session declares no mock for the tool (test mode, {@code tool_not_mocked}).
     *
     * @return {@code true} when not mocked
     */
    default boolean isToolNotMocked() {
        return code() == ToolResultCode.TOOL_NOT_MOCKED;
    }

    /**
     * Whether the mock engine failed (test mode, {@code mocks_engine_error}).
     *
     * @return {@code true} on a mock engine failure
     */
    default boolean isMocksEngineError() {
        return code() == ToolResultCode.MOCKS_ENGINE_ERROR;
    }
}
