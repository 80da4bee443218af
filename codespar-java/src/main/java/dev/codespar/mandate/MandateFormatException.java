package dev.codespar.mandate;

import java.util.Objects;
import java.util.Optional;

/**
 * A mandate presentation token could not be decoded: it is not base64url JSON of an object, its
 * {@code format_version} is not one this SDK reads, or one of its fields has the wrong type. Thrown by
 * {@link Mandates#decode(String)} and {@link Mandates#verify(String, MandateKeys)}.
 *
 * <p>A token that decodes but whose signatures do not check out is <em>not</em> an exception: it is a
 * {@link MandateVerification} whose {@link MandateVerification#verified() verified()} is {@code false}. This
 * exception is only for input that is not a mandate token at all, so a caller can answer the two cases differently:
 *
 * <pre>{@code
 * try {
 *     MandateVerification check = Mandates.verify(token, MandateKeys.of(agentKeyHex, issuerKeyHex));
 *     if (!check.verifiedAt(Clock.systemUTC())) {
 *         return reject("mandate not verified or expired");
 *     }
 * } catch (MandateFormatException e) {
 *     return reject("not a mandate token: " + e.getCode());   // invalid_payload | mandate_format_unsupported
 * }
 * }</pre>
 *
 * <p>Why not a {@code dev.codespar.errors.CodeSparException}: that tree describes failed calls to the CodeSpar API.
 * Decoding a token makes no call; it is a check of input, hence an {@link IllegalArgumentException}.
 *
 * <p>The message names the field at fault and never contains the token (a bearer credential) or a piece of it.
 */
public final class MandateFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why a token was refused; each reason has the machine code the official SDKs and CLI report. */
    public enum Reason {
        /**
         * Not base64url, not UTF-8 JSON, not a JSON object, a field missing or of the wrong type, a V3 token without
         * {@code principal_kyc_ref}/{@code agent_kid}, or no string {@code signature}. Code {@code invalid_payload}.
         */
        INVALID_PAYLOAD("invalid_payload"),
        /** {@code format_version} is missing or is not an integer of at least 2. Code
         * {@code mandate_format_unsupported}. */
        MANDATE_FORMAT_UNSUPPORTED("mandate_format_unsupported");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        /**
         * The machine code, as the official SDKs and CLI spell it.
         *
         * @return {@code invalid_payload} or {@code mandate_format_unsupported}
         */
        public String code() {
            return code;
        }
    }

    /** Why the token was refused. */
    private final Reason reason;
    /** The field at fault, or {@code null}. */
    private final String field;

    /**
     * Creates the exception; {@link Mandates} does this for you.
     *
     * @param reason why the token was refused
     * @param field the token field at fault, or {@code null} when the token as a whole is at fault
     * @param detail what is wrong, without any part of the token
     */
    public MandateFormatException(Reason reason, String field, String detail) {
        super(Objects.requireNonNull(reason, "reason").code() + ": "
                + (field == null ? "" : "field '" + field + "' ") + Objects.requireNonNull(detail, "detail"));
        this.reason = reason;
        this.field = field;
    }

    /**
     * Why the token was refused.
     *
     * @return the reason
     */
    public Reason getReason() {
        return reason;
    }

    /**
     * The machine code of {@link #getReason()}.
     *
     * @return {@code invalid_payload} or {@code mandate_format_unsupported}
     */
    public String getCode() {
        return reason.code();
    }

    /**
     * The token field at fault, e.g. {@code expires_at}.
     *
     * @return the field name, or empty when the token as a whole could not be read
     */
    public Optional<String> getField() {
        return Optional.ofNullable(field);
    }
}
