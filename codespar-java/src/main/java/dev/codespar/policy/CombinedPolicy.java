package dev.codespar.policy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Two policies in order: the second is asked only when the first allows; both hear how an allowed call ended. */
final class CombinedPolicy implements ToolPolicy {

    private final ToolPolicy first;
    private final ToolPolicy second;

    CombinedPolicy(ToolPolicy first, ToolPolicy second) {
        if (first == null || second == null) {
            throw new IllegalArgumentException("policy: must not be null");
        }
        this.first = first;
        this.second = second;
    }

    @Override
    public CompletionStage<PolicyDecision> evaluate(ToolCall call) {
        return first.evaluate(call).thenCompose(decision -> {
            if (!decision.allowed()) {
                return CompletableFuture.completedFuture(decision);
            }
            return second.evaluate(call).thenApply(next -> {
                if (!next.allowed()) {
                    // the first allowed, and may have reserved something for the call: it will not run
                    first.completed(call, false);
                }
                return next;
            });
        });
    }

    @Override
    public void completed(ToolCall call, boolean mayHaveRun) {
        first.completed(call, mayHaveRun);
        second.completed(call, mayHaveRun);
    }
}
