package dev.codespar.policy;

/**
 * What a {@link ToolPolicy} decided about a {@link ToolCall}.
 *
 * <p>A denied call makes no network request; {@code Session.execute} answers it with a failed {@code ToolResult} whose
 * code is {@code policy_denied} ({@code isPolicyDenied()}), the {@link #reason()} as its message and the
 * {@link #ruleId()} as its rule, and an agent adapter hands that reason to the model.
 *
 * @param allowed whether the call may go ahead
 * @param reason why it was denied, in words a model or a user can act on; {@code null} when allowed
 * @param ruleId which rule denied it (e.g. {@code amount_cap}), or {@code null}
 */
public record PolicyDecision(boolean allowed, String reason, String ruleId) {

    private static final PolicyDecision ALLOW = new PolicyDecision(true, null, null);

    /**
     * The call may go ahead.
     *
     * @return the decision
     */
    public static PolicyDecision allow() {
        return ALLOW;
    }

    /**
     * The call is refused.
     *
     * @param ruleId the rule that refused it, e.g. {@code spend_cap}
     * @param reason why, in words a model or a user can act on
     * @return the decision
     */
    public static PolicyDecision deny(String ruleId, String reason) {
        return new PolicyDecision(false, reason, ruleId);
    }
}
