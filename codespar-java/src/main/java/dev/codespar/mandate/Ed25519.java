package dev.codespar.mandate;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;

/** Ed25519 verification with the JDK's own provider (Java 15+), from a raw 32-byte public key. */
final class Ed25519 {

    static final int PUBLIC_KEY_BYTES = 32;
    static final int SIGNATURE_BYTES = 64;

    /** The DER header of an X.509 SubjectPublicKeyInfo for Ed25519 (RFC 8410); the raw key follows it. */
    private static final byte[] SPKI_PREFIX = {
        0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
    };

    private Ed25519() {}

    /**
     * Verifies a signature.
     *
     * @return {@code true} only when the signature is valid; {@code false} for a wrong signature, a signature of the
     *     wrong length, or a key that is not a point of the curve
     * @throws IllegalStateException when this JVM has no Ed25519 implementation (a platform fault, never a verdict)
     */
    static boolean verify(byte[] message, byte[] signature, byte[] rawPublicKey) {
        if (rawPublicKey.length != PUBLIC_KEY_BYTES || signature.length != SIGNATURE_BYTES) {
            return false;
        }
        Signature verifier;
        KeyFactory keys;
        try {
            verifier = Signature.getInstance("Ed25519");
            keys = KeyFactory.getInstance("Ed25519");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM offers no Ed25519 implementation (Java 15 or later has one)", e);
        }
        try {
            PublicKey key = keys.generatePublic(new X509EncodedKeySpec(spki(rawPublicKey)));
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // InvalidKeySpec/InvalidKey (not a curve point) or Signature (malformed): not a valid signature.
            return false;
        }
    }

    static byte[] spki(byte[] rawPublicKey) {
        byte[] der = new byte[SPKI_PREFIX.length + rawPublicKey.length];
        System.arraycopy(SPKI_PREFIX, 0, der, 0, SPKI_PREFIX.length);
        System.arraycopy(rawPublicKey, 0, der, SPKI_PREFIX.length, rawPublicKey.length);
        return der;
    }
}
