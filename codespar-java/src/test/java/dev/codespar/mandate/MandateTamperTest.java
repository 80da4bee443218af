package dev.codespar.mandate;

import static dev.codespar.mandate.MandateFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Any one-byte change to a signed field, a signature or a key makes the verdict fail. */
class MandateTamperTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /** Every signed field of the fixture, changed by one byte where a one-byte change still decodes. */
    static Stream<Arguments> oneByteChangesToSignedFields() {
        List<Arguments> cases = new ArrayList<>();
        for (String field : List.of("id", "agent_id", "amount", "currency", "principal_kyc_ref", "agent_kid")) {
            cases.add(Arguments.of(field + ": first byte", change(p -> p.put(field, flipAt(p, field, 0)))));
            cases.add(Arguments.of(field + ": last byte",
                    change(p -> p.put(field, flipAt(p, field, p.get(field).textValue().length() - 1)))));
        }
        cases.add(Arguments.of("format_version: 3 -> 4 (same fields, other version digit)",
                change(p -> p.put("format_version", 4))));
        cases.add(Arguments.of("format_version: 3 -> 2 (drops the V3 tail)", change(p -> p.put("format_version", 2))));
        cases.add(Arguments.of("type: another valid type", change(p -> p.put("type", "payment"))));
        cases.add(Arguments.of("purposes: one byte of a purpose",
                change(p -> p.putArray("purposes").add("refund").add("utilitz"))));
        cases.add(Arguments.of("purposes: one more purpose",
                change(p -> p.putArray("purposes").add("refund").add("utility").add("x"))));
        cases.add(Arguments.of("purposes: one purpose less", change(p -> p.putArray("purposes").add("refund"))));
        cases.add(Arguments.of("expires_at: one second later", change(p -> p.put("expires_at", 1735689601L))));
        cases.add(Arguments.of("expires_at: last digit", change(p -> p.put("expires_at", 1735689609L))));
        cases.add(Arguments.of("secret_version: 1 -> 2", change(p -> p.put("secret_version", 2))));
        cases.add(Arguments.of("max_amount: null -> one byte", change(p -> p.put("max_amount", "1"))));
        cases.add(Arguments.of("parent_id: null -> one byte", change(p -> p.put("parent_id", "p"))));
        cases.add(Arguments.of("denomination: null -> one byte", change(p -> p.put("denomination", "d"))));
        cases.add(Arguments.of("principal_kyc_ref: one byte more",
                change(p -> p.put("principal_kyc_ref", p.get("principal_kyc_ref").textValue() + "5"))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneByteChangesToSignedFields")
    void aChangedSignedFieldFailsBothSignatures(String change, Consumer<ObjectNode> tamper) {
        ObjectNode payload = MandateFixture.goldenPayload();
        tamper.accept(payload);

        MandateVerification check = Mandates.verify(MandateFixture.token(payload), MandateFixture.bothKeys());

        assertThat(Mandates.signingString(check.mandate())).isNotEqualTo(MandateFixture.canonical());
        assertThat(check.agent().status()).isEqualTo(SignatureStatus.FAILED);
        assertThat(check.issuer().status()).isEqualTo(SignatureStatus.FAILED);
        assertThat(check.verified()).isFalse();
    }

    @Test
    void aOneByteChangeOfTypeIsNoLongerAMandateType() {
        ObjectNode payload = MandateFixture.goldenPayload();
        payload.put("type", "delegatioN");

        assertThatThrownBy(() -> Mandates.verify(MandateFixture.token(payload), MandateFixture.bothKeys()))
                .isInstanceOfSatisfying(MandateFormatException.class, e -> {
                    assertThat(e.getReason()).isEqualTo(MandateFormatException.Reason.INVALID_PAYLOAD);
                    assertThat(e.getField()).contains("type");
                });
    }

    static Stream<Arguments> everyCharacterOfEachSignature() {
        return Stream.of("agent_sig", "issuer_sig").flatMap(field -> IntStream
                .range(0, text(field + "_b64url").length())
                .mapToObj(position -> Arguments.of(field, position)));
    }

    @ParameterizedTest(name = "{0} character {1}")
    @MethodSource("everyCharacterOfEachSignature")
    void anyOtherCharacterAnywhereInASignatureFailsIt(String field, int position) {
        String signature = text(field + "_b64url");
        char original = signature.charAt(position);
        // The neighbour in the alphabet: for the last character it differs only in bits the bytes do not use,
        // which the official decoders ignore and this one refuses as non-canonical.
        char other = ALPHABET.charAt((ALPHABET.indexOf(original) + 1) % ALPHABET.length());
        ObjectNode payload = MandateFixture.goldenPayload();
        payload.put(field, signature.substring(0, position) + other + signature.substring(position + 1));

        MandateVerification check = Mandates.verify(MandateFixture.token(payload), MandateFixture.bothKeys());

        SignatureCheck tampered = field.equals("agent_sig") ? check.agent() : check.issuer();
        SignatureCheck intact = field.equals("agent_sig") ? check.issuer() : check.agent();
        assertThat(tampered.status()).isEqualTo(SignatureStatus.FAILED);
        assertThat(intact.status()).isEqualTo(SignatureStatus.VERIFIED);
        assertThat(check.verified()).isFalse();
    }

    static Stream<Arguments> everyByteOfEachSignature() {
        return Stream.of("agent_sig", "issuer_sig")
                .flatMap(field -> IntStream.range(0, 64).mapToObj(index -> Arguments.of(field, index)));
    }

    @ParameterizedTest(name = "{0} byte {1}")
    @MethodSource("everyByteOfEachSignature")
    void anyChangedByteOfASignatureFailsIt(String field, int index) {
        byte[] bytes = java.util.Base64.getUrlDecoder().decode(text(field + "_b64url"));
        bytes[index] ^= 0x01;
        ObjectNode payload = MandateFixture.goldenPayload();
        payload.put(field, MandateFixture.tokenOfBytes(bytes));

        MandateVerification check = Mandates.verify(MandateFixture.token(payload), MandateFixture.bothKeys());

        assertThat((field.equals("agent_sig") ? check.agent() : check.issuer()).status())
                .isEqualTo(SignatureStatus.FAILED);
        assertThat(check.verified()).isFalse();
    }

    static Stream<Arguments> everyByteOfEachKey() {
        return Stream.of("agent", "issuer")
                .flatMap(which -> IntStream.range(0, 32).mapToObj(index -> Arguments.of(which, index)));
    }

    @ParameterizedTest(name = "{0} key byte {1}")
    @MethodSource("everyByteOfEachKey")
    void anyChangedByteOfAKeyFailsItsSignature(String which, int index) {
        byte[] agent = MandateFixture.agentKey();
        byte[] issuer = MandateFixture.issuerKey();
        (which.equals("agent") ? agent : issuer)[index] ^= 0x01;

        MandateVerification check = Mandates.verify(MandateFixture.goldenToken(), MandateKeys.of(agent, issuer));

        SignatureCheck changed = which.equals("agent") ? check.agent() : check.issuer();
        SignatureCheck intact = which.equals("agent") ? check.issuer() : check.agent();
        assertThat(changed.status()).isEqualTo(SignatureStatus.FAILED);
        assertThat(intact.status()).isEqualTo(SignatureStatus.VERIFIED);
        assertThat(check.verified()).isFalse();
    }

    @Test
    void swappedSignaturesFailBoth() {
        ObjectNode payload = MandateFixture.goldenPayload();
        payload.put("agent_sig", text("issuer_sig_b64url"));
        payload.put("issuer_sig", text("agent_sig_b64url"));

        MandateVerification check = Mandates.verify(MandateFixture.token(payload), MandateFixture.bothKeys());

        assertThat(check.agent().status()).isEqualTo(SignatureStatus.FAILED);
        assertThat(check.issuer().status()).isEqualTo(SignatureStatus.FAILED);
    }

    @Test
    void swappedKeysFailBoth() {
        MandateVerification check = Mandates.verify(MandateFixture.goldenToken(),
                MandateKeys.of(MandateFixture.issuerKey(), MandateFixture.agentKey()));

        assertThat(check.agent().status()).isEqualTo(SignatureStatus.FAILED);
        assertThat(check.issuer().status()).isEqualTo(SignatureStatus.FAILED);
        assertThat(check.verified()).isFalse();
    }

    @Test
    void theEnvelopeKidIsNotSignedSoChangingItKeepsTheVerdictButChangesTheReportedKid() {
        ObjectNode payload = MandateFixture.goldenPayload();
        payload.put("kid", "did:web:elsewhere.example:a9#7");

        MandateVerification check = Mandates.verify(MandateFixture.token(payload), MandateFixture.bothKeys());

        assertThat(check.verified()).isTrue();
        assertThat(check.kid()).contains("did:web:elsewhere.example:a9#7");
        assertThat(check.agentDid()).contains("did:web:elsewhere.example:a9");
        assertThat(check.mandate().agentKid()).isEqualTo("did:web:id.codespar.dev:org_demo:a1#1");
    }

    @Test
    void unknownExtraFieldsAreNotSignedAndIgnored() {
        ObjectNode payload = MandateFixture.goldenPayload();
        payload.put("note", "added later");

        assertThat(Mandates.verify(MandateFixture.token(payload), MandateFixture.bothKeys()).verified()).isTrue();
    }

    private static Consumer<ObjectNode> change(Consumer<ObjectNode> tamper) {
        return tamper;
    }

    /** The field's text with the character at {@code index} replaced by its neighbour (an ASCII one-byte change). */
    private static String flipAt(ObjectNode payload, String field, int index) {
        String value = payload.get(field).textValue();
        char replaced = value.charAt(index) == 'z' ? 'y' : (char) (value.charAt(index) + 1);
        return value.substring(0, index) + replaced + value.substring(index + 1);
    }
}
