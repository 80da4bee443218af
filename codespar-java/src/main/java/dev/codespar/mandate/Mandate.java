package dev.codespar.mandate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A decoded mandate: the signed fields of a presentation token, plus its signature envelope.
 *
 * <p>Every text field is the token's text exactly, unnormalised, because the signatures cover that text (see
 * {@link Mandates#signingString(Mandate)}). Decoding checks types, not meaning: nothing here says the mandate is
 * genuine until {@link Mandates#verify(String, MandateKeys)} says so.
 *
 * <pre>{@code
 * Mandate mandate = Mandates.decode(token);
 * mandate.amount();            // "5000" -- a decimal string, never a double
 * mandate.purposes();          // [refund, utility]
 * mandate.expiresAtInstant();  // 2025-01-01T00:00:00Z
 * }</pre>
 *
 * <p>{@link #toString()} leaves out {@code principal_kyc_ref} (a reference to a person's tax id) and the
 * signatures (with the fields, they would rebuild the token, which is a bearer credential).
 *
 * @param formatVersion {@code format_version}: 2, or 3 for V3 (which adds {@code principal_kyc_ref} and
 *     {@code agent_kid} to the signed fields); at least 2
 * @param id {@code id}, the mandate id
 * @param agentId {@code agent_id}, the agent the mandate authorises
 * @param type {@code type}, exactly as in the token; see {@link #mandateType()}
 * @param amount {@code amount}, a decimal string without trailing zeros, e.g. {@code "5000"} or {@code "99.5"}
 * @param currency {@code currency}, e.g. {@code "BRL"}
 * @param purposes {@code purposes}, in token order (the signing string sorts them); unmodifiable
 * @param expiresAt {@code expires_at}, UNIX seconds; see {@link #isExpired(Clock)}
 * @param maxAmount {@code max_amount}, or {@code null}
 * @param parentId {@code parent_id}, or {@code null}
 * @param denomination {@code denomination}, or {@code null}
 * @param secretVersion {@code secret_version}, the version of the organisation secret behind {@code signature}
 * @param principalKycRef {@code principal_kyc_ref}, the KYC reference of the principal the agent acts for; always
 *     present on V3, else {@code null} when absent
 * @param agentKid {@code agent_kid}, the id of the agent key ({@code <agent_did>#<n>}); always present on V3, else
 *     {@code null} when absent
 * @param signature envelope {@code signature}: the organisation's HMAC-SHA256 (hex). Always present in a decoded
 *     token; not verifiable without the organisation secret; {@code null} only on a mandate built by hand
 * @param agentSig envelope {@code agent_sig}: the agent's Ed25519 signature (base64url), or {@code null}
 * @param issuerSig envelope {@code issuer_sig}: the platform issuer's Ed25519 signature (base64url), or {@code null}
 * @param kid envelope {@code kid}: the agent key id the agent signed with, or {@code null}. Unlike
 *     {@code agent_kid} it is not covered by the signatures
 */
public record Mandate(
        int formatVersion,
        String id,
        String agentId,
        String type,
        String amount,
        String currency,
        List<String> purposes,
        long expiresAt,
        String maxAmount,
        String parentId,
        String denomination,
        long secretVersion,
        String principalKycRef,
        String agentKid,
        String signature,
        String agentSig,
        String issuerSig,
        String kid) {

    /**
     * Checks and freezes the fields.
     *
     * @param formatVersion {@code format_version}
     * @param id {@code id}
     * @param agentId {@code agent_id}
     * @param type {@code type}
     * @param amount {@code amount}
     * @param currency {@code currency}
     * @param purposes {@code purposes}
     * @param expiresAt {@code expires_at}
     * @param maxAmount {@code max_amount}, or {@code null}
     * @param parentId {@code parent_id}, or {@code null}
     * @param denomination {@code denomination}, or {@code null}
     * @param secretVersion {@code secret_version}
     * @param principalKycRef {@code principal_kyc_ref}, or {@code null}
     * @param agentKid {@code agent_kid}, or {@code null}
     * @param signature envelope {@code signature}, or {@code null}
     * @param agentSig envelope {@code agent_sig}, or {@code null}
     * @param issuerSig envelope {@code issuer_sig}, or {@code null}
     * @param kid envelope {@code kid}, or {@code null}
     * @throws NullPointerException when {@code id}, {@code agentId}, {@code type}, {@code amount},
     *     {@code currency}, {@code purposes} or one of the purposes is {@code null}
     * @throws IllegalArgumentException when {@code formatVersion} is below 2
     */
    public Mandate {
        if (formatVersion < 2) {
            throw new IllegalArgumentException("formatVersion must be at least 2, got " + formatVersion);
        }
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        purposes = List.copyOf(Objects.requireNonNull(purposes, "purposes"));
    }

    /**
     * {@link #type()} as an enum.
     *
     * @return the type; {@link MandateType#UNKNOWN} only for a hand-built mandate with other text
     */
    public MandateType mandateType() {
        return MandateType.fromWire(type);
    }

    /**
     * {@link #expiresAt()} as an instant.
     *
     * @return the expiry; {@link Instant#MIN}/{@link Instant#MAX} when the seconds lie beyond what
     *     {@link Instant} holds
     */
    public Instant expiresAtInstant() {
        if (expiresAt > Instant.MAX.getEpochSecond()) {
            return Instant.MAX;
        }
        if (expiresAt < Instant.MIN.getEpochSecond()) {
            return Instant.MIN;
        }
        return Instant.ofEpochSecond(expiresAt);
    }

    /**
     * Whether the mandate has expired at the clock's instant: once the clock reads later than {@code expires_at},
     * to the millisecond ({@code now_ms > expires_at * 1000}); at exactly {@code expires_at} it has not expired yet.
     * This is the rule of the official CLI's {@code mandate verify}; the official SDKs do not check expiry at all.
     *
     * <pre>{@code
     * if (mandate.isExpired(Clock.systemUTC())) { ... }
     * }</pre>
     *
     * @param clock the clock to read; use a fixed clock in tests
     * @return {@code true} once the clock reads later than {@code expires_at}
     */
    public boolean isExpired(Clock clock) {
        long nowMillis = Objects.requireNonNull(clock, "clock").millis();
        long nowSeconds = Math.floorDiv(nowMillis, 1000L);
        return nowSeconds > expiresAt || (nowSeconds == expiresAt && Math.floorMod(nowMillis, 1000L) > 0);
    }

    /**
     * The agent key id that the agent signature claims: the envelope {@code kid} when it is a non-empty string,
     * else {@code agent_kid} when non-empty.
     *
     * @return the key id, e.g. {@code did:web:id.codespar.dev:org_demo:a1#1}, or empty
     */
    public Optional<String> keyId() {
        if (kid != null && !kid.isEmpty()) {
            return Optional.of(kid);
        }
        return agentKid == null || agentKid.isEmpty() ? Optional.empty() : Optional.of(agentKid);
    }

    /**
     * A builder with every field of this mandate, to change some of them.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * A builder for a mandate, e.g. to compute the signing string of fields you are about to sign:
     *
     * <pre>{@code
     * Mandate fields = Mandate.builder()
     *         .formatVersion(3).id("mnd_1").agentId("a1").type("payment").amount("99.5").currency("BRL")
     *         .purposes(List.of("utility")).expiresAt(1735689600L).secretVersion(1)
     *         .principalKycRef("kyc_1").agentKid("did:web:id.codespar.dev:org_demo:a1#1")
     *         .build();
     * byte[] toSign = Mandates.signingString(fields).getBytes(StandardCharsets.UTF_8);
     * }</pre>
     *
     * @return a builder with {@code formatVersion} 3, no purposes, and every other field unset
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Mandate fields and envelope without {@code principal_kyc_ref} or the signatures. */
    @Override
    public String toString() {
        return "Mandate[formatVersion=" + formatVersion + ", id=" + id + ", agentId=" + agentId + ", type=" + type
                + ", amount=" + amount + ", currency=" + currency + ", purposes=" + purposes
                + ", expiresAt=" + expiresAt + ", maxAmount=" + maxAmount + ", parentId=" + parentId
                + ", denomination=" + denomination + ", secretVersion=" + secretVersion
                + ", principalKycRef=" + (principalKycRef == null ? "absent" : "present")
                + ", agentKid=" + agentKid + ", kid=" + kid
                + ", signature=" + presence(signature) + ", agentSig=" + presence(agentSig)
                + ", issuerSig=" + presence(issuerSig) + "]";
    }

    private static String presence(String value) {
        return value == null ? "absent" : "present";
    }

    /** Builds a {@link Mandate}; each setter names its token field. Not thread-safe. */
    public static final class Builder {
        private int formatVersion = 3;
        private String id;
        private String agentId;
        private String type;
        private String amount;
        private String currency;
        private List<String> purposes = List.of();
        private long expiresAt;
        private String maxAmount;
        private String parentId;
        private String denomination;
        private long secretVersion;
        private String principalKycRef;
        private String agentKid;
        private String signature;
        private String agentSig;
        private String issuerSig;
        private String kid;

        private Builder() {}

        private Builder(Mandate m) {
            formatVersion = m.formatVersion;
            id = m.id;
            agentId = m.agentId;
            type = m.type;
            amount = m.amount;
            currency = m.currency;
            purposes = m.purposes;
            expiresAt = m.expiresAt;
            maxAmount = m.maxAmount;
            parentId = m.parentId;
            denomination = m.denomination;
            secretVersion = m.secretVersion;
            principalKycRef = m.principalKycRef;
            agentKid = m.agentKid;
            signature = m.signature;
            agentSig = m.agentSig;
            issuerSig = m.issuerSig;
            kid = m.kid;
        }

        /**
         * Sets {@code format_version}.
         *
         * @param value {@code format_version}, at least 2
         * @return this builder
         */
        public Builder formatVersion(int value) {
            formatVersion = value;
            return this;
        }

        /**
         * Sets {@code id}.
         *
         * @param value {@code id}
         * @return this builder
         */
        public Builder id(String value) {
            id = value;
            return this;
        }

        /**
         * Sets {@code agent_id}.
         *
         * @param value {@code agent_id}
         * @return this builder
         */
        public Builder agentId(String value) {
            agentId = value;
            return this;
        }

        /**
         * Sets {@code type}.
         *
         * @param value {@code type}, e.g. {@code "payment"}
         * @return this builder
         */
        public Builder type(String value) {
            type = value;
            return this;
        }

        /**
         * Sets {@code type} from an enum.
         *
         * @param value {@code type} as an enum (not {@link MandateType#UNKNOWN})
         * @return this builder
         */
        public Builder type(MandateType value) {
            if (Objects.requireNonNull(value, "type") == MandateType.UNKNOWN) {
                throw new IllegalArgumentException("MandateType.UNKNOWN has no token text; pass the text instead");
            }
            type = value.wireName();
            return this;
        }

        /**
         * Sets {@code amount}.
         *
         * @param value {@code amount}, a decimal string without trailing zeros
         * @return this builder
         */
        public Builder amount(String value) {
            amount = value;
            return this;
        }

        /**
         * Sets {@code currency}.
         *
         * @param value {@code currency}
         * @return this builder
         */
        public Builder currency(String value) {
            currency = value;
            return this;
        }

        /**
         * Sets {@code purposes}.
         *
         * @param value {@code purposes}, in any order
         * @return this builder
         */
        public Builder purposes(List<String> value) {
            purposes = value;
            return this;
        }

        /**
         * Sets {@code expires_at}.
         *
         * @param value {@code expires_at}, UNIX seconds
         * @return this builder
         */
        public Builder expiresAt(long value) {
            expiresAt = value;
            return this;
        }

        /**
         * Sets {@code expires_at}.
         *
         * @param value {@code expires_at}, truncated to whole seconds
         * @return this builder
         */
        public Builder expiresAt(Instant value) {
            expiresAt = Objects.requireNonNull(value, "expiresAt").getEpochSecond();
            return this;
        }

        /**
         * Sets {@code max_amount}.
         *
         * @param value {@code max_amount}, or {@code null}
         * @return this builder
         */
        public Builder maxAmount(String value) {
            maxAmount = value;
            return this;
        }

        /**
         * Sets {@code parent_id}.
         *
         * @param value {@code parent_id}, or {@code null}
         * @return this builder
         */
        public Builder parentId(String value) {
            parentId = value;
            return this;
        }

        /**
         * Sets {@code denomination}.
         *
         * @param value {@code denomination}, or {@code null}
         * @return this builder
         */
        public Builder denomination(String value) {
            denomination = value;
            return this;
        }

        /**
         * Sets {@code secret_version}.
         *
         * @param value {@code secret_version}
         * @return this builder
         */
        public Builder secretVersion(long value) {
            secretVersion = value;
            return this;
        }

        /**
         * Sets {@code principal_kyc_ref}.
         *
         * @param value {@code principal_kyc_ref}, or {@code null}
         * @return this builder
         */
        public Builder principalKycRef(String value) {
            principalKycRef = value;
            return this;
        }

        /**
         * Sets {@code agent_kid}.
         *
         * @param value {@code agent_kid}, or {@code null}
         * @return this builder
         */
        public Builder agentKid(String value) {
            agentKid = value;
            return this;
        }

        /**
         * Sets {@code signature}.
         *
         * @param value envelope {@code signature} (HMAC hex), or {@code null}
         * @return this builder
         */
        public Builder signature(String value) {
            signature = value;
            return this;
        }

        /**
         * Sets {@code agent_sig}.
         *
         * @param value envelope {@code agent_sig} (base64url), or {@code null}
         * @return this builder
         */
        public Builder agentSig(String value) {
            agentSig = value;
            return this;
        }

        /**
         * Sets {@code issuer_sig}.
         *
         * @param value envelope {@code issuer_sig} (base64url), or {@code null}
         * @return this builder
         */
        public Builder issuerSig(String value) {
            issuerSig = value;
            return this;
        }

        /**
         * Sets {@code kid}.
         *
         * @param value envelope {@code kid}, or {@code null}
         * @return this builder
         */
        public Builder kid(String value) {
            kid = value;
            return this;
        }

        /**
         * Builds the mandate.
         *
         * @return the mandate
         * @throws NullPointerException when a required field is unset: {@code id}, {@code agentId}, {@code type},
         *     {@code amount}, {@code currency}, or a purpose that is {@code null}
         * @throws IllegalArgumentException when {@code formatVersion} is below 2
         */
        public Mandate build() {
            return new Mandate(formatVersion, id, agentId, type, amount, currency, purposes, expiresAt, maxAmount,
                    parentId, denomination, secretVersion, principalKycRef, agentKid, signature, agentSig,
                    issuerSig, kid);
        }
    }
}
