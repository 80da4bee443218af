package dev.codespar.consumers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What {@link ConsumerService#initConsent(ConsentInitParams)} asks a consumer for: the agent and its intent.
 * Sent as {@code {"agent_id", "intent": {"purpose", "cap_minor", "per_tx_cap_minor", "currency",
 * "mandate_ttl_seconds", "merchant_allowlist", "merchant_pin_kind"[, "slots"]}}}.
 *
 * <pre>{@code
 * ConsentInitParams one = ConsentInitParams.builder()
 *         .agentId("agent_shopper").purpose("groceries")
 *         .currency("BRL").capMinor(50_000).perTxCapMinor(10_000)
 *         .merchantAllowlist("pix:mercado@example.com")
 *         .mandateTtl(Duration.ofDays(7))
 *         .build();
 * ConsentInitParams two = ConsentInitParams.builder()                 // one signature, two currencies
 *         .agentId("agent_travel").purpose("travel")
 *         .slot(ConsentSlot.of("BRL", "pix", 100_000, 50_000))
 *         .slot(ConsentSlot.of("USDC", "usdc-onchain", 50_000_000, 10_000_000))
 *         .merchantAllowlist("pix:hotel@example.com", "0x52908400098527886E0F7030069857D2E4169EE7")
 *         .build();
 * }</pre>
 *
 * <p>With slots and no top-level currency or caps, the intent's {@code currency}, {@code cap_minor} and
 * {@code per_tx_cap_minor} are those of the first slot, as the official CLI sends them. Defaults, also the CLI's:
 * {@value #DEFAULT_MANDATE_TTL_SECONDS} s (a day) of mandate lifetime, pin kind {@value #DEFAULT_MERCHANT_PIN_KIND}.
 * Checked before the network (each error names the field): agent id, purpose, pin kind and every payee not blank, at
 * least one payee, the currency an upper-case ISO 4217 code (or {@code USDC}, {@code USDT}), caps above zero, each
 * per-transaction cap at most its total cap (the intent's and every slot's), the lifetime above zero.
 */
public final class ConsentInitParams {

    /** The mandate lifetime when none is set: one day. */
    public static final long DEFAULT_MANDATE_TTL_SECONDS = 86_400;

    /** The merchant pin kind when none is set. */
    public static final String DEFAULT_MERCHANT_PIN_KIND = "merchant-id";

    private final String agentId;
    private final String purpose;
    private final Long capMinor;
    private final Long perTxCapMinor;
    private final String currency;
    private final long mandateTtlSeconds;
    private final List<String> merchantAllowlist;
    private final String merchantPinKind;
    private final List<ConsentSlot> slots;

    private ConsentInitParams(Builder b) {
        this.agentId = b.agentId;
        this.purpose = b.purpose;
        this.capMinor = b.capMinor;
        this.perTxCapMinor = b.perTxCapMinor;
        this.currency = b.currency;
        this.mandateTtlSeconds = b.mandateTtlSeconds;
        // copies that keep a null entry, so that the check names it rather than a NullPointerException here
        this.merchantAllowlist = Collections.unmodifiableList(new ArrayList<>(b.merchantAllowlist));
        this.merchantPinKind = b.merchantPinKind;
        this.slots = Collections.unmodifiableList(new ArrayList<>(b.slots));
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the agent asking for the mandate */
    public String agentId() {
        return agentId;
    }

    /** @return what the mandate may be spent on */
    public String purpose() {
        return purpose;
    }

    /** @return the total cap in minor units as set, or {@code null} (then the first slot's) */
    public Long capMinor() {
        return capMinor;
    }

    /** @return the per-transaction cap in minor units as set, or {@code null} (then the first slot's) */
    public Long perTxCapMinor() {
        return perTxCapMinor;
    }

    /** @return the currency as set, or {@code null} (then the first slot's) */
    public String currency() {
        return currency;
    }

    /** @return how long the mandate lives once signed, in seconds */
    public long mandateTtlSeconds() {
        return mandateTtlSeconds;
    }

    /** @return the payees the mandate may pay (Pix keys, addresses, merchant ids) */
    public List<String> merchantAllowlist() {
        return merchantAllowlist;
    }

    /** @return how payees are pinned, e.g. {@code merchant-id} */
    public String merchantPinKind() {
        return merchantPinKind;
    }

    /** @return the currency slots, possibly none */
    public List<ConsentSlot> slots() {
        return slots;
    }

    @Override
    public String toString() {
        return "ConsentInitParams{agentId=" + agentId + ", purpose=" + purpose + ", currency=" + currency
                + ", capMinor=" + capMinor + ", perTxCapMinor=" + perTxCapMinor + ", mandateTtlSeconds="
                + mandateTtlSeconds + ", merchantAllowlist=" + merchantAllowlist + ", merchantPinKind="
                + merchantPinKind + ", slots=" + slots + "}";
    }

    /** Builds {@link ConsentInitParams}; the values are checked when the consent is initiated. */
    public static final class Builder {
        private String agentId;
        private String purpose;
        private Long capMinor;
        private Long perTxCapMinor;
        private String currency;
        private long mandateTtlSeconds = DEFAULT_MANDATE_TTL_SECONDS;
        private final List<String> merchantAllowlist = new ArrayList<>();
        private String merchantPinKind = DEFAULT_MERCHANT_PIN_KIND;
        private final List<ConsentSlot> slots = new ArrayList<>();

        private Builder() {}

        /**
         * The agent that will spend (required).
         *
         * @param value the agent id
         * @return this builder
         */
        public Builder agentId(String value) {
            this.agentId = value;
            return this;
        }

        /**
         * What the mandate may be spent on, shown to the consumer (required).
         *
         * @param value e.g. {@code groceries}
         * @return this builder
         */
        public Builder purpose(String value) {
            this.purpose = value;
            return this;
        }

        /**
         * The total the mandate may spend, minor units (required without slots).
         *
         * @param value above zero
         * @return this builder
         */
        public Builder capMinor(long value) {
            this.capMinor = value;
            return this;
        }

        /**
         * The most one spend may take, minor units, at most {@link #capMinor(long)} (required without slots).
         *
         * @param value above zero
         * @return this builder
         */
        public Builder perTxCapMinor(long value) {
            this.perTxCapMinor = value;
            return this;
        }

        /**
         * The currency of the caps (required without slots).
         *
         * @param value an upper-case ISO 4217 code such as {@code BRL}, or {@code USDC}/{@code USDT}
         * @return this builder
         */
        public Builder currency(String value) {
            this.currency = value;
            return this;
        }

        /**
         * How long the mandate lives once signed (default a day).
         *
         * @param value above zero, whole seconds
         * @return this builder
         */
        public Builder mandateTtl(Duration value) {
            this.mandateTtlSeconds = value == null ? 0 : value.getSeconds();
            return this;
        }

        /**
         * {@link #mandateTtl(Duration)} in seconds.
         *
         * @param seconds above zero
         * @return this builder
         */
        public Builder mandateTtlSeconds(long seconds) {
            this.mandateTtlSeconds = seconds;
            return this;
        }

        /**
         * Adds payees the mandate may pay (at least one in all).
         *
         * @param payees Pix keys, EVM addresses, merchant ids
         * @return this builder
         */
        public Builder merchantAllowlist(String... payees) {
            this.merchantAllowlist.addAll(Arrays.asList(payees));
            return this;
        }

        /**
         * Adds payees the mandate may pay.
         *
         * @param payees the payees
         * @return this builder
         */
        public Builder merchantAllowlist(List<String> payees) {
            this.merchantAllowlist.addAll(payees);
            return this;
        }

        /**
         * How payees are pinned (default {@value ConsentInitParams#DEFAULT_MERCHANT_PIN_KIND}).
         *
         * @param value the pin kind
         * @return this builder
         */
        public Builder merchantPinKind(String value) {
            this.merchantPinKind = value;
            return this;
        }

        /**
         * Adds a currency slot.
         *
         * @param slot the slot
         * @return this builder
         */
        public Builder slot(ConsentSlot slot) {
            this.slots.add(slot);
            return this;
        }

        /**
         * Builds the parameters.
         *
         * @return the parameters
         */
        public ConsentInitParams build() {
            return new ConsentInitParams(this);
        }
    }
}
