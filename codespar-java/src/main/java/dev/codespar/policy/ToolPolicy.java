package dev.codespar.policy;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A guardrail consulted before a tool call leaves the application: allow it, deny it with a reason the model sees,
 * or (through {@link #requireApproval}) wait for a human. Every agent adapter consults it, and so does
 * {@code Session.execute} for applications without a framework. A denied call makes no network request. The policy
 * sees the arguments exactly as the model gave them.
 *
 * <pre>{@code
 * ToolPolicy policy = ToolPolicy.allowOnly("codespar_pay", "codespar_charge", "codespar_invoice", "codespar_ship")
 *         .and(ToolPolicy.maxAmountPerCall("BRL", 50_000))          // R$ 500,00 per payment
 *         .and(ToolPolicy.maxSpendPerSession("BRL", 200_000))       // R$ 2.000,00 per session
 *         .and(ToolPolicy.requireApproval(call -> call.argument("amount").asLong() > 20_000, approvals));
 * Session session = client.create("user_123", SessionConfig.builder().servers("asaas").policy(policy).build());
 * }</pre>
 *
 * <p>Implementations must be thread-safe: one policy may serve many sessions at once.
 */
@FunctionalInterface
public interface ToolPolicy {

    /**
     * Decides about a call.
     *
     * @param call the call about to be made
     * @return the decision; a failed stage denies the call
     */
    CompletionStage<PolicyDecision> evaluate(ToolCall call);

    /**
     * Told once an allowed call has ended, so that a stateful policy (a spending cap) can give back what the call
     * did not use.
     *
     * @param call the call
     * @param mayHaveRun {@code false} when the server provably did not do the work (a failed result, a refusal, a
     *     request that never reached it); {@code true} when it did, or may have
     */
    default void completed(ToolCall call, boolean mayHaveRun) {}

    /**
     * This policy, then {@code next}: a call must be allowed by both; {@code next} is not asked when this one denies.
     *
     * @param next the policy consulted after this one
     * @return the combined policy
     */
    default ToolPolicy and(ToolPolicy next) {
        return new CombinedPolicy(this, next);
    }

    /**
     * Allows every call.
     *
     * @return the policy
     */
    static ToolPolicy allowAll() {
        return call -> CompletableFuture.completedFuture(PolicyDecision.allow());
    }

    /**
     * A policy from a rule that decides at once.
     *
     * @param rule the rule
     * @return the policy
     */
    static ToolPolicy of(Function<ToolCall, PolicyDecision> rule) {
        return call -> CompletableFuture.completedFuture(rule.apply(call));
    }

    /**
     * Allows only the named tools. A name ending in {@code /*} allows every tool of that server
     * ({@code asaas/*}).
     *
     * @param tools the tools allowed
     * @return the policy
     */
    static ToolPolicy allowOnly(String... tools) {
        return ToolLists.allowOnly(tools);
    }

    /**
     * Denies the named tools ({@code server/*} for a whole server), allowing the rest.
     *
     * @param tools the tools denied
     * @return the policy
     */
    static ToolPolicy deny(String... tools) {
        return ToolLists.deny(tools);
    }

    /**
     * Caps the amount of each call that moves money, in minor units of one currency; a call in another currency, or
     * whose amount cannot be read, is denied (a cap must not be stepped around).
     *
     * @param currency the ISO-4217 code (or {@code USDC}, {@code USDT}), e.g. {@code BRL}
     * @param maxMinor the largest amount allowed per call, in minor units ({@code 50_000} = R$ 500,00)
     * @return the policy
     */
    static ToolPolicy maxAmountPerCall(String currency, long maxMinor) {
        return maxAmountPerCall(Map.of(currency, maxMinor));
    }

    /**
     * {@link #maxAmountPerCall(String, long)} for several currencies, each with its cap.
     *
     * @param maxMinorByCurrency the cap of each currency allowed
     * @return the policy
     */
    static ToolPolicy maxAmountPerCall(Map<String, Long> maxMinorByCurrency) {
        return new AmountCap(maxMinorByCurrency, false);
    }

    /**
     * Caps what the calls of one session may move in all, in minor units of one currency. An allowed call reserves
     * its amount; the reservation is given back when the call provably did not run.
     *
     * @param currency the ISO-4217 code (or {@code USDC}, {@code USDT})
     * @param maxMinor the most one session may move, in minor units
     * @return the policy
     */
    static ToolPolicy maxSpendPerSession(String currency, long maxMinor) {
        return maxSpendPerSession(Map.of(currency, maxMinor));
    }

    /**
     * {@link #maxSpendPerSession(String, long)} for several currencies, each with its cap.
     *
     * @param maxMinorByCurrency the cap of each currency allowed
     * @return the policy
     */
    static ToolPolicy maxSpendPerSession(Map<String, Long> maxMinorByCurrency) {
        return new AmountCap(maxMinorByCurrency, true);
    }

    /**
     * Asks a human before the calls that match: approved calls go ahead, the others are denied (rule
     * {@code approval}).
     *
     * @param when which calls need an approval
     * @param handler who approves
     * @return the policy
     */
    static ToolPolicy requireApproval(Predicate<ToolCall> when, ApprovalHandler handler) {
        return new ApprovalGate(when, handler);
    }
}
