package dev.codespar.mandate;

import java.util.Objects;
import java.util.Optional;

/**
 * The check of one signature of a mandate token: the agent's ({@link MandateVerification#agent()}) or the platform
 * issuer's ({@link MandateVerification#issuer()}).
 *
 * <pre>{@code
 * SignatureCheck agent = Mandates.verify(token, keys).agent();
 * agent.present();   // true: the token carries agent_sig
 * agent.status();    // VERIFIED
 * agent.kid();       // Optional[did:web:id.codespar.dev:org_demo:a1#1]
 * }</pre>
 *
 * @param present whether the token carries the signature; {@code false} exactly when the status is
 *     {@link SignatureStatus#ABSENT}
 * @param status the outcome
 * @param kid the key id the signature claims: for the agent, the token's {@link Mandate#keyId() key id} (present
 *     even when the signature is absent); for the issuer, always empty (tokens do not name the issuer key)
 */
public record SignatureCheck(boolean present, SignatureStatus status, Optional<String> kid) {

    /**
     * Checks that {@code present} agrees with {@code status}.
     *
     * @param present whether the token carries the signature
     * @param status the outcome
     * @param kid the key id the signature claims, or empty
     * @throws IllegalArgumentException when {@code present} is {@code true} with {@link SignatureStatus#ABSENT}, or
     *     {@code false} with any other status
     */
    public SignatureCheck {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(kid, "kid");
        if (present == (status == SignatureStatus.ABSENT)) {
            throw new IllegalArgumentException("present=" + present + " contradicts status " + status);
        }
    }
}
