package dev.codespar;

/**
 * The closed set of codes a tool call can report inside its result rather than as an HTTP error: a governance rule
 * blocked it, it waits for a human approval, or (test mode) its mocks ran out, failed or are missing.
 *
 * <pre>{@code
 * ToolResult r = session.execute("codespar_pay", input);
 * switch (r.code()) {
 *     case APPROVAL_REQUIRED -> notifyApprover(r.codeDetails().orElseThrow().approvalId());
 *     case POLICY_DENIED -> log.warn("blocked by rule {}", r.codeDetails().orElseThrow().ruleId());
 *     default -> { }
 * }
 * }</pre>
 *
 * @see ToolCodeDetails
 */
public enum ToolResultCode {
    /** {@code policy_denied}: a governance rule blocked the call ({@code rule_id}, {@code message}). */
    POLICY_DENIED("policy_denied"),
    /** {@code approval_required}: a human must approve first ({@code approval_id}, {@code expires_at}). */
    APPROVAL_REQUIRED("approval_required"),
    /** {@code mocks_exhausted}: test mode, the stateful mock of this tool has no entry left. */
    MOCKS_EXHAUSTED("mocks_exhausted"),
    /** {@code mocks_engine_error}: test mode, the mock engine failed. */
    MOCKS_ENGINE_ERROR("mocks_engine_error"),
    /** {@code tool_not_mocked}: test mode, the session declares no mock for this tool ({@code tool_name}). */
    TOOL_NOT_MOCKED("tool_not_mocked"),
    /** A failure carried a {@code {code, ...}} object this SDK version does not know; see the raw code. */
    UNKNOWN(null),
    /** No code: the tool succeeded, or failed with a plain error string. */
    NONE(null);

    private final String wireName;

    ToolResultCode(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The code as it appears on the wire.
     *
     * @return e.g. {@code policy_denied}; {@code null} for {@link #UNKNOWN} and {@link #NONE}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * The constant of a wire code.
     *
     * @param code e.g. {@code mocks_exhausted}
     * @return the constant, {@link #UNKNOWN} for an unknown code, {@link #NONE} for {@code null}
     */
    public static ToolResultCode fromWire(String code) {
        if (code == null) {
            return NONE;
        }
        for (ToolResultCode c : values()) {
            if (code.equals(c.wireName)) {
                return c;
            }
        }
        return UNKNOWN;
    }
}
