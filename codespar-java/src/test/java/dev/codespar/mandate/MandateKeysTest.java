package dev.codespar.mandate;

import static dev.codespar.mandate.MandateFixture.HEX;
import static dev.codespar.mandate.MandateFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keys as raw 32 bytes or 64 hex digits; strict factories throw, the lenient one follows the official rule. */
class MandateKeysTest {

    private static final String AGENT_HEX = text("agent_pubkey_hex");
    private static final String ISSUER_HEX = text("issuer_pubkey_hex");

    @Test
    void hexWithOrWithout0xInEitherCaseAndSurroundingWhitespaceIsTheSameKey() {
        MandateKeys expected = MandateKeys.of(MandateFixture.agentKey(), MandateFixture.issuerKey());

        for (String[] spelling : new String[][] {
            {AGENT_HEX, ISSUER_HEX},
            {"0x" + AGENT_HEX, "0X" + ISSUER_HEX},
            {AGENT_HEX.toUpperCase(Locale.ROOT), "0x" + ISSUER_HEX.toUpperCase(Locale.ROOT)},
            {" " + AGENT_HEX + "\n", "\t0x" + ISSUER_HEX + " "}
        }) {
            MandateKeys keys = MandateKeys.of(spelling[0], spelling[1]);
            assertThat(keys).isEqualTo(expected).hasSameHashCodeAs(expected);
            assertThat(Mandates.verify(MandateFixture.goldenToken(), keys).verified()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "xyz", "0x", "70940e2c", "zz",
        "0x0x70940e2c00698a520339c07332ff35c05cad7b39d024a4f4737310e740b2ecc3",
        "70940e2c00698a520339c07332ff35c05cad7b39d024a4f4737310e740b2ecc",
        "70940e2c00698a520339c07332ff35c05cad7b39d024a4f4737310e740b2ecc3ff",
        "g0940e2c00698a520339c07332ff35c05cad7b39d024a4f4737310e740b2ecc3",
        "70940e2c00698a520339c07332ff35c05cad7b39d024a4f4737310e740b2ec\u0663",
        "70940e2c 0698a520339c07332ff35c05cad7b39d024a4f4737310e740b2ecc3"})
    void strictFactoriesRefuseTextThatIsNot64HexDigitsNamingWhichKey(String text) {
        assertThatThrownBy(() -> MandateKeys.of(text, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("agent key must be 64 hex digits");
        assertThatThrownBy(() -> MandateKeys.of(null, text)).hasMessageStartingWith("issuer key must be 64 hex");
        assertThatThrownBy(() -> MandateKeys.agent(text)).hasMessageStartingWith("agent key must be");
        assertThatThrownBy(() -> MandateKeys.issuer(text)).hasMessageStartingWith("issuer key must be");
        assertThatThrownBy(() -> MandateKeys.none().withAgent(text)).hasMessageStartingWith("agent key must be");
        assertThatThrownBy(() -> MandateKeys.none().withIssuer(text)).hasMessageStartingWith("issuer key must be");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 31, 33, 44, 64})
    void strictFactoriesRefuseBytesThatAreNot32Long(int length) {
        byte[] key = new byte[length];

        assertThatThrownBy(() -> MandateKeys.of(key, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("agent key must be a raw 32-byte Ed25519 public key, got " + length + " bytes");
        assertThatThrownBy(() -> MandateKeys.issuer(key))
                .hasMessage("issuer key must be a raw 32-byte Ed25519 public key, got " + length + " bytes");
    }

    @Test
    void lenientlyAMalformedKeyIsNoKeySoItsSignatureIsSkippedAsInTheOfficialSdks() {
        MandateVerification agentOnlyMalformed = Mandates.verify(MandateFixture.goldenToken(),
                MandateKeys.lenient("xyz", null));
        MandateVerification withGoodIssuer = Mandates.verify(MandateFixture.goldenToken(),
                MandateKeys.lenient(new byte[5], MandateFixture.issuerKey()));

        assertThat(MandateKeys.lenient("xyz", "0x12")).isEqualTo(MandateKeys.none());
        assertThat(agentOnlyMalformed.agent().status()).isEqualTo(SignatureStatus.SKIPPED);
        assertThat(agentOnlyMalformed.issuer().status()).isEqualTo(SignatureStatus.SKIPPED);
        assertThat(agentOnlyMalformed.verified()).isFalse();
        assertThat(withGoodIssuer.agent().status()).isEqualTo(SignatureStatus.SKIPPED);
        assertThat(withGoodIssuer.issuer().status()).isEqualTo(SignatureStatus.VERIFIED);
        assertThat(withGoodIssuer.verified()).isTrue();
    }

    @Test
    void lenientlyWellFormedKeysAreKept() {
        assertThat(MandateKeys.lenient("0X" + AGENT_HEX.toUpperCase(Locale.ROOT), ISSUER_HEX))
                .isEqualTo(MandateFixture.bothKeys());
        assertThat(MandateKeys.lenient(MandateFixture.agentKey(), MandateFixture.issuerKey()))
                .isEqualTo(MandateFixture.bothKeys());
    }

    @Test
    void a32ByteKeyThatIsNotACurvePointIsAcceptedAndFailsItsSignature() {
        byte[] notAPoint = new byte[32];
        Arrays.fill(notAPoint, (byte) 0xff);

        MandateVerification check = Mandates.verify(MandateFixture.goldenToken(),
                MandateKeys.of(notAPoint, MandateFixture.issuerKey()));

        assertThat(check.agent().status()).isEqualTo(SignatureStatus.FAILED);
        assertThat(check.verified()).isFalse();
    }

    @Test
    void factoriesSetOnlyTheirKey() {
        assertThat(MandateKeys.agent(AGENT_HEX).agentKey()).hasValueSatisfying(
                key -> assertThat(key).isEqualTo(MandateFixture.agentKey()));
        assertThat(MandateKeys.agent(AGENT_HEX).issuerKey()).isEmpty();
        assertThat(MandateKeys.issuer(MandateFixture.issuerKey()).agentKey()).isEmpty();
        assertThat(MandateKeys.issuer(ISSUER_HEX).withAgent(MandateFixture.agentKey()))
                .isEqualTo(MandateFixture.bothKeys());
        assertThat(MandateKeys.agent(MandateFixture.agentKey()).withIssuer(ISSUER_HEX))
                .isEqualTo(MandateFixture.bothKeys());
        assertThat(MandateKeys.none().agentKey()).isEmpty();
        assertThat(MandateKeys.none().issuerKey()).isEmpty();
        assertThat(MandateKeys.of((String) null, null)).isEqualTo(MandateKeys.none());
    }

    @Test
    void explicitNullInASingleKeyFactoryIsAProgrammingError() {
        assertThatThrownBy(() -> MandateKeys.agent((String) null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("MandateKeys.none()");
        assertThatThrownBy(() -> MandateKeys.none().withIssuer((byte[]) null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void keysAreCopiedInAndOut() {
        byte[] given = MandateFixture.agentKey();
        MandateKeys keys = MandateKeys.agent(given);
        given[0] ^= 1;
        keys.agentKey().orElseThrow()[1] ^= 1;

        assertThat(keys.agentKey().orElseThrow()).isEqualTo(MandateFixture.agentKey());
        assertThat(Mandates.verify(MandateFixture.goldenToken(), keys).agent().status())
                .isEqualTo(SignatureStatus.VERIFIED);
    }

    @Test
    void toStringShowsThePublicKeysInHex() {
        assertThat(MandateKeys.agent(AGENT_HEX)).hasToString("MandateKeys[agent=" + AGENT_HEX + ", issuer=none]");
        assertThat(HEX.formatHex(MandateKeys.issuer(ISSUER_HEX).issuerKey().orElseThrow())).isEqualTo(ISSUER_HEX);
    }
}
