package dev.codespar.testkit.internal.state;

import java.time.Instant;
import java.util.List;

/** A consumer's signed spending authority: one or more per-currency slots, each with its caps; world-locked. */
public final class Mandate {

    /** One currency slot of a mandate. */
    public static final class Slot {
        /** ISO currency (or {@code USDC}). */
        public final String currency;
        /** The rail, e.g. {@code pix}. */
        public final String rail;
        /** The funding source behind it. */
        public final String fundingSourceId;
        /** Its total cap, minor units. */
        public long capMinor;
        /** Its per-transaction cap, minor units. */
        public long perTxCapMinor;
        /** What was spent, minor units. */
        public long spentMinor;

        Slot(String currency, String rail, String fundingSourceId, long capMinor, long perTxCapMinor) {
            this.currency = currency;
            this.rail = rail;
            this.fundingSourceId = fundingSourceId;
            this.capMinor = capMinor;
            this.perTxCapMinor = perTxCapMinor;
        }

        /** @return what can still be spent */
        public long availableMinor() {
            return Math.max(0, capMinor - spentMinor);
        }
    }

    /** Its id, {@code mnd_...}. */
    public final String id;
    /** The consumer who signed it. */
    public final String consumerId;
    /** The agent it authorises. */
    public final String agentId;
    /** What it may be spent on. */
    public final String purpose;
    /** The payees it may pay. */
    public final List<String> allowlist;
    /** The consent it came from. */
    public final String consentId;
    /** When it was signed. */
    public final Instant signedAt;
    /** When it stops working. */
    public final Instant expiresAt;
    /** Its slots, primary first. */
    public final List<Slot> slots;

    Mandate(String id, String consumerId, String agentId, String purpose, List<String> allowlist, String consentId,
            Instant signedAt, Instant expiresAt, List<Slot> slots) {
        this.id = id;
        this.consumerId = consumerId;
        this.agentId = agentId;
        this.purpose = purpose;
        this.allowlist = List.copyOf(allowlist);
        this.consentId = consentId;
        this.signedAt = signedAt;
        this.expiresAt = expiresAt;
        this.slots = List.copyOf(slots);
    }

    /**
     * Its slot, or {@code null}.
     *
     * @param currency a currency
     * @return its slot, or {@code null}
     */
    public Slot slot(String currency) {
        for (Slot s : slots) {
            if (s.currency.equalsIgnoreCase(currency)) {
                return s;
            }
        }
        return null;
    }
}
