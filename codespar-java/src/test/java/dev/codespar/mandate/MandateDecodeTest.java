package dev.codespar.mandate;

import static dev.codespar.mandate.MandateFormatException.Reason.INVALID_PAYLOAD;
import static dev.codespar.mandate.MandateFormatException.Reason.MANDATE_FORMAT_UNSUPPORTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.mandate.MandateFormatException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A token that cannot be decoded is a typed exception naming why; the message never quotes the token. */
class MandateDecodeTest {

    static Stream<Arguments> tokensThatAreNotBase64UrlJsonObjects() {
        String golden = MandateFixture.JSON.valueToTree(MandateFixture.goldenPayload()).toString();
        return Stream.of(
                Arguments.of("not base64url at all", "!!!nope!!!"),
                Arguments.of("empty", ""),
                Arguments.of("whitespace inside", MandateFixture.goldenToken().substring(0, 40) + " "
                        + MandateFixture.goldenToken().substring(40)),
                Arguments.of("a lone final character", MandateFixture.goldenToken().substring(0, 41)),
                Arguments.of("wrong padding", "e30=="),
                Arguments.of("base64url of text", MandateFixture.tokenOfText("not json")),
                Arguments.of("base64url of nothing but whitespace", MandateFixture.tokenOfText("   ")),
                Arguments.of("an array", MandateFixture.tokenOfText("[" + golden + "]")),
                Arguments.of("a string", MandateFixture.tokenOfText("\"mandate\"")),
                Arguments.of("a number", MandateFixture.tokenOfText("3")),
                Arguments.of("null", MandateFixture.tokenOfText("null")),
                Arguments.of("content after the object", MandateFixture.tokenOfText(golden + " {}")),
                Arguments.of("a repeated key", MandateFixture.tokenOfText(
                        golden.replaceFirst("\\{", "{\"amount\":\"1\","))),
                Arguments.of("a comment", MandateFixture.tokenOfText("/* x */" + golden)),
                Arguments.of("a byte-order mark", MandateFixture.tokenOfText("\uFEFF" + golden)),
                Arguments.of("bytes that are not UTF-8", MandateFixture.tokenOfBytes(
                        withInvalidUtf8(golden))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokensThatAreNotBase64UrlJsonObjects")
    void aTokenThatIsNotBase64UrlJsonOfAnObjectIsInvalidPayload(String what, String token) {
        assertRefused(token, INVALID_PAYLOAD, null);
    }

    @Test
    void theStandardBase64AlphabetIsRefusedWhereBase64UrlOfTheSameBytesDecodes() {
        ObjectNode payload = MandateFixture.goldenPayload();
        // Six '?' (0x3F) hold an aligned 3-byte group whatever precedes them, and 0x3F3F3F encodes as "Pz8/".
        payload.put("note", "??????");
        String json = payload.toString();
        String standard = Base64.getEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        assertThat(standard).contains("/");
        assertThat(Mandates.decode(MandateFixture.tokenOfText(json)).id()).isEqualTo("mnd_v3_abc...");

        assertRefused(standard, INVALID_PAYLOAD, null);
    }

    static Stream<Arguments> unsupportedFormatVersions() {
        return Stream.of(
                Arguments.of("missing", change(p -> p.remove("format_version"))),
                Arguments.of("1", change(p -> p.put("format_version", 1))),
                Arguments.of("0", change(p -> p.put("format_version", 0))),
                Arguments.of("-3", change(p -> p.put("format_version", -3))),
                Arguments.of("a string", change(p -> p.put("format_version", "3"))),
                Arguments.of("3.0", change(p -> p.put("format_version", 3.0))),
                Arguments.of("3.5", change(p -> p.put("format_version", 3.5))),
                Arguments.of("a boolean", change(p -> p.put("format_version", true))),
                Arguments.of("null", change(p -> p.putNull("format_version"))),
                Arguments.of("beyond int", change(p -> p.put("format_version", 1L << 40))),
                Arguments.of("1, checked before any other field", change(p -> {
                    p.put("format_version", 1);
                    p.remove("id");
                    p.remove("signature");
                })));
    }

    @ParameterizedTest(name = "format_version {0}")
    @MethodSource("unsupportedFormatVersions")
    void aFormatVersionThatIsNotAnIntegerOfAtLeastTwoIsUnsupported(String what, Consumer<ObjectNode> tamper) {
        ObjectNode payload = MandateFixture.goldenPayload();
        tamper.accept(payload);

        assertRefused(MandateFixture.token(payload), MANDATE_FORMAT_UNSUPPORTED, "format_version");
    }

    static Stream<Arguments> fieldsMissingOrOfTheWrongType() {
        List<Arguments> cases = new ArrayList<>();
        for (String field : List.of("id", "agent_id", "type", "amount", "currency", "purposes", "expires_at",
                "secret_version", "principal_kyc_ref", "agent_kid", "signature")) {
            cases.add(Arguments.of(field + " missing", field, change(p -> p.remove(field))));
            cases.add(Arguments.of(field + " null", field, change(p -> p.putNull(field))));
        }
        cases.add(Arguments.of("id a number", "id", change(p -> p.put("id", 5))));
        cases.add(Arguments.of("agent_id an object", "agent_id", change(p -> p.putObject("agent_id"))));
        cases.add(Arguments.of("type not a mandate type", "type", change(p -> p.put("type", "refund"))));
        cases.add(Arguments.of("type in another case", "type", change(p -> p.put("type", "Payment"))));
        cases.add(Arguments.of("amount a number", "amount", change(p -> p.put("amount", 5000))));
        cases.add(Arguments.of("currency an array", "currency", change(p -> p.putArray("currency"))));
        cases.add(Arguments.of("purposes a string", "purposes", change(p -> p.put("purposes", "refund"))));
        cases.add(Arguments.of("purposes with a number", "purposes",
                change(p -> p.putArray("purposes").add("refund").add(1))));
        cases.add(Arguments.of("purposes with null", "purposes",
                change(p -> p.putArray("purposes").add("refund").addNull())));
        cases.add(Arguments.of("expires_at a string", "expires_at", change(p -> p.put("expires_at", "1735689600"))));
        cases.add(Arguments.of("expires_at with a fraction", "expires_at", change(p -> p.put("expires_at", 1.5))));
        cases.add(Arguments.of("expires_at beyond long", "expires_at",
                change(p -> p.put("expires_at", new java.math.BigInteger("99999999999999999999")))));
        cases.add(Arguments.of("secret_version a boolean", "secret_version",
                change(p -> p.put("secret_version", true))));
        cases.add(Arguments.of("principal_kyc_ref a number", "principal_kyc_ref",
                change(p -> p.put("principal_kyc_ref", 1))));
        cases.add(Arguments.of("agent_kid a boolean", "agent_kid", change(p -> p.put("agent_kid", false))));
        cases.add(Arguments.of("max_amount a number", "max_amount", change(p -> p.put("max_amount", 10))));
        cases.add(Arguments.of("parent_id an array", "parent_id", change(p -> p.putArray("parent_id"))));
        cases.add(Arguments.of("denomination a boolean", "denomination", change(p -> p.put("denomination", true))));
        cases.add(Arguments.of("signature a number", "signature", change(p -> p.put("signature", 5))));
        cases.add(Arguments.of("V2 with agent_kid a number", "agent_kid", change(p -> {
            p.put("format_version", 2);
            p.put("agent_kid", 7);
        })));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fieldsMissingOrOfTheWrongType")
    void aFieldMissingOrOfTheWrongTypeIsInvalidPayloadNamingTheField(String what, String field,
            Consumer<ObjectNode> tamper) {
        ObjectNode payload = MandateFixture.goldenPayload();
        tamper.accept(payload);

        assertRefused(MandateFixture.token(payload), INVALID_PAYLOAD, field);
    }

    @Test
    void theMessageSaysWhatIsWrongWithoutQuotingTheValue() {
        ObjectNode payload = MandateFixture.goldenPayload();
        payload.put("amount", 5000);

        assertThatThrownBy(() -> Mandates.decode(MandateFixture.token(payload)))
                .hasMessage("invalid_payload: field 'amount' must be a string, got the integer 5000");
        payload.put("amount", "5000");
        payload.put("type", "secret-looking-type");
        assertThatThrownBy(() -> Mandates.decode(MandateFixture.token(payload)))
                .hasMessage("invalid_payload: field 'type' must be payment, subscription or delegation");
    }

    @Test
    void aV2TokenNeedsNeitherV3FieldAndAV4TokenNeedsNeither() {
        ObjectNode v2 = MandateFixture.goldenPayload();
        v2.put("format_version", 2);
        v2.remove("principal_kyc_ref");
        v2.remove("agent_kid");
        ObjectNode v4 = v2.deepCopy();
        v4.put("format_version", 4);

        assertThat(Mandates.decode(MandateFixture.token(v2)).principalKycRef()).isNull();
        assertThat(Mandates.decode(MandateFixture.token(v4)).formatVersion()).isEqualTo(4);
    }

    @Test
    void nullOptionalFieldsAndNonStringEnvelopeMembersCountAsAbsentAsInTheOfficialDecoders() {
        ObjectNode payload = MandateFixture.goldenPayload();
        payload.put("agent_sig", 12);
        payload.putObject("issuer_sig");
        payload.putNull("kid");
        payload.putNull("max_amount");
        payload.remove("denomination");

        MandateVerification check = Mandates.verify(MandateFixture.token(payload), MandateFixture.bothKeys());

        assertThat(check.mandate().agentSig()).isNull();
        assertThat(check.mandate().issuerSig()).isNull();
        assertThat(check.mandate().kid()).isNull();
        assertThat(check.agent().status()).isEqualTo(SignatureStatus.ABSENT);
        assertThat(check.issuer().status()).isEqualTo(SignatureStatus.ABSENT);
        assertThat(check.verified()).isFalse();
        assertThat(check.kid()).contains("did:web:id.codespar.dev:org_demo:a1#1");
    }

    @Test
    void anEmptySignatureStringIsAccepted() {
        ObjectNode payload = MandateFixture.goldenPayload();
        payload.put("signature", "");

        assertThat(Mandates.decode(MandateFixture.token(payload)).signature()).isEmpty();
    }

    @Test
    void verifyRefusesAnUndecodableTokenWithTheSameTypedException() {
        assertThatThrownBy(() -> Mandates.verify("!!!", MandateFixture.bothKeys()))
                .isInstanceOf(MandateFormatException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid_payload: ");
    }

    @Test
    void nullArgumentsAreProgrammingErrors() {
        assertThatThrownBy(() -> Mandates.decode(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Mandates.verify(MandateFixture.goldenToken(), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Mandates.signingString(null)).isInstanceOf(NullPointerException.class);
    }

    private static void assertRefused(String token, Reason reason, String field) {
        assertThatThrownBy(() -> Mandates.decode(token))
                .isInstanceOfSatisfying(MandateFormatException.class, e -> {
                    assertThat(e.getReason()).isEqualTo(reason);
                    assertThat(e.getCode()).isEqualTo(reason.code());
                    assertThat(e.getMessage()).startsWith(reason.code() + ": ");
                    if (field == null) {
                        assertThat(e.getField()).isEmpty();
                    } else {
                        assertThat(e.getField()).contains(field);
                        assertThat(e.getMessage()).contains("field '" + field + "'");
                    }
                    // A bearer credential: no piece of it (beyond what any token starts with) in the message.
                    if (token.length() >= 12) {
                        assertThat(e.getMessage()).doesNotContain(token.substring(2, 12));
                    }
                    assertThat(e.getMessage()).doesNotContain("mnd_v3_abc").doesNotContain("kyc_celcoin");
                    assertThat(e.getCause()).isNull();
                });
    }

    private static byte[] withInvalidUtf8(String json) {
        byte[] bytes = json.replace("BRL", "B#L").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '#') {
                bytes[i] = (byte) 0xC3;   // a lead byte followed by 'L', not a continuation byte
            }
        }
        return bytes;
    }

    private static Consumer<ObjectNode> change(Consumer<ObjectNode> tamper) {
        return tamper;
    }
}
