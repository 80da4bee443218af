package dev.codespar;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The disposition of a KYC verification started by a {@code codespar_kyc} call ({@code verification_status}).
 * When several events arrive the server aggregates them by priority: approved &gt; rejected &gt; review &gt;
 * expired &gt; pending &gt; unknown.
 */
public enum VerificationStatus {
    /** The subject has not finished the flow. */
    @JsonProperty("pending")
    PENDING,
    /** Verified. Terminal. */
    @JsonProperty("approved")
    APPROVED,
    /** Refused. Terminal. */
    @JsonProperty("rejected")
    REJECTED,
    /** The verification expired before completion. Terminal. */
    @JsonProperty("expired")
    EXPIRED,
    /** Waiting for a manual review. */
    @JsonProperty("review")
    REVIEW,
    /** Not known: no idempotency key, no status, or a value this SDK does not know. */
    @JsonEnumDefaultValue
    UNKNOWN;

    /**
     * Whether no further change is expected ({@code approved}, {@code rejected}, {@code expired}).
     *
     * @return {@code true} for a terminal state
     */
    public boolean isTerminal() {
        return this == APPROVED || this == REJECTED || this == EXPIRED;
    }

    static VerificationStatus parse(String value) {
        if (value != null) {
            for (VerificationStatus s : values()) {
                if (s != UNKNOWN && s.name().equalsIgnoreCase(value)) {
                    return s;
                }
            }
        }
        return UNKNOWN;
    }
}
