package dev.codespar;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.errors.ApiError;
import dev.codespar.internal.http.ChainedFuture;
import dev.codespar.internal.json.Json;
import dev.codespar.internal.validation.Validation;
import dev.codespar.policy.PolicyDecision;
import dev.codespar.policy.ToolCall;
import dev.codespar.policy.ToolPolicy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Where a session's {@link ToolPolicy} stands between a tool call and the network: a denied call is answered here,
 * with a failed result whose code is {@code policy_denied}, and no request is made; an allowed one runs, and the
 * policy hears whether it may have run (so that a spending cap gives back what a refused call reserved).
 */
final class PolicyGate {

    private final SessionCalls calls;
    private final String sessionId;
    private final ToolPolicy policy;

    PolicyGate(SessionCalls calls, String sessionId, ToolPolicy policy) {
        this.calls = calls;
        this.sessionId = sessionId;
        this.policy = policy;
    }

    ToolPolicy policy() {
        return policy;
    }

    /** A call an adapter passes: the model's arguments and call id; it must be a call of this session. */
    ToolResult execute(ToolCall call) {
        check(call);
        return execute(call.tool(), call.arguments(), call);
    }

    CompletableFuture<ToolResult> executeAsync(ToolCall call) {
        try {
            check(call);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return executeAsync(call.tool(), call.arguments(), call);
    }

    private void check(ToolCall call) {
        if (call == null || !sessionId.equals(call.sessionId())) {
            throw Validation.invalid("call: must be a ToolCall of session " + sessionId + ", got "
                    + (call == null ? "null" : "one of session " + call.sessionId()));
        }
    }

    ToolResult execute(String tool, Object input, ToolCall given) {
        if (policy == null) {
            return calls.execute(tool, input).execute();
        }
        calls.validateExecute(tool, input);
        ToolCall call = given != null ? given : new ToolCall(sessionId, tool, Json.toTree(input), null);
        PolicyDecision decision = decide(call);
        if (!decision.allowed()) {
            return denied(tool, decision);
        }
        try {
            ToolResult result = calls.execute(tool, input).execute();
            policy.completed(call, result.success());
            return result;
        } catch (RuntimeException e) {
            policy.completed(call, mayHaveRun(e));
            throw e;
        }
    }

    CompletableFuture<ToolResult> executeAsync(String tool, Object input, ToolCall given) {
        if (policy == null) {
            return calls.execute(tool, input).executeAsync();
        }
        ToolCall call;
        CompletableFuture<PolicyDecision> decision;
        try {
            calls.validateExecute(tool, input);
            call = given != null ? given : new ToolCall(sessionId, tool, Json.toTree(input), null);
            decision = evaluate(call);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return ChainedFuture.handle(decision, (d, error) -> {
            PolicyDecision verdict = error != null ? failedPolicy(error) : d;
            if (!verdict.allowed()) {
                return CompletableFuture.completedFuture(denied(tool, verdict));
            }
            return ChainedFuture.handle(calls.execute(tool, input).executeAsync(), (result, failure) -> {
                policy.completed(call, failure == null ? result.success() : mayHaveRun(failure));
                return failure == null ? CompletableFuture.completedFuture(result)
                        : CompletableFuture.failedFuture(failure);
            });
        });
    }

    private PolicyDecision decide(ToolCall call) {
        try {
            return evaluate(call).join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            return failedPolicy(e.getCause() != null ? e.getCause() : e);
        }
    }

    /** The policy's decision as a future; a policy that throws instead of failing its stage denies all the same. */
    private CompletableFuture<PolicyDecision> evaluate(ToolCall call) {
        try {
            return policy.evaluate(call).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failedPolicy(e));
        }
    }

    /** A policy that fails to decide denies: a guardrail that cannot be consulted must not be stepped around. */
    private static PolicyDecision failedPolicy(Throwable error) {
        return PolicyDecision.deny("policy_error", "the policy could not decide: " + error);
    }

    /** The answer to a denied call, in the shape of a governance denial the server would send. */
    private static ToolResult denied(String tool, PolicyDecision decision) {
        String reason = decision.reason() != null ? decision.reason() : "denied by this application's policy";
        ObjectNode data = JsonNodeFactory.instance.objectNode()
                .put("code", "policy_denied")
                .put("rule_id", decision.ruleId() != null ? decision.ruleId() : "policy")
                .put("message", reason);
        return new ToolResult(false, data, "policy_denied: " + reason, 0, "policy", tool, null, null, null);
    }

    /** Whether a failed call may still have run on the server; anything but an API error was never sent. */
    static boolean mayHaveRun(Throwable error) {
        return ChainedFuture.unwrap(error) instanceof ApiError api && api.mayHaveBeenProcessed();
    }
}
