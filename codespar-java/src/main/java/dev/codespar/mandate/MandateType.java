package dev.codespar.mandate;

/**
 * The kind of a mandate, as read from its {@code type} field.
 *
 * <p>{@link Mandate#type()} keeps the exact text of the token (it is what the signatures cover);
 * {@link Mandate#mandateType()} maps it here:
 *
 * <pre>{@code
 * Mandate mandate = Mandates.decode(token);
 * if (mandate.mandateType() == MandateType.DELEGATION) { ... }
 * }</pre>
 */
public enum MandateType {
    /** A single payment ({@code payment}). */
    PAYMENT("payment"),
    /** A recurring payment ({@code subscription}). */
    SUBSCRIPTION("subscription"),
    /** Authority delegated to an agent ({@code delegation}). */
    DELEGATION("delegation"),
    /**
     * Text this SDK does not know. {@link Mandates#decode(String)} refuses such a token (as the official SDKs do),
     * so this appears only on a {@link Mandate} built by hand.
     */
    UNKNOWN(null);

    private final String wireName;

    MandateType(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The text of this type in a token.
     *
     * @return {@code payment}, {@code subscription}, {@code delegation}, or {@code null} for {@link #UNKNOWN}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Maps token text to a type.
     *
     * @param text the {@code type} field, e.g. {@code "delegation"}; matched exactly (case-sensitive)
     * @return the type, or {@link #UNKNOWN} for any other text or {@code null}
     */
    public static MandateType fromWire(String text) {
        for (MandateType type : values()) {
            if (type.wireName != null && type.wireName.equals(text)) {
                return type;
            }
        }
        return UNKNOWN;
    }
}
