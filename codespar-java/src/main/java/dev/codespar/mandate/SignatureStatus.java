package dev.codespar.mandate;

/**
 * The outcome of checking one Ed25519 signature of a mandate token.
 *
 * <pre>{@code
 * MandateVerification check = Mandates.verify(token, MandateKeys.issuer(platformKeyHex));
 * if (check.issuer().status() == SignatureStatus.VERIFIED) { ... }
 * }</pre>
 */
public enum SignatureStatus {
    /** The token carries the signature, a key was given, and the signature is valid for that key. */
    VERIFIED,
    /**
     * The token carries the signature and a key was given, but the signature is not valid for that key: the fields
     * were changed, the signature is malformed (not canonical base64url, not 64 bytes), or the key is another one.
     */
    FAILED,
    /** The token carries the signature but no usable key was given, so it was not checked. */
    SKIPPED,
    /** The token does not carry this signature. */
    ABSENT
}
