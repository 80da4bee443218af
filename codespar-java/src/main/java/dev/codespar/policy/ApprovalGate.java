package dev.codespar.policy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/** Waits for a human on the calls that match; allows the rest at once. */
final class ApprovalGate implements ToolPolicy {

    private final Predicate<ToolCall> when;
    private final ApprovalHandler handler;

    ApprovalGate(Predicate<ToolCall> when, ApprovalHandler handler) {
        if (when == null || handler == null) {
            throw new IllegalArgumentException("requireApproval: the condition and the handler must not be null");
        }
        this.when = when;
        this.handler = handler;
    }

    @Override
    public CompletionStage<PolicyDecision> evaluate(ToolCall call) {
        if (!when.test(call)) {
            return CompletableFuture.completedFuture(PolicyDecision.allow());
        }
        CompletionStage<Boolean> answer;
        try {
            answer = handler.approve(call);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(denied(call, "the approval could not be asked for: " + e));
        }
        return answer.handle((approved, error) -> Boolean.TRUE.equals(approved) && error == null
                ? PolicyDecision.allow()
                : denied(call, error != null ? "the approval failed: " + error : "a person declined it"));
    }

    private static PolicyDecision denied(ToolCall call, String why) {
        return PolicyDecision.deny("approval", "the call to " + call.tool() + " needs a person's approval, and "
                + why + "; do not call it again unless the user asks");
    }
}
