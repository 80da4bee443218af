package dev.codespar.testkit.internal.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.wire.Json;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Granting a single-currency mandate without the consent flow. */
public final class MandateGrants {

    private MandateGrants() {}

    /**
     * Grants a mandate (the world's lock is taken).
     *
     * @param world the state
     * @param consumerId the consumer
     * @param agentId the agent
     * @param currency the currency
     * @param capMinor the total cap
     * @param perTxCapMinor the per-transaction cap
     * @param payees the allowlisted payees
     * @return the mandate's id
     */
    public static String grant(World world, String consumerId, String agentId, String currency, long capMinor,
            long perTxCapMinor, List<String> payees) {
        if (capMinor <= 0 || perTxCapMinor <= 0 || perTxCapMinor > capMinor) {
            throw new IllegalArgumentException("caps must be positive, the per-transaction cap at most the total");
        }
        if (payees.isEmpty()) {
            throw new IllegalArgumentException("a mandate needs at least one payee");
        }
        ObjectNode intent = Json.object().put("purpose", "granted by the test").put("currency", currency)
                .put("cap_minor", capMinor).put("per_tx_cap_minor", perTxCapMinor)
                .put("mandate_ttl_seconds", Duration.ofDays(30).toSeconds()).put("merchant_pin_kind", "exact");
        intent.set("merchant_allowlist", Json.strings(payees));
        synchronized (world) {
            Consumers.PendingConsent p = world.consumers.init(agentId, intent);
            return world.consumers.submit(p, consumerId, railOf(currency)).id;
        }
    }

    /**
     * The default rail of a currency.
     *
     * @param currency the currency
     * @return {@code usdc} for dollar stablecoins, else {@code pix}
     */
    public static String railOf(String currency) {
        return currency.toUpperCase(Locale.ROOT).startsWith("USD") ? "usdc" : "pix";
    }
}
