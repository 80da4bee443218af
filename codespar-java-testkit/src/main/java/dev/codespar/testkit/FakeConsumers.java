package dev.codespar.testkit;

import dev.codespar.testkit.internal.state.MandateGrants;
import dev.codespar.testkit.internal.state.Consumers;
import dev.codespar.testkit.internal.state.Mandate;
import dev.codespar.testkit.internal.state.World;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The fake's consumers: consents a test approves, mandates with caps that spends cannot exceed, per-currency
 * wallets. The HTTP side is {@code /v1/consents/*}, {@code /v1/consumers/*}; this is the test's side.
 *
 * <pre>{@code
 * String token = ...;                                    // your code called POST /v1/consents/init
 * String mandateId = fake.consumers().approveConsent(token, "cons_ana");   // what the consent page does
 * // your code spends: POST /v1/consumers/mandates/{id}/spend -> 200, until a cap is hit -> 403 budget_exceeded
 * assertThat(fake.consumers().mandate(mandateId).orElseThrow().slots().get(0).spentMinor()).isEqualTo(1500);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class FakeConsumers {

    /**
     * A mandate as the fake holds it.
     *
     * @param id {@code mnd_...}
     * @param consumerId the consumer who signed it
     * @param agentId the agent it authorises
     * @param purpose what it may be spent on
     * @param payees the allowlisted payees
     * @param expiresAt when it stops working
     * @param slots its currency slots, primary first
     */
    public record MandateInfo(String id, String consumerId, String agentId, String purpose, List<String> payees,
            Instant expiresAt, List<Slot> slots) {}

    /**
     * One currency slot of a mandate.
     *
     * @param currency e.g. {@code BRL}
     * @param rail e.g. {@code pix}
     * @param capMinor its total cap
     * @param perTxCapMinor its per-transaction cap
     * @param spentMinor what was spent
     * @param availableMinor what is left
     */
    public record Slot(String currency, String rail, long capMinor, long perTxCapMinor, long spentMinor,
            long availableMinor) {}

    private final World world;

    FakeConsumers(World world) {
        this.world = world;
    }

    /**
     * Approves a consent token for a consumer, as the consent page does when the consumer signs: funding sources,
     * consents and the mandate are created (the same as {@code POST /v1/consents/{token}/submit}).
     *
     * @param token the token {@code POST /v1/consents/init} returned
     * @param consumerId who signs
     * @return the new mandate's id
     * @throws IllegalArgumentException when the token is unknown, expired or used
     */
    public String approveConsent(String token, String consumerId) {
        Objects.requireNonNull(consumerId, "consumerId");
        synchronized (world) {
            Consumers.PendingConsent p = world.consumers.pending(Objects.requireNonNull(token, "token"));
            if (p == null) {
                throw new IllegalArgumentException("no pending consent " + token + " (unknown, expired or used)");
            }
            String rail = p.intent().path("slots").isArray() ? p.intent().path("slots").path(0).path("rail").asText()
                    : MandateGrants.railOf(p.intent().path("currency").asText());
            return world.consumers.submit(p, consumerId, rail).id;
        }
    }

    /**
     * Grants a single-currency mandate at once, without the consent flow.
     *
     * @param consumerId the consumer
     * @param agentId the agent it authorises
     * @param currency e.g. {@code BRL} (rail {@code pix}) or {@code USDC} (rail {@code usdc})
     * @param capMinor the total cap, minor units
     * @param perTxCapMinor the per-transaction cap, minor units
     * @param payees the allowlisted payees (Pix keys, EVM addresses, x402 URLs), at least one
     * @return the mandate's id
     */
    public String grantMandate(String consumerId, String agentId, String currency, long capMinor, long perTxCapMinor,
            String... payees) {
        return MandateGrants.grant(world, consumerId, agentId, currency, capMinor, perTxCapMinor, List.of(payees));
    }

    /**
     * Changes a slot's caps (spends so far stay).
     *
     * @param mandateId the mandate
     * @param currency the slot's currency
     * @param capMinor the new total cap
     * @param perTxCapMinor the new per-transaction cap
     */
    public void setCaps(String mandateId, String currency, long capMinor, long perTxCapMinor) {
        synchronized (world) {
            Mandate.Slot slot = known(mandateId).slot(currency);
            if (slot == null) {
                throw new IllegalArgumentException("mandate " + mandateId + " has no " + currency + " slot");
            }
            slot.capMinor = capMinor;
            slot.perTxCapMinor = perTxCapMinor;
        }
    }

    /**
     * A mandate.
     *
     * @param mandateId its id
     * @return what the fake holds, or empty
     */
    public Optional<MandateInfo> mandate(String mandateId) {
        synchronized (world) {
            Mandate m = world.consumers.mandate(mandateId);
            if (m == null) {
                return Optional.empty();
            }
            List<Slot> slots = new ArrayList<>();
            for (Mandate.Slot s : m.slots) {
                slots.add(new Slot(s.currency, s.rail, s.capMinor, s.perTxCapMinor, s.spentMinor, s.availableMinor()));
            }
            return Optional.of(new MandateInfo(m.id, m.consumerId, m.agentId, m.purpose, m.allowlist, m.expiresAt,
                    List.copyOf(slots)));
        }
    }

    /**
     * A consumer's wallet balance in one currency, over its unexpired mandates.
     *
     * @param consumerId the consumer
     * @param currency the currency
     * @return what is left to spend, minor units (0 without a slot)
     */
    public long available(String consumerId, String currency) {
        synchronized (world) {
            long sum = 0;
            for (Mandate m : world.consumers.mandatesOf(consumerId)) {
                Mandate.Slot s = m.slot(currency);
                sum += s == null ? 0 : s.availableMinor();
            }
            return sum;
        }
    }

    /**
     * The rate of a wallet transfer between two currencies (defaults: 1 BRL = 0.18 USDC, 1 USDC = 5.5 BRL).
     *
     * @param from the source currency
     * @param to the target currency
     * @param perUnit how many major units of {@code to} one major unit of {@code from} buys
     */
    public void exchangeRate(String from, String to, BigDecimal perUnit) {
        synchronized (world) {
            world.consumers.rate(from, to, perUnit);
        }
    }

    private Mandate known(String mandateId) {
        Mandate m = world.consumers.mandate(mandateId);
        if (m == null) {
            throw new IllegalArgumentException("no mandate " + mandateId);
        }
        return m;
    }
}
