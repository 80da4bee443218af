package dev.codespar;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The settlement state of a payment started by a tool call ({@code payment_status}). */
public enum PaymentStatus {
    /** Not settled yet. */
    @JsonProperty("pending")
    PENDING,
    /** Paid. Terminal. */
    @JsonProperty("succeeded")
    SUCCEEDED,
    /** Failed. Terminal. */
    @JsonProperty("failed")
    FAILED,
    /** Paid, then refunded. Terminal. */
    @JsonProperty("refunded")
    REFUNDED,
    /** The provider reported a change that is none of the above. */
    @JsonProperty("updated")
    UPDATED,
    /** Not known: no idempotency key (a legacy or non-meta-tool call), no status, or a value this SDK does not know. */
    @JsonEnumDefaultValue
    UNKNOWN;

    /**
     * Whether no further change is expected ({@code succeeded}, {@code failed}, {@code refunded}).
     *
     * @return {@code true} for a terminal state
     */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == REFUNDED;
    }

    static PaymentStatus parse(String value) {
        if (value != null) {
            for (PaymentStatus s : values()) {
                if (s != UNKNOWN && s.name().equalsIgnoreCase(value)) {
                    return s;
                }
            }
        }
        return UNKNOWN;
    }
}
