package dev.codespar.policy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A cap on the amounts of money-moving meta-tool calls, per call or per session, in minor units of each currency
 * allowed. A call in another currency, or whose amount cannot be read, is denied: a cap that can be stepped around is
 * no cap. The per-session form reserves an allowed call's amount at once (two calls racing cannot both slip under
 * the cap) and gives it back when the call provably did not run.
 */
final class AmountCap implements ToolPolicy {

    private final Map<String, Long> caps;
    private final boolean perSession;
    /** Per session and currency, what allowed calls have reserved. */
    private final Map<String, Map<String, Long>> reserved = new HashMap<>();

    AmountCap(Map<String, Long> capsByCurrency, boolean perSession) {
        if (capsByCurrency == null || capsByCurrency.isEmpty()) {
            throw new IllegalArgumentException("caps: give at least one currency and its cap");
        }
        Map<String, Long> caps = new HashMap<>();
        capsByCurrency.forEach((currency, cap) -> {
            if (currency == null || currency.isBlank() || cap == null || cap < 0) {
                throw new IllegalArgumentException("caps: a currency code and a cap of zero or more minor units,"
                        + " got " + currency + "=" + cap);
            }
            caps.put(currency.toUpperCase(Locale.ROOT), cap);
        });
        this.caps = Map.copyOf(caps);
        this.perSession = perSession;
    }

    @Override
    public CompletionStage<PolicyDecision> evaluate(ToolCall call) {
        return CompletableFuture.completedFuture(decide(call));
    }

    private PolicyDecision decide(ToolCall call) {
        String rule = perSession ? "spend_cap" : "amount_cap";
        Money.Reading reading = Money.of(call);
        if (reading instanceof Money.None) {
            return PolicyDecision.allow();
        }
        if (reading instanceof Money.Unreadable unreadable) {
            return PolicyDecision.deny(rule, "the amount cap cannot be checked: " + unreadable.why());
        }
        Money money = ((Money.Amount) reading).money();
        Long cap = caps.get(money.currency());
        if (cap == null) {
            return PolicyDecision.deny(rule, "payments in " + money.currency() + " are not allowed (caps are set for "
                    + caps.keySet() + ")");
        }
        if (!perSession) {
            return money.minor() <= cap ? PolicyDecision.allow() : PolicyDecision.deny(rule, "the amount "
                    + money.minor() + " (minor units of " + money.currency() + ") is over the per-call cap of " + cap);
        }
        synchronized (reserved) {
            Map<String, Long> session = reserved.computeIfAbsent(call.sessionId(), id -> new HashMap<>());
            long used = session.getOrDefault(money.currency(), 0L);
            if (used + money.minor() > cap) {
                return PolicyDecision.deny(rule, "the amount " + money.minor() + " (minor units of "
                        + money.currency() + ") would take this session to " + (used + money.minor())
                        + ", over its spending cap of " + cap + "; " + (cap - used) + " is left");
            }
            session.put(money.currency(), used + money.minor());
            return PolicyDecision.allow();
        }
    }

    @Override
    public void completed(ToolCall call, boolean mayHaveRun) {
        if (!perSession || mayHaveRun || !(Money.of(call) instanceof Money.Amount amount)) {
            return;
        }
        synchronized (reserved) {
            Map<String, Long> session = reserved.get(call.sessionId());
            if (session != null) {
                session.computeIfPresent(amount.money().currency(),
                        (currency, used) -> Math.max(0, used - amount.money().minor()));
            }
        }
    }
}
