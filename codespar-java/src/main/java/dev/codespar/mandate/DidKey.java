package dev.codespar.mandate;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An Ed25519 public key published in a DID document: a {@code verificationMethod} entry whose
 * {@code publicKeyJwk} is {@code {"kty":"OKP","crv":"Ed25519","x":...}}.
 *
 * <pre>{@code
 * for (DidKey key : DidDocuments.ed25519Keys(documentJson)) {
 *     System.out.println(key.id() + " " + key.publicKeyHex());
 * }
 * }</pre>
 *
 * @param id the method's {@code id}, made absolute against the document {@code id} when it was relative
 *     ({@code #1} → {@code did:web:id.codespar.dev:org_demo:a1#1})
 * @param publicKey the raw 32-byte key (copied in and out)
 */
public record DidKey(String id, byte[] publicKey) {

    /**
     * Checks and copies.
     *
     * @param id the method's absolute {@code id}
     * @param publicKey the raw 32-byte key
     * @throws IllegalArgumentException when the key is not 32 bytes long
     */
    public DidKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(publicKey, "publicKey");
        if (publicKey.length != Ed25519.PUBLIC_KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes, got " + publicKey.length);
        }
        publicKey = publicKey.clone();
    }

    /**
     * The raw key.
     *
     * @return a copy of the 32 bytes
     */
    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /**
     * The raw key in lower-case hex, as {@link MandateKeys#of(String, String)} reads it.
     *
     * @return 64 hex digits
     */
    public String publicKeyHex() {
        return HexFormat.of().formatHex(publicKey);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DidKey that && id.equals(that.id) && Arrays.equals(publicKey, that.publicKey);
    }

    @Override
    public int hashCode() {
        return 31 * id.hashCode() + Arrays.hashCode(publicKey);
    }

    /** The id and the key in hex (a public key is not a secret). */
    @Override
    public String toString() {
        return "DidKey[id=" + id + ", publicKey=" + publicKeyHex() + "]";
    }
}
