package dev.codespar.testkit.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.wire.Ids;
import dev.codespar.testkit.internal.wire.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Consent tokens, funding sources, signed consents, mandates and wallet transactions; world-locked. */
public final class Consumers {

    /** How long a consent token can be submitted. */
    public static final Duration CONSENT_TOKEN_LIFETIME = Duration.ofMinutes(30);

    /**
     * A consent token waiting for the consumer.
     *
     * @param token the token
     * @param agentId the agent asking
     * @param intent what it asks for
     * @param expiresAt when it stops working
     */
    public record PendingConsent(String token, String agentId, JsonNode intent, Instant expiresAt) {}

    /**
     * A wallet movement: a spend, a transfer leg or a top-up.
     *
     * @param id its id
     * @param consumerId the consumer
     * @param mandateId the mandate, or {@code null}
     * @param type {@code spend}, {@code transfer_out}, {@code transfer_in} or {@code topup}
     * @param amountMinor the amount
     * @param currency the currency
     * @param rail the rail
     * @param payee the payee, or {@code null}
     * @param receiptId the receipt, or {@code null}
     * @param createdAt when
     */
    public record Movement(String id, String consumerId, String mandateId, String type, long amountMinor,
            String currency, String rail, String payee, String receiptId, Instant createdAt) {}

    /**
     * Why a spend is refused: the policy-denial envelope {@code {reason, ruleType, ruleId, message}}.
     *
     * @param reason e.g. {@code budget_exceeded}
     * @param ruleType which rule, e.g. {@code per_tx_cap}
     * @param ruleId the rule's id
     * @param message a sentence
     */
    public record Denial(String reason, String ruleType, String ruleId, String message) {

        /** @return the 403 body */
        public ObjectNode body() {
            ObjectNode b = Json.object();
            b.put("reason", reason);
            b.put("ruleType", ruleType);
            b.put("ruleId", ruleId);
            b.put("message", message);
            return b;
        }
    }

    private final World world;
    private final Map<String, PendingConsent> pending = new HashMap<>();
    private final Map<String, ObjectNode> fundingSources = new LinkedHashMap<>();
    private final Map<String, ObjectNode> consents = new LinkedHashMap<>();
    private final Map<String, Mandate> mandates = new LinkedHashMap<>();
    private final List<Movement> movements = new ArrayList<>();
    private final Map<String, BigDecimal> rates = new HashMap<>();

    Consumers(World world) {
        this.world = world;
        reset();
    }

    void reset() {
        pending.clear();
        fundingSources.clear();
        consents.clear();
        mandates.clear();
        movements.clear();
        rates.clear();
        rates.put("BRL>USDC", new BigDecimal("0.18"));
        rates.put("USDC>BRL", new BigDecimal("5.5"));
    }

    /**
     * Mints a consent token.
     *
     * @param agentId the agent
     * @param intent the checked intent
     * @return the pending consent
     */
    public PendingConsent init(String agentId, JsonNode intent) {
        PendingConsent p = new PendingConsent(Ids.of("cst_", 24), agentId, intent.deepCopy(),
                world.now().plus(CONSENT_TOKEN_LIFETIME));
        pending.put(p.token(), p);
        return p;
    }

    /**
     * It while it can be submitted, else {@code null}.
     *
     * @param token a consent token
     * @return it while it can be submitted, else {@code null}
     */
    public PendingConsent pending(String token) {
        PendingConsent p = pending.get(token);
        return p == null || world.now().isAfter(p.expiresAt()) ? null : p;
    }

    /**
     * Signs a pending consent for a consumer: one funding source and consent per slot, and the mandate.
     *
     * @param p the pending consent (consumed)
     * @param consumerId the consumer
     * @param rail the rail of a single-currency intent
     * @return the mandate
     */
    public Mandate submit(PendingConsent p, String consumerId, String rail) {
        pending.remove(p.token());
        JsonNode intent = p.intent();
        Instant now = world.now();
        Instant expires = now.plusSeconds(intent.path("mandate_ttl_seconds").asLong());
        List<JsonNode> specs = new ArrayList<>();
        if (intent.path("slots").isArray() && intent.path("slots").size() > 0) {
            intent.path("slots").forEach(specs::add);
        } else {
            specs.add(Json.object().put("currency", intent.path("currency").asText()).put("rail", rail)
                    .put("cap_minor", intent.path("cap_minor").asLong())
                    .put("per_tx_cap_minor", intent.path("per_tx_cap_minor").asLong()));
        }
        String mandateId = Ids.of("mnd_", 16);
        String purpose = intent.path("purpose").asText();
        String consentId = null;
        List<Mandate.Slot> slots = new ArrayList<>();
        for (JsonNode spec : specs) {
            String currency = spec.path("currency").asText().toUpperCase(Locale.ROOT);
            String slotRail = spec.path("rail").asText();
            String fs = fundingSource(consumerId, slotRail, currency, now);
            ObjectNode consent = consentRow(consumerId, fs, p.agentId(), spec, currency, purpose, now, expires,
                    mandateId);
            consents.put(consent.get("id").asText(), consent);
            consentId = consentId == null ? consent.get("id").asText() : consentId;
            slots.add(new Mandate.Slot(currency, slotRail, fs, spec.path("cap_minor").asLong(),
                    spec.path("per_tx_cap_minor").asLong()));
        }
        List<String> allowlist = new ArrayList<>();
        intent.path("merchant_allowlist").forEach(v -> allowlist.add(v.asText()));
        Mandate m = new Mandate(mandateId, consumerId, p.agentId(), purpose, allowlist, consentId, now, expires,
                slots);
        mandates.put(m.id, m);
        return m;
    }

    private String fundingSource(String consumerId, String rail, String currency, Instant now) {
        for (ObjectNode fs : fundingSources.values()) {
            if (fs.get("consumer_id").asText().equals(consumerId) && fs.get("rail").asText().equals(rail)
                    && fs.get("currency").asText().equals(currency)) {
                return fs.get("id").asText();
            }
        }
        ObjectNode fs = Json.object();
        fs.put("id", Ids.of("fs_", 16));
        fs.put("consumer_id", consumerId);
        fs.put("rail", rail);
        fs.put("currency", currency);
        fs.put("provider", providerOf(rail));
        fs.put("display_label", currency + " via " + rail);
        fs.put("status", "active");
        fs.put("created_at", Json.iso(now));
        fs.putNull("expires_at");
        fs.putNull("revoked_at");
        fs.putObject("metadata");
        fundingSources.put(fs.get("id").asText(), fs);
        return fs.get("id").asText();
    }

    private static String providerOf(String rail) {
        String r = rail.toLowerCase(Locale.ROOT);
        if (r.contains("usdc") || r.contains("x402")) {
            return "cdp";
        }
        return r.contains("pix") ? "celcoin" : r;
    }

    private ObjectNode consentRow(String consumerId, String fundingSourceId, String agentId, JsonNode spec,
            String currency, String purpose, Instant now, Instant expires, String mandateId) {
        ObjectNode c = Json.object();
        c.put("id", Ids.of("cns_", 16));
        c.put("consumer_id", consumerId);
        c.put("funding_source_id", fundingSourceId);
        c.put("agent_id", agentId);
        c.put("kind", "mandate");
        c.put("hmac_secret_version", 1);
        c.put("cap_minor", String.valueOf(spec.path("cap_minor").asLong()));
        c.put("per_tx_cap_minor", String.valueOf(spec.path("per_tx_cap_minor").asLong()));
        c.put("currency", currency);
        c.put("purpose", purpose);
        c.putNull("ip_address");
        c.put("signed_at", Json.iso(now));
        c.put("expires_at", Json.iso(expires));
        c.putObject("metadata").put("mandate_id", mandateId);
        return c;
    }

    /**
     * The mandate, or {@code null}.
     *
     * @param id a mandate id
     * @return the mandate, or {@code null}
     */
    public Mandate mandate(String id) {
        return mandates.get(id);
    }

    /** @return every mandate, oldest first */
    public List<Mandate> mandates() {
        return new ArrayList<>(mandates.values());
    }

    /**
     * That consumer's unexpired mandates, oldest first.
     *
     * @param consumerId a consumer
     * @return that consumer's unexpired mandates, oldest first
     */
    public List<Mandate> mandatesOf(String consumerId) {
        List<Mandate> out = new ArrayList<>();
        for (Mandate m : mandates.values()) {
            if (m.consumerId.equals(consumerId) && !world.now().isAfter(m.expiresAt)) {
                out.add(m);
            }
        }
        return out;
    }

    /** @return every funding source row, oldest first */
    public List<ObjectNode> fundingSources() {
        return new ArrayList<>(fundingSources.values());
    }

    /** @return every consent row, oldest first */
    public List<ObjectNode> consents() {
        return new ArrayList<>(consents.values());
    }

    /**
     * Records a movement.
     *
     * @param m the movement
     */
    public void record(Movement m) {
        movements.add(m);
    }

    /** @return every movement, oldest first */
    public List<Movement> movements() {
        return new ArrayList<>(movements);
    }

    /**
     * Its movements, oldest first.
     *
     * @param consumerId a consumer
     * @return its movements, oldest first
     */
    public List<Movement> movementsOf(String consumerId) {
        List<Movement> out = new ArrayList<>();
        for (Movement m : movements) {
            if (m.consumerId().equals(consumerId)) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * Sets the rate of a cross-currency transfer.
     *
     * @param from the source currency
     * @param to the target currency
     * @param perUnit how many major units of {@code to} one major unit of {@code from} buys
     */
    public void rate(String from, String to, BigDecimal perUnit) {
        rates.put(from.toUpperCase(Locale.ROOT) + ">" + to.toUpperCase(Locale.ROOT), perUnit);
    }

    /**
     * Converts minor units at the fake's rate.
     *
     * @param amountMinor the amount in {@code from} minor units
     * @param from the source currency
     * @param to the target currency
     * @return the amount in {@code to} minor units, or -1 when no rate is known
     */
    public long convert(long amountMinor, String from, String to) {
        BigDecimal rate = rates.get(from.toUpperCase(Locale.ROOT) + ">" + to.toUpperCase(Locale.ROOT));
        if (rate == null) {
            return -1;
        }
        BigDecimal major = BigDecimal.valueOf(amountMinor).movePointLeft(exponent(from));
        return major.multiply(rate).movePointRight(exponent(to)).setScale(0, RoundingMode.DOWN).longValueExact();
    }

    /**
     * Its minor-unit exponent (USDC 6, BTC 8, JPY 0, else 2).
     *
     * @param currency a currency
     * @return its minor-unit exponent (USDC 6, BTC 8, JPY 0, else 2)
     */
    public static int exponent(String currency) {
        switch (currency.toUpperCase(Locale.ROOT)) {
            case "USDC":
            case "USDT":
                return 6;
            case "BTC":
                return 8;
            case "JPY":
            case "CLP":
                return 0;
            default:
                return 2;
        }
    }

    /**
     * The slot a payee is paid from: an EVM address or an {@code http(s)} resource is USDC, anything else (a Pix
     * key, a BR Code) BRL; a single-slot mandate pays from its one slot.
     *
     * @param m the mandate
     * @param payee the payee
     * @return the slot, or {@code null}
     */
    public static Mandate.Slot slotFor(Mandate m, String payee) {
        String currency = payee.matches("^0x[0-9a-fA-F]{40}$") || payee.matches("^https?://.*") ? "USDC" : "BRL";
        Mandate.Slot slot = m.slot(currency);
        return slot == null && m.slots.size() == 1 ? m.slots.get(0) : slot;
    }

    /**
     * Checks a spend against a mandate's rules, in order: agent, expiry, payee allowlist, currency slot,
     * per-transaction cap, total cap.
     *
     * @param m the mandate
     * @param amountMinor the amount
     * @param payee the payee
     * @param agentId the agent spending, or {@code null} for the mandate's own
     * @return the denial, or {@code null} when the spend is allowed
     */
    public Denial check(Mandate m, long amountMinor, String payee, String agentId) {
        if (agentId != null && !agentId.equals(m.agentId)) {
            return new Denial("agent_mismatch", "agent", m.id + ":agent", "agent " + agentId
                    + " is not the agent this mandate authorises");
        }
        if (world.now().isAfter(m.expiresAt)) {
            return new Denial("mandate_expired", "expiry", m.id + ":expiry", "the mandate expired at "
                    + Json.iso(m.expiresAt));
        }
        if (!m.allowlist.isEmpty() && !m.allowlist.contains(payee)) {
            return new Denial("merchant_not_allowlisted", "merchant_allowlist", m.id + ":merchant_allowlist",
                    "the payee is not in the mandate's allowlist");
        }
        Mandate.Slot slot = slotFor(m, payee);
        if (slot == null) {
            return new Denial("currency_not_authorized", "currency_slot", m.id + ":currency_slot",
                    "the mandate has no slot for this payee's currency");
        }
        if (amountMinor > slot.perTxCapMinor) {
            return new Denial("budget_exceeded", "per_tx_cap", m.id + ":" + slot.currency + ":per_tx_cap",
                    amountMinor + " exceeds the per-transaction cap of " + slot.perTxCapMinor + " " + slot.currency);
        }
        if (slot.spentMinor + amountMinor > slot.capMinor) {
            return new Denial("budget_exceeded", "total_cap", m.id + ":" + slot.currency + ":total_cap",
                    amountMinor + " exceeds the " + slot.availableMinor() + " " + slot.currency
                            + " left of the mandate's cap");
        }
        return null;
    }

    /**
     * Spends from a mandate (after {@link #check}).
     *
     * @param m the mandate
     * @param amountMinor the amount
     * @param payee the payee
     * @return the movement recorded
     */
    public Movement spend(Mandate m, long amountMinor, String payee) {
        Mandate.Slot slot = slotFor(m, payee);
        slot.spentMinor += amountMinor;
        Movement mv = new Movement(Ids.of("txn_", 16), m.consumerId, m.id, "spend", amountMinor, slot.currency,
                slot.rail, payee, Ids.of("rcpt_", 16), world.now());
        movements.add(mv);
        return mv;
    }
}
