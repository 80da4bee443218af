package dev.codespar.mandate;

import static dev.codespar.mandate.MandateFixture.HEX;
import static dev.codespar.mandate.MandateFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The golden file that the official SDKs and CLI pin, reproduced byte for byte. */
class GoldenFixtureTest {

    @Test
    void theFixtureIsTheFrozenFileUnchanged() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(MandateFixture.resourceBytes());
        assertThat(HEX.formatHex(digest))
                .isEqualTo("99c621282cd05044662639fc85e670e56e589bd251bbcd102e494813b981e163");
    }

    @Test
    void signingStringOfTheDecodedGoldenTokenIsTheCanonicalStringByteForByte() {
        Mandate mandate = Mandates.decode(MandateFixture.goldenToken());

        String signing = Mandates.signingString(mandate);

        assertThat(signing).isEqualTo(MandateFixture.canonical());
        assertThat(signing.getBytes(StandardCharsets.UTF_8))
                .isEqualTo(MandateFixture.canonical().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void signingStringOfFieldsBuiltByHandIsTheCanonicalString() {
        Mandate fields = Mandate.builder()
                .formatVersion(3).id("mnd_v3_abc...").agentId("a1").type(MandateType.DELEGATION).amount("5000")
                .currency("BRL").purposes(List.of("utility", "refund")).expiresAt(1735689600L).secretVersion(1)
                .principalKycRef("kyc_celcoin_11144477735").agentKid("did:web:id.codespar.dev:org_demo:a1#1")
                .build();

        assertThat(Mandates.signingString(fields)).isEqualTo(MandateFixture.canonical());
    }

    @Test
    void theFixturesHmacIsOverTheSameCanonicalBytes() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(text("key").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signing = Mandates.signingString(Mandates.decode(MandateFixture.goldenToken()));

        byte[] hmac = mac.doFinal(signing.getBytes(StandardCharsets.UTF_8));

        assertThat(HEX.formatHex(hmac)).isEqualTo(text("hmac_sha256_hex"));
    }

    @Test
    void bothSignaturesVerifyWithTheFixturesRawPublicKeys() {
        MandateVerification check = Mandates.verify(MandateFixture.goldenToken(),
                MandateKeys.of(text("agent_pubkey_hex"), text("issuer_pubkey_hex")));

        assertThat(check.agent()).isEqualTo(new SignatureCheck(true, SignatureStatus.VERIFIED,
                java.util.Optional.of("did:web:id.codespar.dev:org_demo:a1#1")));
        assertThat(check.issuer()).isEqualTo(new SignatureCheck(true, SignatureStatus.VERIFIED,
                java.util.Optional.empty()));
        assertThat(check.verified()).isTrue();
        assertThat(check.kid()).contains("did:web:id.codespar.dev:org_demo:a1#1");
        assertThat(check.agentDid()).contains("did:web:id.codespar.dev:org_demo:a1");
    }

    @Test
    void theJdkDerivesTheFixturesPublicKeysFromItsSeeds() {
        KeyPair agent = MandateFixture.keyPair(text("agent_seed_hex"));
        KeyPair issuer = MandateFixture.keyPair(text("issuer_seed_hex"));

        assertThat(HEX.formatHex(MandateFixture.rawPublicKey(agent))).isEqualTo(text("agent_pubkey_hex"));
        assertThat(HEX.formatHex(MandateFixture.rawPublicKey(issuer))).isEqualTo(text("issuer_pubkey_hex"));
        // The X.509 form is the documented 12-byte header followed by the raw key.
        assertThat(agent.getPublic().getEncoded()).isEqualTo(Ed25519.spki(MandateFixture.agentKey()));
        assertThat(HEX.formatHex(agent.getPublic().getEncoded())).startsWith("302a300506032b6570032100");
    }

    @Test
    void signingTheCanonicalStringWithTheSeedsReproducesTheFixturesSignatures() {
        // Ed25519 is deterministic, so the signatures themselves are part of the byte lock.
        assertThat(MandateFixture.signAsAgent(MandateFixture.canonical())).isEqualTo(text("agent_sig_b64url"));
        assertThat(MandateFixture.signAsIssuer(MandateFixture.canonical())).isEqualTo(text("issuer_sig_b64url"));
    }

    @Test
    void decodingTheGoldenTokenKeepsEveryFieldAndTheEnvelope() {
        Mandate m = Mandates.decode(MandateFixture.goldenToken());

        assertThat(m.formatVersion()).isEqualTo(3);
        assertThat(m.id()).isEqualTo("mnd_v3_abc...");
        assertThat(m.agentId()).isEqualTo("a1");
        assertThat(m.type()).isEqualTo("delegation");
        assertThat(m.mandateType()).isEqualTo(MandateType.DELEGATION);
        assertThat(m.amount()).isEqualTo("5000");
        assertThat(m.currency()).isEqualTo("BRL");
        assertThat(m.purposes()).containsExactly("refund", "utility");
        assertThat(m.expiresAt()).isEqualTo(1735689600L);
        assertThat(m.expiresAtInstant()).hasToString("2025-01-01T00:00:00Z");
        assertThat(m.maxAmount()).isNull();
        assertThat(m.parentId()).isNull();
        assertThat(m.denomination()).isNull();
        assertThat(m.secretVersion()).isEqualTo(1L);
        assertThat(m.principalKycRef()).isEqualTo("kyc_celcoin_11144477735");
        assertThat(m.agentKid()).isEqualTo("did:web:id.codespar.dev:org_demo:a1#1");
        assertThat(m.signature()).isEqualTo(text("hmac_sha256_hex"));
        assertThat(m.agentSig()).isEqualTo(text("agent_sig_b64url"));
        assertThat(m.issuerSig()).isEqualTo(text("issuer_sig_b64url"));
        assertThat(m.kid()).isEqualTo("did:web:id.codespar.dev:org_demo:a1#1");
    }

    @Test
    void purposesInAnotherOrderStillVerifyBecauseTheSigningStringSortsThem() {
        ObjectNode payload = MandateFixture.goldenPayload();
        ArrayNode reversed = payload.putArray("purposes");
        reversed.add("utility").add("refund");

        MandateVerification check = Mandates.verify(MandateFixture.token(payload), MandateFixture.bothKeys());

        assertThat(check.mandate().purposes()).containsExactly("utility", "refund");
        assertThat(Mandates.signingString(check.mandate())).isEqualTo(MandateFixture.canonical());
        assertThat(check.verified()).isTrue();
    }

    @Test
    void paddingIsOptionalAndSurroundingWhitespaceIsIgnored() throws Exception {
        String text = MandateFixture.JSON.writeValueAsString(MandateFixture.goldenPayload());
        // Trailing JSON whitespace makes the length not a multiple of 3, so the padded form has '='.
        byte[] json = (text.length() % 3 == 0 ? text + " " : text).getBytes(StandardCharsets.UTF_8);
        String padded = Base64.getUrlEncoder().encodeToString(json);
        String unpadded = Base64.getUrlEncoder().withoutPadding().encodeToString(json);
        assertThat(padded).endsWith("=").isNotEqualTo(unpadded);

        for (String token : List.of(padded, unpadded, "  " + unpadded + "\n")) {
            MandateVerification check = Mandates.verify(token, MandateFixture.bothKeys());
            assertThat(check.verified()).as(token.length() + " characters").isTrue();
            assertThat(check.mandate()).isEqualTo(Mandates.decode(MandateFixture.goldenToken()));
        }
    }
}
