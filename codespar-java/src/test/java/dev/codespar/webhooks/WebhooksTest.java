package dev.codespar.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.codespar.errors.CodeSparException;
import dev.codespar.webhooks.WebhookVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhooksTest {

    // Known vector, computed independently with:
    //   printf '%s' "$BODY" | openssl dgst -sha256 -hmac 'whsec_test_5f2b8c1e9a7d4036'
    private static final String SECRET = "whsec_test_5f2b8c1e9a7d4036";
    private static final String BODY = "{\"id\":\"dlv_1a2b3c4d\",\"event\":\"payment.confirmed\","
            + "\"trigger_id\":\"trg_0123456789abcdef\",\"created_at\":\"2026-05-02T10:00:00Z\","
            + "\"data\":{\"payment_id\":\"pay_1\",\"amount\":1000}}";
    private static final String SIGNATURE = "7e2d41113fe201c7d851f0121736b409376d42a6325021d1e8d81e50a14f7f39";

    private static byte[] body() {
        return BODY.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void computesTheKnownHmacSha256Vectors() {
        // RFC-style public vector (HMAC-SHA256, key "key"), and the CodeSpar-shaped one above
        assertThat(Webhooks.computeSignature(
                "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8), "key"))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
        assertThat(Webhooks.computeSignature(body(), SECRET)).isEqualTo(SIGNATURE);
    }

    @Test
    void aCorrectlySignedDeliveryParsesIntoAnEvent() {
        WebhookEvent event = Webhooks.constructEvent(body(), SIGNATURE, SECRET);

        assertThat(event.id()).isEqualTo("dlv_1a2b3c4d");
        assertThat(event.type()).isEqualTo("payment.confirmed");
        assertThat(event.triggerId()).isEqualTo("trg_0123456789abcdef");
        assertThat(event.serverId()).isNull();
        assertThat(event.createdAt()).isEqualTo(Instant.parse("2026-05-02T10:00:00Z"));
        assertThat(event.data().path("payment_id").asText()).isEqualTo("pay_1");
        assertThat(event.dataAs(Map.class)).containsEntry("amount", 1000);
        assertThat(event.raw().path("id").asText()).isEqualTo("dlv_1a2b3c4d");
    }

    @Test
    void theStringFormVerifiesTheUtf8Bytes() {
        assertThat(Webhooks.constructEvent(BODY, SIGNATURE, SECRET).id()).isEqualTo("dlv_1a2b3c4d");
    }

    @Test
    void alternativeFieldNamesAreRead() {
        String body = "{\"delivery_id\":\"dlv_2\",\"type\":\"nfe.issued\",\"server_id\":\"nuvem-fiscal\","
                + "\"timestamp\":\"2026-05-02T11:00:00Z\",\"payload\":{\"nfe\":\"123\"}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        WebhookEvent event = Webhooks.constructEvent(bytes, Webhooks.computeSignature(bytes, SECRET), SECRET);

        assertThat(event.id()).isEqualTo("dlv_2");
        assertThat(event.type()).isEqualTo("nfe.issued");
        assertThat(event.serverId()).isEqualTo("nuvem-fiscal");
        assertThat(event.createdAt()).isEqualTo(Instant.parse("2026-05-02T11:00:00Z"));
        assertThat(event.data().path("nfe").asText()).isEqualTo("123");
    }

    @Test
    void upperCaseHexPrefixAndSurroundingSpacesAreAccepted() {
        assertThatCode(() -> Webhooks.verifySignature(body(), SIGNATURE.toUpperCase(), SECRET)).doesNotThrowAnyException();
        assertThatCode(() -> Webhooks.verifySignature(body(), "sha256=" + SIGNATURE, SECRET)).doesNotThrowAnyException();
        assertThatCode(() -> Webhooks.verifySignature(body(), " " + SIGNATURE + " ", SECRET)).doesNotThrowAnyException();
    }

    @Test
    void aTamperedBodyIsRejected() {
        byte[] tampered = BODY.replace("1000", "100000").getBytes(StandardCharsets.UTF_8);

        WebhookVerificationException e = catchThrowableOfType(
                () -> Webhooks.constructEvent(tampered, SIGNATURE, SECRET), WebhookVerificationException.class);

        assertThat(e.getReason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
        assertThat(e.getMessage()).contains("X-CodeSpar-Signature").contains("does not match");
    }

    @Test
    void oneExtraByteIsRejected() {
        byte[] extra = (BODY + "\n").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Webhooks.verifySignature(extra, SIGNATURE, SECRET))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void aWrongSecretIsRejectedWithoutRevealingEitherSignature() {
        String wrongSecret = "whsec_test_0000000000000000";
        WebhookVerificationException e = catchThrowableOfType(
                () -> Webhooks.constructEvent(body(), SIGNATURE, wrongSecret), WebhookVerificationException.class);

        assertThat(e.getReason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
        assertThat(e.getMessage())
                .doesNotContain(SECRET)
                .doesNotContain(wrongSecret)
                .doesNotContain(SIGNATURE)
                .doesNotContain(Webhooks.computeSignature(body(), wrongSecret));
    }

    @Test
    void aMissingHeaderIsRejected() {
        WebhookVerificationException absent = catchThrowableOfType(
                () -> Webhooks.constructEvent(body(), null, SECRET), WebhookVerificationException.class);
        WebhookVerificationException empty = catchThrowableOfType(
                () -> Webhooks.constructEvent(body(), "  ", SECRET), WebhookVerificationException.class);

        assertThat(absent.getReason()).isEqualTo(Reason.MISSING_SIGNATURE);
        assertThat(absent.getMessage()).contains("no X-CodeSpar-Signature header");
        assertThat(empty.getReason()).isEqualTo(Reason.MISSING_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "sha256=", "zz2d41113fe201c7d851f0121736b409376d42a6325021d1e8d81e50a14f7f39",
            "7e2d41113fe201c7d851f0121736b409376d42a6325021d1e8d81e50a14f7f3", // 63 digits
            "7e2d41113fe201c7d851f0121736b409376d42a6325021d1e8d81e50a14f7f390", // 65 digits
            "\u0667e2d41113fe201c7d851f0121736b409376d42a6325021d1e8d81e50a14f7f39", // Arabic-Indic 7 for the 7
            "t=1,v1=7e2d41113fe201c7d851f0121736b409376d42a6325021d1e8d81e50a14f7f39"})
    void aMalformedHeaderIsRejected(String header) {
        WebhookVerificationException e = catchThrowableOfType(
                () -> Webhooks.verifySignature(body(), header, SECRET), WebhookVerificationException.class);

        assertThat(e.getReason()).isEqualTo(Reason.MALFORMED_SIGNATURE);
    }

    @Test
    void aSignedBodyThatIsNotAJsonObjectIsRejectedAfterVerification() {
        for (String body : new String[] {"not json", "[1,2]", "\"text\"", "", "{\"amount\":1e99999999999}"}) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            WebhookVerificationException e = catchThrowableOfType(
                    () -> Webhooks.constructEvent(bytes, Webhooks.computeSignature(bytes, SECRET), SECRET),
                    WebhookVerificationException.class);
            assertThat(e.getReason()).as(body).isEqualTo(Reason.MALFORMED_PAYLOAD);
        }
    }

    @Test
    void theExceptionIsAnIllegalArgumentExceptionOutsideTheApiErrorTree() {
        WebhookVerificationException e = catchThrowableOfType(
                () -> Webhooks.verifySignature(body(), null, SECRET), WebhookVerificationException.class);

        assertThat(e).isInstanceOf(IllegalArgumentException.class).isNotInstanceOf(CodeSparException.class);
    }

    @Test
    void aMissingSecretIsAReceiverBugNotABadDelivery() {
        assertThatThrownBy(() -> Webhooks.verifySignature(body(), SIGNATURE, null))
                .isInstanceOf(IllegalArgumentException.class)
                .isNotInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("secret");
        assertThatThrownBy(() -> Webhooks.verifySignature(body(), SIGNATURE, " "))
                .isNotInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> Webhooks.verifySignature(null, SIGNATURE, SECRET))
                .isNotInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void signatureHeaderIsFoundWhateverTheCaseOfItsName() {
        Map<String, List<String>> headers = new TreeMap<>();
        headers.put("Content-Type", List.of("application/json"));
        headers.put("x-codespar-signature", List.of(SIGNATURE));

        assertThat(Webhooks.signatureHeader(headers)).isEqualTo(SIGNATURE);
        assertThat(Webhooks.signatureHeader(Map.of("X-CODESPAR-SIGNATURE", List.of("a", "b")))).isEqualTo("a");
        assertThat(Webhooks.signatureHeader(Map.of("Content-Type", List.of("x")))).isNull();
        assertThat(Webhooks.signatureHeader(Map.of("X-CodeSpar-Signature", List.of()))).isNull();
        assertThat(Webhooks.signatureHeader(null)).isNull();
    }
}
