package dev.codespar.mandate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The signing string: order, escaping, versions. Each expected string is written out by hand, and where it matters
 * a token whose signatures cover that hand-written string is checked to verify end to end.
 */
class SigningStringTest {

    private static final String V3_TAIL = ":1:kyc_celcoin_11144477735:did:web:id.codespar.dev:org_demo:a1#1";

    @Test
    void purposesAreSortedByUtf16CodeUnitsNotByCodePoints() {
        String emoji = "\uD83D\uDE00";        // U+1F600: UTF-16 D83D DE00
        String halfwidth = "\uFF61";           // U+FF61: one unit, above D83D
        // Code-point order puts U+FF61 first; UTF-16 order (JavaScript's sort, String.compareTo) puts the emoji first.
        assertThat(halfwidth.codePointAt(0)).isLessThan(emoji.codePointAt(0));
        assertThat(emoji.compareTo(halfwidth)).isNegative();

        Mandate m = goldenFields().purposes(List.of(halfwidth, "b", emoji, "a")).build();

        assertThat(Mandates.signingString(m))
                .isEqualTo("3:mnd_v3_abc...:a1:delegation:5000:BRL:a,b," + emoji + "," + halfwidth
                        + ":1735689600::::1:kyc_celcoin_11144477735:did:web:id.codespar.dev:org_demo:a1#1");
    }

    @Test
    void aTokenSignedOverTheUtf16SortedPurposesVerifies() {
        ObjectNode fields = MandateFixture.input();
        fields.putArray("purposes").add("\uFF61").add("\uD83D\uDE00");
        String expected = "3:mnd_v3_abc...:a1:delegation:5000:BRL:\uD83D\uDE00,\uFF61:1735689600:::" + V3_TAIL;

        MandateVerification check = Mandates.verify(MandateFixture.signedToken(fields, expected),
                MandateFixture.bothKeys());

        assertThat(check.verified()).isTrue();
        assertThat(check.agent().status()).isEqualTo(SignatureStatus.VERIFIED);
        assertThat(check.issuer().status()).isEqualTo(SignatureStatus.VERIFIED);
    }

    @Test
    void backslashIsEscapedFirstThenComma() {
        // Sorted: "\," (0x5C) < "a,b" (0x61) < "c\d" (0x63); then \ -> \\ and , -> \, in each.
        Mandate m = goldenFields().purposes(List.of("c\\d", "a,b", "\\,")).build();

        assertThat(Mandates.signingString(m)).contains(":BRL:\\\\\\,,a\\,b,c\\\\d:1735689600:");
    }

    @Test
    void aTokenSignedOverEscapedPurposesVerifiesAndTheUnescapedOnesDoNot() {
        ObjectNode fields = MandateFixture.input();
        fields.putArray("purposes").add("x,y").add("a\\b");
        String escaped = "3:mnd_v3_abc...:a1:delegation:5000:BRL:a\\\\b,x\\,y:1735689600:::" + V3_TAIL;
        String unescaped = "3:mnd_v3_abc...:a1:delegation:5000:BRL:a\\b,x,y:1735689600:::" + V3_TAIL;

        assertThat(Mandates.verify(MandateFixture.signedToken(fields, escaped), MandateFixture.bothKeys())
                .verified()).isTrue();
        assertThat(Mandates.verify(MandateFixture.signedToken(fields, unescaped), MandateFixture.bothKeys())
                .verified()).isFalse();
    }

    @Test
    void noPurposesIsAnEmptyField() {
        Mandate m = goldenFields().purposes(List.of()).build();

        assertThat(Mandates.signingString(m)).isEqualTo(
                "3:mnd_v3_abc...:a1:delegation:5000:BRL::1735689600:::" + V3_TAIL);
    }

    @Test
    void formatVersion2HasTwelveFieldsWithoutTheV3OnesEvenWhenTheTokenCarriesThem() {
        Mandate withV3Fields = goldenFields().formatVersion(2).build();
        Mandate withoutThem = goldenFields().formatVersion(2).principalKycRef(null).agentKid(null).build();
        String expected = "2:mnd_v3_abc...:a1:delegation:5000:BRL:refund,utility:1735689600::::1";

        assertThat(Mandates.signingString(withV3Fields)).isEqualTo(expected);
        assertThat(Mandates.signingString(withoutThem)).isEqualTo(expected);
        assertThat(expected.chars().filter(c -> c == ':').count()).isEqualTo(11);
    }

    @Test
    void aV2TokenVerifiesOverItsTwelveFieldString() {
        ObjectNode fields = MandateFixture.input();
        fields.put("format_version", 2);
        fields.put("type", "payment");
        fields.put("amount", "99.5");
        fields.put("max_amount", "150");
        fields.put("parent_id", "mnd_parent");
        fields.put("denomination", "centavos");
        fields.remove("principal_kyc_ref");
        fields.remove("agent_kid");
        String expected = "2:mnd_v3_abc...:a1:payment:99.5:BRL:refund,utility:1735689600:150:mnd_parent:centavos:1";

        MandateVerification check = Mandates.verify(MandateFixture.signedToken(fields, expected),
                MandateFixture.bothKeys());

        assertThat(Mandates.signingString(check.mandate())).isEqualTo(expected);
        assertThat(check.verified()).isTrue();
        assertThat(check.kid()).isEmpty();
        assertThat(check.agentDid()).isEmpty();
    }

    @Test
    void formatVersion3AndLaterAppendTheV3FieldsEmptyWhenAbsent() {
        Mandate v4 = goldenFields().formatVersion(4).principalKycRef(null).agentKid(null).build();

        assertThat(Mandates.signingString(v4))
                .isEqualTo("4:mnd_v3_abc...:a1:delegation:5000:BRL:refund,utility:1735689600::::1::");
    }

    @Test
    void optionalFieldsAppearInTheirPlacesAndColonsInsideFieldsStayVerbatim() {
        Mandate m = goldenFields().maxAmount("9000").parentId("mnd:parent").denomination("BRL").build();

        assertThat(Mandates.signingString(m)).isEqualTo("3:mnd_v3_abc...:a1:delegation:5000:BRL:refund,utility"
                + ":1735689600:9000:mnd:parent:BRL" + V3_TAIL);
    }

    @Test
    void numbersAreTheirDecimalText() {
        Mandate m = goldenFields().expiresAt(-5L).secretVersion(12345678901L).build();

        assertThat(Mandates.signingString(m)).isEqualTo("3:mnd_v3_abc...:a1:delegation:5000:BRL:refund,utility"
                + ":-5::::12345678901:kyc_celcoin_11144477735:did:web:id.codespar.dev:org_demo:a1#1");
    }

    @Test
    void theEnvelopeIsNotPartOfTheSigningString() {
        Mandate bare = goldenFields().build();
        Mandate enveloped = bare.toBuilder().signature("ab").agentSig("cd").issuerSig("ef").kid("did:x:y#2").build();

        assertThat(Mandates.signingString(enveloped)).isEqualTo(Mandates.signingString(bare))
                .isEqualTo(MandateFixture.canonical());
    }

    private static Mandate.Builder goldenFields() {
        return Mandate.builder()
                .formatVersion(3).id("mnd_v3_abc...").agentId("a1").type("delegation").amount("5000")
                .currency("BRL").purposes(List.of("refund", "utility")).expiresAt(1735689600L).secretVersion(1)
                .principalKycRef("kyc_celcoin_11144477735").agentKid("did:web:id.codespar.dev:org_demo:a1#1");
    }
}
