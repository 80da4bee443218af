package dev.codespar.mandate;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The Ed25519 public keys to check a mandate token's signatures with: the agent's and the platform issuer's, each a
 * raw 32-byte key, given as bytes or as 64 hex digits (an optional {@code 0x}, either case, surrounding whitespace
 * ignored). Either key may be missing; its signature is then {@link SignatureStatus#SKIPPED SKIPPED}.
 *
 * <pre>{@code
 * MandateKeys keys = MandateKeys.of(agentKeyHex, issuerKeyHex);      // both
 * MandateKeys agentOnly = MandateKeys.agent(agentKeyBytes);           // agent only
 * MandateKeys both = MandateKeys.issuer(issuerKeyHex).withAgent(resolver.publicKey(kid));
 * MandateVerification check = Mandates.verify(token, keys);
 * }</pre>
 *
 * <p>Two ways to read key text. The factories ({@link #of(String, String)}, {@link #agent(String)},
 * {@link #issuer(String)}, the {@code with...} methods) are strict: a key that is not 32 bytes or 64 hex digits
 * throws {@link IllegalArgumentException}, because a typo in a pinned key would otherwise pass silently as
 * "no key". {@link #lenient(String, String)} follows the official SDKs instead: a malformed key counts as no key, so
 * its signature is {@code SKIPPED} (and {@link MandateVerification#verified()} is {@code false} unless the other
 * signature verifies). A well-formed 32-byte key that is not a valid curve point is accepted by both: checking a
 * signature with it gives {@link SignatureStatus#FAILED FAILED}.
 *
 * <p>Immutable and thread-safe. Public keys are not secrets: {@link #toString()} shows them in hex.
 */
public final class MandateKeys {

    private static final MandateKeys NONE = new MandateKeys(null, null);
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] agentKey;
    private final byte[] issuerKey;

    private MandateKeys(byte[] agentKey, byte[] issuerKey) {
        this.agentKey = agentKey;
        this.issuerKey = issuerKey;
    }

    /**
     * No keys: every signature the token carries is {@code SKIPPED}, so the token does not verify. Useful to decode
     * and inspect a token together with its signature presence.
     *
     * @return keys with neither key
     */
    public static MandateKeys none() {
        return NONE;
    }

    /**
     * Both keys as raw bytes.
     *
     * @param agentKey the agent's raw 32-byte public key, or {@code null} for none (copied)
     * @param issuerKey the issuer's raw 32-byte public key, or {@code null} for none (copied)
     * @return the keys
     * @throws IllegalArgumentException when a non-null key is not 32 bytes long
     */
    public static MandateKeys of(byte[] agentKey, byte[] issuerKey) {
        return new MandateKeys(strict("agent", agentKey), strict("issuer", issuerKey));
    }

    /**
     * Both keys as hex, e.g. {@code MandateKeys.of("70940e2c...", "0x41826EDE...")}.
     *
     * @param agentKeyHex the agent's key, 64 hex digits, or {@code null} for none
     * @param issuerKeyHex the issuer's key, 64 hex digits, or {@code null} for none
     * @return the keys
     * @throws IllegalArgumentException when a non-null key is not 64 hex digits (after an optional {@code 0x})
     */
    public static MandateKeys of(String agentKeyHex, String issuerKeyHex) {
        return new MandateKeys(strict("agent", agentKeyHex), strict("issuer", issuerKeyHex));
    }

    /**
     * The agent key alone.
     *
     * @param agentKey the raw 32-byte key (copied)
     * @return keys with only the agent key
     * @throws IllegalArgumentException when the key is not 32 bytes long
     * @throws NullPointerException when the key is {@code null}
     */
    public static MandateKeys agent(byte[] agentKey) {
        return NONE.withAgent(agentKey);
    }

    /**
     * The agent key alone, as hex.
     *
     * @param agentKeyHex 64 hex digits
     * @return keys with only the agent key
     * @throws IllegalArgumentException when the text is not 64 hex digits
     * @throws NullPointerException when the text is {@code null}
     */
    public static MandateKeys agent(String agentKeyHex) {
        return NONE.withAgent(agentKeyHex);
    }

    /**
     * The issuer key alone.
     *
     * @param issuerKey the raw 32-byte key (copied)
     * @return keys with only the issuer key
     * @throws IllegalArgumentException when the key is not 32 bytes long
     * @throws NullPointerException when the key is {@code null}
     */
    public static MandateKeys issuer(byte[] issuerKey) {
        return NONE.withIssuer(issuerKey);
    }

    /**
     * The issuer key alone, as hex.
     *
     * @param issuerKeyHex 64 hex digits
     * @return keys with only the issuer key
     * @throws IllegalArgumentException when the text is not 64 hex digits
     * @throws NullPointerException when the text is {@code null}
     */
    public static MandateKeys issuer(String issuerKeyHex) {
        return NONE.withIssuer(issuerKeyHex);
    }

    /**
     * Both keys as hex, read the way the official SDKs read them: text that is not 64 hex digits counts as no key
     * (its signature is then {@code SKIPPED}) instead of throwing. Use it to pass through keys you do not control,
     * e.g. from a form; pinned keys belong in {@link #of(String, String)}.
     *
     * @param agentKeyHex the agent's key, or {@code null}
     * @param issuerKeyHex the issuer's key, or {@code null}
     * @return the keys, without those that did not parse
     */
    public static MandateKeys lenient(String agentKeyHex, String issuerKeyHex) {
        return new MandateKeys(parseHex(agentKeyHex), parseHex(issuerKeyHex));
    }

    /**
     * Both keys as bytes, read the way the official SDKs read them: an array that is not 32 bytes long counts as no
     * key instead of throwing.
     *
     * @param agentKey the agent's key, or {@code null} (copied)
     * @param issuerKey the issuer's key, or {@code null} (copied)
     * @return the keys, without those of the wrong length
     */
    public static MandateKeys lenient(byte[] agentKey, byte[] issuerKey) {
        return new MandateKeys(rawOrNull(agentKey), rawOrNull(issuerKey));
    }

    /**
     * These keys with the agent key replaced.
     *
     * @param agentKey the raw 32-byte key (copied)
     * @return new keys
     * @throws IllegalArgumentException when the key is not 32 bytes long
     * @throws NullPointerException when the key is {@code null}
     */
    public MandateKeys withAgent(byte[] agentKey) {
        return new MandateKeys(strict("agent", requireKey("agent", agentKey)), issuerKey);
    }

    /**
     * These keys with the agent key replaced.
     *
     * @param agentKeyHex 64 hex digits
     * @return new keys
     * @throws IllegalArgumentException when the text is not 64 hex digits
     * @throws NullPointerException when the text is {@code null}
     */
    public MandateKeys withAgent(String agentKeyHex) {
        return new MandateKeys(strict("agent", requireKey("agent", agentKeyHex)), issuerKey);
    }

    /**
     * These keys with the issuer key replaced.
     *
     * @param issuerKey the raw 32-byte key (copied)
     * @return new keys
     * @throws IllegalArgumentException when the key is not 32 bytes long
     * @throws NullPointerException when the key is {@code null}
     */
    public MandateKeys withIssuer(byte[] issuerKey) {
        return new MandateKeys(agentKey, strict("issuer", requireKey("issuer", issuerKey)));
    }

    /**
     * These keys with the issuer key replaced.
     *
     * @param issuerKeyHex 64 hex digits
     * @return new keys
     * @throws IllegalArgumentException when the text is not 64 hex digits
     * @throws NullPointerException when the text is {@code null}
     */
    public MandateKeys withIssuer(String issuerKeyHex) {
        return new MandateKeys(agentKey, strict("issuer", requireKey("issuer", issuerKeyHex)));
    }

    /**
     * The agent key.
     *
     * @return a copy of the raw 32 bytes, or empty
     */
    public Optional<byte[]> agentKey() {
        return Optional.ofNullable(agentKey).map(byte[]::clone);
    }

    /**
     * The issuer key.
     *
     * @return a copy of the raw 32 bytes, or empty
     */
    public Optional<byte[]> issuerKey() {
        return Optional.ofNullable(issuerKey).map(byte[]::clone);
    }

    /** The agent key without a copy, for verification in this package; {@code null} when absent. */
    byte[] agentKeyOrNull() {
        return agentKey;
    }

    /** The issuer key without a copy, for verification in this package; {@code null} when absent. */
    byte[] issuerKeyOrNull() {
        return issuerKey;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MandateKeys that
                && Arrays.equals(agentKey, that.agentKey)
                && Arrays.equals(issuerKey, that.issuerKey);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(agentKey) + Arrays.hashCode(issuerKey);
    }

    /** Both keys in hex, or {@code none}. */
    @Override
    public String toString() {
        return "MandateKeys[agent=" + (agentKey == null ? "none" : HEX.formatHex(agentKey))
                + ", issuer=" + (issuerKey == null ? "none" : HEX.formatHex(issuerKey)) + "]";
    }

    private static <T> T requireKey(String which, T key) {
        if (key == null) {
            throw new NullPointerException(which + " key is null; use MandateKeys.none() or leave it out");
        }
        return key;
    }

    private static byte[] strict(String which, byte[] key) {
        if (key == null) {
            return null;
        }
        if (key.length != Ed25519.PUBLIC_KEY_BYTES) {
            throw new IllegalArgumentException(which + " key must be a raw 32-byte Ed25519 public key, got "
                    + key.length + " bytes");
        }
        return key.clone();
    }

    private static byte[] strict(String which, String hex) {
        if (hex == null) {
            return null;
        }
        byte[] key = parseHex(hex);
        if (key == null) {
            throw new IllegalArgumentException(which + " key must be 64 hex digits (a raw 32-byte Ed25519 public"
                    + " key, optionally prefixed 0x), got " + hex.strip().length() + " characters");
        }
        return key;
    }

    private static byte[] rawOrNull(byte[] key) {
        return key != null && key.length == Ed25519.PUBLIC_KEY_BYTES ? key.clone() : null;
    }

    /** 64 hex digits after trimming and an optional {@code 0x}/{@code 0X}; anything else is {@code null}. */
    static byte[] parseHex(String text) {
        if (text == null) {
            return null;
        }
        String hex = text.strip();
        if (hex.startsWith("0x") || hex.startsWith("0X")) {
            hex = hex.substring(2);
        }
        if (hex.length() != 2 * Ed25519.PUBLIC_KEY_BYTES) {
            return null;
        }
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return null;
            }
        }
        return HEX.parseHex(hex);
    }
}
