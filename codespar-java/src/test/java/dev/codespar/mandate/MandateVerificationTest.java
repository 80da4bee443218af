package dev.codespar.mandate;

import static dev.codespar.mandate.MandateFixture.text;
import static dev.codespar.mandate.SignatureStatus.ABSENT;
import static dev.codespar.mandate.SignatureStatus.FAILED;
import static dev.codespar.mandate.SignatureStatus.SKIPPED;
import static dev.codespar.mandate.SignatureStatus.VERIFIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Per-signature statuses, the overall rule, the key id, and expiry at a given clock. */
class MandateVerificationTest {

    private static final String KID = "did:web:id.codespar.dev:org_demo:a1#1";
    private static final long EXPIRES_AT = 1735689600L;

    static Stream<Arguments> statusTable() {
        MandateKeys agentOnly = MandateKeys.agent(MandateFixture.agentKey());
        MandateKeys issuerOnly = MandateKeys.issuer(MandateFixture.issuerKey());
        MandateKeys wrongAgent = MandateKeys.of(MandateFixture.issuerKey(), MandateFixture.issuerKey());
        return Stream.of(
                Arguments.of("both keys", true, true, MandateFixture.bothKeys(), VERIFIED, VERIFIED, true),
                Arguments.of("agent key only", true, true, agentOnly, VERIFIED, SKIPPED, true),
                Arguments.of("issuer key only", true, true, issuerOnly, SKIPPED, VERIFIED, true),
                Arguments.of("no keys", true, true, MandateKeys.none(), SKIPPED, SKIPPED, false),
                Arguments.of("wrong agent key", true, true, wrongAgent, FAILED, VERIFIED, false),
                Arguments.of("no issuer_sig, both keys", true, false, MandateFixture.bothKeys(), VERIFIED, ABSENT,
                        true),
                Arguments.of("no issuer_sig, no issuer key", true, false, agentOnly, VERIFIED, ABSENT, true),
                Arguments.of("no agent_sig, agent key only", false, true, agentOnly, ABSENT, SKIPPED, false),
                Arguments.of("no signatures, both keys", false, false, MandateFixture.bothKeys(), ABSENT, ABSENT,
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statusTable")
    void eachSignatureGetsItsStatusAndTheTokenVerifiesWithOneVerifiedAndNoneFailed(String what, boolean agentSig,
            boolean issuerSig, MandateKeys keys, SignatureStatus agent, SignatureStatus issuer, boolean verified) {
        ObjectNode payload = MandateFixture.goldenPayload();
        if (!agentSig) {
            payload.remove("agent_sig");
        }
        if (!issuerSig) {
            payload.remove("issuer_sig");
        }

        MandateVerification check = Mandates.verify(MandateFixture.token(payload), keys);

        assertThat(check.agent()).isEqualTo(new SignatureCheck(agentSig, agent, Optional.of(KID)));
        assertThat(check.issuer()).isEqualTo(new SignatureCheck(issuerSig, issuer, Optional.empty()));
        assertThat(check.verified()).isEqualTo(verified);
    }

    static Stream<Arguments> malformedSignatures() {
        String good = text("agent_sig_b64url");
        return Stream.of(
                Arguments.of("empty", ""),
                Arguments.of("not base64url", "!!!not-a-signature!!!"),
                Arguments.of("standard alphabet", good.replace('-', '+').replace('_', '/')),
                Arguments.of("63 bytes", MandateFixture.tokenOfBytes(new byte[63])),
                Arguments.of("65 bytes", MandateFixture.tokenOfBytes(new byte[65])),
                Arguments.of("the right one twice", good + good),
                Arguments.of("a whitespace inside", good.substring(0, 10) + " " + good.substring(10)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedSignatures")
    void aMalformedSignatureIsFailedNeverAnException(String what, String signature) {
        ObjectNode payload = MandateFixture.goldenPayload();
        payload.put("agent_sig", signature);

        MandateVerification checked = Mandates.verify(MandateFixture.token(payload), MandateFixture.bothKeys());
        MandateVerification unchecked = Mandates.verify(MandateFixture.token(payload),
                MandateKeys.issuer(MandateFixture.issuerKey()));

        assertThat(checked.agent().status()).isEqualTo(FAILED);
        assertThat(checked.agent().present()).isTrue();
        assertThat(checked.verified()).isFalse();
        assertThat(unchecked.agent().status()).isEqualTo(SKIPPED);
        assertThat(unchecked.verified()).isTrue();
    }

    @Test
    void aPaddedSignatureIsTheSameSignature() {
        ObjectNode payload = MandateFixture.goldenPayload();
        payload.put("agent_sig", text("agent_sig_b64url") + "==");

        assertThat(Mandates.verify(MandateFixture.token(payload), MandateFixture.bothKeys()).agent().status())
                .isEqualTo(VERIFIED);
    }

    @Test
    void theKidIsTheEnvelopeKidElseAgentKidAndTheAgentDidDropsTheFragment() {
        ObjectNode noKid = MandateFixture.goldenPayload();
        noKid.remove("kid");
        ObjectNode emptyKid = MandateFixture.goldenPayload();
        emptyKid.put("kid", "");
        ObjectNode otherKid = MandateFixture.goldenPayload();
        otherKid.put("kid", "did:web:example.com#k2");
        ObjectNode fragmentless = MandateFixture.goldenPayload();
        fragmentless.put("kid", "did:web:example.com");

        assertThat(kidAndDid(noKid)).containsExactly(Optional.of(KID),
                Optional.of("did:web:id.codespar.dev:org_demo:a1"));
        assertThat(kidAndDid(emptyKid)).containsExactly(Optional.of(KID),
                Optional.of("did:web:id.codespar.dev:org_demo:a1"));
        assertThat(kidAndDid(otherKid)).containsExactly(Optional.of("did:web:example.com#k2"),
                Optional.of("did:web:example.com"));
        assertThat(kidAndDid(fragmentless)).containsExactly(Optional.of("did:web:example.com"),
                Optional.of("did:web:example.com"));
    }

    @Test
    void withNeitherKidNorAgentKidThereIsNoKidAndTheAgentCheckHasNone() {
        ObjectNode v2 = MandateFixture.goldenPayload();
        v2.put("format_version", 2);
        v2.remove("agent_kid");
        v2.remove("principal_kyc_ref");
        v2.remove("kid");

        MandateVerification check = Mandates.verify(MandateFixture.token(v2), MandateKeys.none());

        assertThat(check.kid()).isEmpty();
        assertThat(check.agentDid()).isEmpty();
        assertThat(check.agent().kid()).isEmpty();
    }

    @Test
    void verifyingADecodedMandateGivesTheSameVerdictAsVerifyingItsToken() {
        Mandate mandate = Mandates.decode(MandateFixture.goldenToken());

        assertThat(Mandates.verify(mandate, MandateFixture.bothKeys()))
                .isEqualTo(Mandates.verify(MandateFixture.goldenToken(), MandateFixture.bothKeys()));
    }

    @Test
    void expiryIsStrictlyAfterExpiresAtToTheMillisecond() {
        Mandate mandate = Mandates.decode(MandateFixture.goldenToken());

        assertThat(mandate.isExpired(clockAt(Instant.ofEpochSecond(EXPIRES_AT - 1)))).isFalse();
        assertThat(mandate.isExpired(clockAt(Instant.ofEpochSecond(EXPIRES_AT)))).isFalse();
        assertThat(mandate.isExpired(clockAt(Instant.ofEpochSecond(EXPIRES_AT, 999_999)))).isFalse();
        assertThat(mandate.isExpired(clockAt(Instant.ofEpochSecond(EXPIRES_AT).plusMillis(1)))).isTrue();
        assertThat(mandate.isExpired(clockAt(Instant.ofEpochSecond(EXPIRES_AT + 1)))).isTrue();
    }

    @Test
    void verifiedAtIsVerifiedAndNotExpired() {
        MandateVerification good = Mandates.verify(MandateFixture.goldenToken(), MandateFixture.bothKeys());
        MandateVerification unverified = Mandates.verify(MandateFixture.goldenToken(), MandateKeys.none());
        Clock before = clockAt(Instant.ofEpochSecond(EXPIRES_AT - 60));
        Clock after = clockAt(Instant.ofEpochSecond(EXPIRES_AT + 60));

        assertThat(good.verified()).isTrue();
        assertThat(good.verifiedAt(before)).isTrue();
        assertThat(good.isExpired(before)).isFalse();
        assertThat(good.verifiedAt(after)).isFalse();
        assertThat(good.isExpired(after)).isTrue();
        assertThat(good.verified()).as("the official verdict ignores expiry").isTrue();
        assertThat(unverified.verifiedAt(before)).isFalse();
    }

    @Test
    void expiresAtBeyondTheRangeOfInstantIsClampedAndStillCompared() {
        Mandate far = Mandates.decode(MandateFixture.goldenToken()).toBuilder().expiresAt(Long.MAX_VALUE).build();
        Mandate past = far.toBuilder().expiresAt(Long.MIN_VALUE).build();

        assertThat(far.expiresAtInstant()).isEqualTo(Instant.MAX);
        assertThat(past.expiresAtInstant()).isEqualTo(Instant.MIN);
        assertThat(far.isExpired(clockAt(Instant.ofEpochSecond(EXPIRES_AT)))).isFalse();
        assertThat(past.isExpired(clockAt(Instant.ofEpochSecond(EXPIRES_AT)))).isTrue();
    }

    @Test
    void toStringLeavesOutTheKycReferenceAndTheSignatures() {
        MandateVerification check = Mandates.verify(MandateFixture.goldenToken(), MandateFixture.bothKeys());

        assertThat(check.toString())
                .contains("id=mnd_v3_abc...", "principalKycRef=present", "agentSig=present")
                .doesNotContain("kyc_celcoin_11144477735")
                .doesNotContain(text("agent_sig_b64url").substring(0, 16))
                .doesNotContain(text("issuer_sig_b64url").substring(0, 16))
                .doesNotContain(text("hmac_sha256_hex").substring(0, 16));
    }

    @Test
    void aSignatureCheckMustAgreeWithItself() {
        assertThatThrownBy(() -> new SignatureCheck(true, ABSENT, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignatureCheck(false, VERIFIED, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHandBuiltMandateChecksItsRequiredFieldsAndKeepsUnknownTypesAsText() {
        Mandate.Builder builder = Mandate.builder().id("m").agentId("a").type("refund").amount("1").currency("BRL")
                .purposes(List.of("x"));

        assertThat(builder.build().mandateType()).isEqualTo(MandateType.UNKNOWN);
        assertThat(builder.build().type()).isEqualTo("refund");
        assertThatThrownBy(() -> builder.formatVersion(1).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mandate.builder().build()).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Mandate.builder().type(MandateType.UNKNOWN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(MandateType.fromWire("subscription")).isEqualTo(MandateType.SUBSCRIPTION);
        assertThat(MandateType.fromWire(null)).isEqualTo(MandateType.UNKNOWN);
    }

    private static List<Optional<String>> kidAndDid(ObjectNode payload) {
        MandateVerification check = Mandates.verify(MandateFixture.token(payload), MandateFixture.bothKeys());
        assertThat(check.agent().kid()).isEqualTo(check.kid());
        return List.of(check.kid(), check.agentDid());
    }

    private static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
