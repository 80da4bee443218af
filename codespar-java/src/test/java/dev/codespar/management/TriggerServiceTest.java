package dev.codespar.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.codespar.ManagementFixture;
import dev.codespar.errors.ApiError;
import dev.codespar.errors.ForbiddenError;
import dev.codespar.errors.InvalidRequestError;
import dev.codespar.errors.WebhookUrlConflictError;
import dev.codespar.paging.Page;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TriggerServiceTest {

    static final String SECRET = "whsec_9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    static final String ROTATED = "whsec_rotated0000111122223333444455";
    static final String CREATED = "{\"id\":\"trg_0123456789abcdef\",\"org_id\":\"org_1\",\"name\":\"Payments to ERP\","
            + "\"event\":\"payment.confirmed\",\"server_id\":null,\"webhook_url\":\"https://erp.example.com/hooks\","
            + "\"status\":\"active\",\"signing_enabled\":true,\"secret\":\"" + SECRET + "\","
            + "\"created_at\":\"2026-05-02T10:00:00Z\",\"max_attempts\":12}";

    private final ManagementFixture api = new ManagementFixture();

    @AfterEach
    void close() {
        api.close();
    }

    private static TriggerCreateParams params() {
        return TriggerCreateParams.builder()
                .name("Payments to ERP")
                .event("payment.confirmed")
                .webhookUrl("https://erp.example.com/hooks")
                .build();
    }

    @Test
    void createSendsTheBodyAndReturnsTheSecretOnce() {
        api.enqueue(201, CREATED);

        Trigger t = api.client.triggers().create(params());

        RecordedRequest r = api.take("POST", "/v1/triggers");
        assertThat(r.getBody().readUtf8()).isEqualTo("{\"name\":\"Payments to ERP\",\"event\":\"payment.confirmed\","
                + "\"webhook_url\":\"https://erp.example.com/hooks\"}");
        assertThat(t.id()).isEqualTo("trg_0123456789abcdef");
        assertThat(t.orgId()).isEqualTo("org_1");
        assertThat(t.name()).isEqualTo("Payments to ERP");
        assertThat(t.event()).isEqualTo("payment.confirmed");
        assertThat(t.serverId()).isNull();
        assertThat(t.webhookUrl()).isEqualTo("https://erp.example.com/hooks");
        assertThat(t.status()).isEqualTo("active");
        assertThat(t.signingEnabled()).isTrue();
        assertThat(t.secret()).isEqualTo(SECRET);
        assertThat(t.createdAt()).isEqualTo(Instant.parse("2026-05-02T10:00:00Z"));
        assertThat(t.raw().path("max_attempts").asInt()).isEqualTo(12);
    }

    @Test
    void theSecretIsInNeitherToStringNorRaw() {
        api.enqueue(201, CREATED);

        Trigger t = api.client.triggers().create(params());

        assertThat(t.toString()).doesNotContain(SECRET).contains("secret=[redacted]").contains("trg_0123456789abcdef");
        assertThat(t.raw().has("secret")).isFalse();
        assertThat(t.raw().toString()).doesNotContain(SECRET);
    }

    @Test
    void createWithServerAndAllEvents() {
        api.enqueue(201, CREATED);

        api.client.triggers().create(TriggerCreateParams.builder().name("All").allEvents()
                .webhookUrl("https://erp.example.com/all").serverId("asaas").build());

        assertThat(api.take("POST", "/v1/triggers").getBody().readUtf8()).isEqualTo("{\"name\":\"All\",\"event\":\"*\","
                + "\"webhook_url\":\"https://erp.example.com/all\",\"server_id\":\"asaas\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://erp.example.com/hooks", "erp.example.com/hooks", "/hooks", "ftp://erp.example.com",
            "https://", "not a url"})
    void webhookUrlMustBeHttpsBeforeTheNetwork(String url) {
        InvalidRequestError e = catchThrowableOfType(() -> api.client.triggers().create(TriggerCreateParams.builder()
                .name("x").event("payment.confirmed").webhookUrl(url).build()), InvalidRequestError.class);

        assertThat(e.getMessage()).contains("webhookUrl").contains("https://");
        assertThat(e.getStatus()).isEqualTo(400);
        assertThat(e.getAttempts()).isZero();
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void requiredFieldsAreCheckedBeforeTheNetwork() {
        assertThatThrownBy(() -> api.client.triggers().create(TriggerCreateParams.builder()
                .name("x").webhookUrl("https://a.example").build()))
                .isInstanceOf(InvalidRequestError.class).hasMessageContaining("event");
        assertThatThrownBy(() -> api.client.triggers().create(TriggerCreateParams.builder()
                .event("*").webhookUrl("https://a.example").build()))
                .isInstanceOf(InvalidRequestError.class).hasMessageContaining("name");
        assertThatThrownBy(() -> api.client.triggers().create(TriggerCreateParams.builder()
                .name("x").event("*").build()))
                .isInstanceOf(InvalidRequestError.class).hasMessageContaining("webhookUrl");
        assertThatThrownBy(() -> api.client.triggers().create(null)).isInstanceOf(InvalidRequestError.class);
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void duplicateUrlIsAWebhookUrlConflictError() {
        api.enqueue(409, "{\"error\":\"webhook_url_conflict\",\"message\":\"Already subscribed\",\"status\":409,"
                + "\"request_id\":\"req_wc\"}");

        WebhookUrlConflictError e = catchThrowableOfType(() -> api.client.triggers().create(params()),
                WebhookUrlConflictError.class);

        assertThat(e.getRequestId()).isEqualTo("req_wc");
        assertThat(e.getStatus()).isEqualTo(409);
    }

    @Test
    void missingScopeIsForbidden() {
        api.enqueue(403, "{\"error\":\"forbidden\",\"message\":\"Missing scope triggers:write\",\"status\":403}");

        assertThatThrownBy(() -> api.client.triggers().create(params())).isInstanceOf(ForbiddenError.class);
    }

    @Test
    void listReadsBothShapes() {
        api.enqueue("{\"triggers\":[{\"id\":\"trg_1\",\"event\":\"*\",\"status\":\"active\"},{\"id\":\"trg_2\","
                + "\"status\":\"paused\"}]}");
        api.enqueue("{\"data\":[{\"id\":\"trg_3\",\"webhook_url\":\"https://x.example\"}],\"total\":1}");

        Page<Trigger> first = api.client.triggers().list();
        Page<Trigger> second = api.client.triggers().list();

        api.take("GET", "/v1/triggers");
        api.take("GET", "/v1/triggers");
        assertThat(first.data()).extracting(Trigger::id).containsExactly("trg_1", "trg_2");
        assertThat(first.data()).extracting(Trigger::status).containsExactly("active", "paused");
        assertThat(first.data()).extracting(Trigger::secret).containsOnlyNulls();
        assertThat(second.data()).extracting(Trigger::webhookUrl).containsExactly("https://x.example");
        assertThat(second.hasNextPage()).isFalse();
    }

    @Test
    void rotateSecretPostsAnEmptyObjectAndReturnsTheNewSecret() {
        api.enqueue("{\"id\":\"trg_1\",\"secret\":\"" + ROTATED + "\",\"status\":\"active\"}");

        Trigger t = api.client.triggers().rotateSecret("trg_1");

        assertThat(api.take("POST", "/v1/triggers/trg_1/rotate-secret").getBody().readUtf8()).isEqualTo("{}");
        assertThat(t.id()).isEqualTo("trg_1");
        assertThat(t.secret()).isEqualTo(ROTATED);
        assertThat(t.toString()).doesNotContain(ROTATED);
    }

    @Test
    void rotateSecretAnsweredWithTheSecretAloneKeepsTheId() {
        api.enqueue("{\"secret\":\"" + ROTATED + "\"}");

        Trigger t = api.client.triggers().rotateSecret("trg_1");

        assertThat(t.id()).isEqualTo("trg_1");
        assertThat(t.secret()).isEqualTo(ROTATED);
        assertThat(t.event()).isNull();
    }

    @Test
    void rotateSecretWithoutASecretInTheAnswerIsAnInvalidResponse() {
        api.enqueue("{\"id\":\"trg_1\"}");

        ApiError e = catchThrowableOfType(() -> api.client.triggers().rotateSecret("trg_1"), ApiError.class);

        assertThat(e.getCode()).isEqualTo("invalid_response");
        assertThat(e.getMessage()).contains("secret");
    }

    @Test
    void rotateSecretWithAnUnreadableSecretIsAnInvalidResponseWhoseBodyHoldsNoSecret() {
        api.enqueue("{\"id\":\"trg_1\",\"data\":{\"secret\":\"" + ROTATED + "\"}}");
        api.enqueue("{\"id\":\"trg_1\",\"signing_secret\":{\"value\":\"" + ROTATED + "\"}}");

        for (int i = 0; i < 2; i++) {
            ApiError e = catchThrowableOfType(() -> api.client.triggers().rotateSecret("trg_1"), ApiError.class);

            assertThat(e.getCode()).isEqualTo("invalid_response");
            assertThat(e.getMessage()).contains("secret").doesNotContain(ROTATED);
            assertThat(e.getBody()).isNotNull();
            assertThat(e.getBody().path("id").asText()).isEqualTo("trg_1");
            assertThat(String.valueOf(e.getBody())).doesNotContain(ROTATED);
            assertThat(e.toString()).doesNotContain(ROTATED);
        }
    }

    @Test
    void createWithoutIdIsAnInvalidResponseWhoseBodyHoldsNoSecret() {
        api.enqueue(201, "{\"secret\":\"" + SECRET + "\"}");

        ApiError e = catchThrowableOfType(() -> api.client.triggers().create(params()), ApiError.class);

        assertThat(e.getCode()).isEqualTo("invalid_response");
        assertThat(e.getMessage()).doesNotContain(SECRET);
        assertThat(String.valueOf(e.getBody())).doesNotContain(SECRET);
    }

    @Test
    void asyncTwins() throws Exception {
        api.enqueue(201, CREATED);
        api.enqueue("{\"triggers\":[]}");
        api.enqueue("{\"id\":\"trg_1\",\"secret\":\"" + ROTATED + "\"}");

        assertThat(api.client.triggers().createAsync(params()).get(5, TimeUnit.SECONDS).secret()).isEqualTo(SECRET);
        assertThat(api.client.triggers().listAsync().get(5, TimeUnit.SECONDS).data()).isEmpty();
        assertThat(api.client.triggers().rotateSecretAsync("trg_1").get(5, TimeUnit.SECONDS).secret())
                .isEqualTo(ROTATED);

        api.take("POST", "/v1/triggers");
        api.take("GET", "/v1/triggers");
        api.take("POST", "/v1/triggers/trg_1/rotate-secret");
    }

    @Test
    void asyncValidationFailsWithoutANetworkCall() {
        assertThat(api.client.triggers().createAsync(TriggerCreateParams.builder().name("x").event("*")
                .webhookUrl("http://insecure.example").build()))
                .failsWithin(5, TimeUnit.SECONDS)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(InvalidRequestError.class);
        assertThat(api.client.triggers().rotateSecretAsync("")).isCompletedExceptionally();
        assertThat(api.requestCount()).isZero();
    }
}
