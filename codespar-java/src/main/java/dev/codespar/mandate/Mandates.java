package dev.codespar.mandate;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Offline verification of CodeSpar mandate presentation tokens: with the agent's and/or the platform issuer's
 * Ed25519 public key, and no API call. Same wire and same rules as {@code @codespar/sdk/mandate} (TypeScript),
 * {@code codespar.mandate} (Python) and {@code codespar mandate verify} (CLI); all of them reproduce the same
 * golden token byte for byte.
 *
 * <pre>{@code
 * MandateVerification check = Mandates.verify(token, MandateKeys.of(agentKeyHex, issuerKeyHex));
 * if (!check.verifiedAt(Clock.systemUTC())) {
 *     throw new SecurityException("mandate " + check.mandate().id() + " not verified or expired: agent "
 *             + check.agent().status() + ", issuer " + check.issuer().status());
 * }
 * String agent = check.agentDid().orElseThrow();   // did:web:id.codespar.dev:org_demo:a1
 * }</pre>
 *
 * <p>A token is base64url (padding optional) of a UTF-8 JSON object holding the signed fields and an envelope
 * ({@code signature}, {@code agent_sig}, {@code issuer_sig}, {@code kid}). Ed25519 comes from the JDK; nothing here
 * is thread-unsafe or holds state.
 */
public final class Mandates {

    private Mandates() {}

    /**
     * Decodes a token without verifying anything.
     *
     * <pre>{@code
     * Mandate mandate = Mandates.decode(token);
     * boolean carriesIssuerSignature = mandate.issuerSig() != null;
     * }</pre>
     *
     * @param token the presentation token; surrounding whitespace is ignored
     * @return the mandate, fields and envelope
     * @throws MandateFormatException {@code invalid_payload} when the token is not base64url of a UTF-8 JSON object
     *     (strict JSON: a repeated key or trailing content is refused too), a field is missing or of the wrong type,
     *     {@code type} is not {@code payment}, {@code subscription} or {@code delegation}, a V3 token lacks
     *     {@code principal_kyc_ref} or {@code agent_kid}, or {@code signature} is not a string;
     *     {@code mandate_format_unsupported} when {@code format_version} is not an integer of at least 2
     * @throws NullPointerException when the token is {@code null}
     */
    public static Mandate decode(String token) {
        return MandateDecoder.decode(token);
    }

    /**
     * The canonical string the Ed25519 signatures cover (sign or verify its UTF-8 bytes): the fields joined with
     * {@code :} in the order {@code format_version, id, agent_id, type, amount, currency, purposes, expires_at,
     * max_amount, parent_id, denomination, secret_version}, and from format 3 on also {@code principal_kyc_ref,
     * agent_kid}; a {@code null} field is the empty text. Purposes are sorted by UTF-16 code units, each escaped
     * ({@code \} → {@code \\}, then {@code ,} → {@code \,}) and joined with {@code ,}. The envelope is not part of
     * it.
     *
     * <pre>{@code
     * Mandates.signingString(Mandates.decode(token));
     * // "3:mnd_v3_abc...:a1:delegation:5000:BRL:refund,utility:1735689600::::1:kyc_celcoin_11144477735"
     * //     + ":did:web:id.codespar.dev:org_demo:a1#1"
     * }</pre>
     *
     * @param fields the mandate
     * @return the signing string
     */
    public static String signingString(Mandate fields) {
        return SigningString.of(Objects.requireNonNull(fields, "fields"));
    }

    /**
     * Decodes a token and checks its signatures with the given keys.
     *
     * <p>Each signature gets a status: {@link SignatureStatus#ABSENT ABSENT} (not in the token),
     * {@link SignatureStatus#SKIPPED SKIPPED} (no key given), {@link SignatureStatus#VERIFIED VERIFIED} or
     * {@link SignatureStatus#FAILED FAILED}; a malformed signature (not canonical base64url, not 64 bytes, or an
     * empty string) is {@code FAILED}. The token verifies when at least one signature is {@code VERIFIED} and none
     * is {@code FAILED}. Expiry is reported apart: {@link MandateVerification#verifiedAt(java.time.Clock)}.
     *
     * <pre>{@code
     * MandateVerification check = Mandates.verify(token, MandateKeys.issuer(platformKeyHex));
     * check.verified();          // true
     * check.agent().status();    // SKIPPED: no agent key was given
     * }</pre>
     *
     * @param token the presentation token
     * @param keys the public keys to check with; {@link MandateKeys#none()} for none
     * @return the verdict, never an exception for a well-formed token
     * @throws MandateFormatException when the token cannot be decoded; see {@link #decode(String)}
     */
    public static MandateVerification verify(String token, MandateKeys keys) {
        Objects.requireNonNull(keys, "keys");
        return verify(decode(token), keys);
    }

    /**
     * Checks the signatures of an already decoded mandate; same verdict as {@link #verify(String, MandateKeys)}.
     *
     * <pre>{@code
     * Mandate mandate = Mandates.decode(token);
     * byte[] agentKey = resolver.publicKey(mandate.keyId().orElseThrow());
     * MandateVerification check = Mandates.verify(mandate, MandateKeys.of(agentKey, issuerKey));
     * }</pre>
     *
     * @param mandate the mandate, e.g. from {@link #decode(String)}
     * @param keys the public keys to check with
     * @return the verdict
     */
    public static MandateVerification verify(Mandate mandate, MandateKeys keys) {
        Objects.requireNonNull(mandate, "mandate");
        Objects.requireNonNull(keys, "keys");
        byte[] message = SigningString.of(mandate).getBytes(StandardCharsets.UTF_8);
        SignatureCheck agent = check(message, mandate.agentSig(), keys.agentKeyOrNull(), mandate.keyId());
        SignatureCheck issuer = check(message, mandate.issuerSig(), keys.issuerKeyOrNull(), Optional.empty());
        return new MandateVerification(mandate, agent, issuer);
    }

    private static SignatureCheck check(byte[] message, String signature, byte[] key, Optional<String> kid) {
        if (signature == null) {
            return new SignatureCheck(false, SignatureStatus.ABSENT, kid);
        }
        if (key == null) {
            return new SignatureCheck(true, SignatureStatus.SKIPPED, kid);
        }
        byte[] bytes = Base64Url.decodeCanonical(signature);
        boolean valid = bytes != null && Ed25519.verify(message, bytes, key);
        return new SignatureCheck(true, valid ? SignatureStatus.VERIFIED : SignatureStatus.FAILED, kid);
    }
}
