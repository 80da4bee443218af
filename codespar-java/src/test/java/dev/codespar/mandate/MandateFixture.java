package dev.codespar.mandate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The golden file every official implementation pins ({@code mandate-canonical.v3.fixture.json}, copied unchanged
 * into the test resources), and tokens built from it the way the issuer builds them: base64url without padding of
 * the UTF-8 JSON of the fields plus the envelope.
 */
final class MandateFixture {

    static final String RESOURCE = "/dev/codespar/mandate/mandate-canonical.v3.fixture.json";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HexFormat HEX = HexFormat.of();

    private static final JsonNode FIXTURE = load();

    private MandateFixture() {}

    static byte[] resourceBytes() {
        try (InputStream in = MandateFixture.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode load() {
        try {
            return JSON.readTree(resourceBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String field) {
        return FIXTURE.get(field).textValue();
    }

    /** A fresh, mutable copy of the signed fields. */
    static ObjectNode input() {
        return FIXTURE.get("input").deepCopy();
    }

    static String canonical() {
        return text("canonical_string");
    }

    static byte[] agentKey() {
        return HEX.parseHex(text("agent_pubkey_hex"));
    }

    static byte[] issuerKey() {
        return HEX.parseHex(text("issuer_pubkey_hex"));
    }

    static MandateKeys bothKeys() {
        return MandateKeys.of(agentKey(), issuerKey());
    }

    /** The signed fields plus the full envelope, as the issuer sends them. */
    static ObjectNode goldenPayload() {
        ObjectNode payload = input();
        payload.put("signature", text("hmac_sha256_hex"));
        payload.put("agent_sig", text("agent_sig_b64url"));
        payload.put("issuer_sig", text("issuer_sig_b64url"));
        payload.put("kid", payload.get("agent_kid").textValue());
        return payload;
    }

    static String goldenToken() {
        return token(goldenPayload());
    }

    static String token(JsonNode payload) {
        try {
            return tokenOfBytes(JSON.writeValueAsBytes(payload));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String tokenOfText(String json) {
        return tokenOfBytes(json.getBytes(StandardCharsets.UTF_8));
    }

    static String tokenOfBytes(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The Ed25519 key pair of a 32-byte seed (RFC 8032), derived by the JDK. */
    static KeyPair keyPair(String seedHex) {
        byte[] seed = HEX.parseHex(seedHex);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            // The JDK draws the private key (the seed) from this source: hand it the fixture's seed.
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                private static final long serialVersionUID = 1L;

                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, bytes.length);
                }
            });
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The raw 32-byte public key: the last 32 bytes of the X.509 encoding. */
    static byte[] rawPublicKey(KeyPair pair) {
        byte[] spki = pair.getPublic().getEncoded();
        return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    }

    /** Signs a message with a seed and returns the base64url signature, as the issuer emits it. */
    static String sign(String seedHex, String message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keyPair(seedHex).getPrivate());
            signer.update(message.getBytes(StandardCharsets.UTF_8));
            return tokenOfBytes(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String signAsAgent(String message) {
        return sign(text("agent_seed_hex"), message);
    }

    static String signAsIssuer(String message) {
        return sign(text("issuer_seed_hex"), message);
    }

    /**
     * A token of these fields whose two signatures cover {@code expectedSigningString}, written down by the test
     * rather than computed by the code under test.
     */
    static String signedToken(ObjectNode fields, String expectedSigningString) {
        ObjectNode payload = fields.deepCopy();
        payload.put("signature", "00");
        payload.put("agent_sig", signAsAgent(expectedSigningString));
        payload.put("issuer_sig", signAsIssuer(expectedSigningString));
        return token(payload);
    }
}
