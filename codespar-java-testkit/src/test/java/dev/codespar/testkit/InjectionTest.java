package dev.codespar.testkit;

import static dev.codespar.testkit.SessionsTest.catchApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.ToolResult;
import dev.codespar.errors.ApiError;
import dev.codespar.errors.ForbiddenError;
import dev.codespar.errors.GatewayTimeoutError;
import dev.codespar.errors.InternalServerError;
import dev.codespar.errors.InvalidRequestError;
import dev.codespar.errors.NeedsConnectionError;
import dev.codespar.errors.NotFoundError;
import dev.codespar.errors.ProviderError;
import dev.codespar.errors.ProviderUnavailableError;
import dev.codespar.errors.QuotaExceededError;
import dev.codespar.errors.RateLimitedError;
import dev.codespar.errors.ServiceUnavailableError;
import dev.codespar.errors.SlugConflictError;
import dev.codespar.errors.SlugInvalidError;
import dev.codespar.errors.SlugReservedError;
import dev.codespar.errors.UnauthorizedError;
import dev.codespar.errors.WebhookUrlConflictError;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Injected errors by code: the status of the error reference, the headers, the scoping, the count. */
class InjectionTest {

    private static final Map<String, Object> PAY = Inputs.PAY;

    private FakeCodeSpar fake;
    private CodeSparClient client;
    private Raw raw;
    private Session session;

    @BeforeEach
    void start() {
        fake = FakeCodeSpar.start();
        client = fake.clientBuilder().maxRetries(0).build();
        raw = new Raw(fake);
        session = client.create("user_1", SessionConfig.builder().servers("asaas").build());
    }

    @AfterEach
    void stop() {
        raw.close();
        client.close();
        fake.close();
    }

    static Stream<Arguments> seedCodes() {
        return Stream.of(
                Arguments.of("invalid_request", 400, InvalidRequestError.class),
                Arguments.of("slug_invalid", 400, SlugInvalidError.class),
                Arguments.of("slug_reserved", 400, SlugReservedError.class),
                Arguments.of("unauthorized", 401, UnauthorizedError.class),
                Arguments.of("forbidden", 403, ForbiddenError.class),
                Arguments.of("not_found", 404, NotFoundError.class),
                Arguments.of("slug_conflict", 409, SlugConflictError.class),
                Arguments.of("webhook_url_conflict", 409, WebhookUrlConflictError.class),
                Arguments.of("needs_connection", 422, NeedsConnectionError.class),
                Arguments.of("provider_unavailable", 422, ProviderUnavailableError.class),
                Arguments.of("rate_limited", 429, RateLimitedError.class),
                Arguments.of("quota_exceeded", 429, QuotaExceededError.class),
                Arguments.of("internal_error", 500, InternalServerError.class),
                Arguments.of("provider_error", 502, ProviderError.class),
                Arguments.of("service_unavailable", 503, ServiceUnavailableError.class),
                Arguments.of("gateway_timeout", 504, GatewayTimeoutError.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedCodes")
    void everySeedCodeHasItsStatusAndClass(String code, int status, Class<? extends ApiError> type) {
        fake.failNext(code);

        ApiError e = catchApi(() -> session.execute("codespar_pay", PAY));

        assertThat(e).isExactlyInstanceOf(type);
        assertThat(e.getCode()).isEqualTo(code);
        assertThat(e.getStatus()).isEqualTo(status);
        assertThat(e.getBody().get("error").asText()).isEqualTo(code);
        assertThat(e.getBody().get("status").asInt()).isEqualTo(status);
        RecordedCall call = fake.journal().last();
        assertThat(e.getRequestId()).isEqualTo(call.requestId());
        assertThat(call.injected()).isTrue();
        assertThat(call.status()).isEqualTo(status);
        assertThat(call.errorCode()).isEqualTo(code);
    }

    @Test
    void aRateLimitCarriesRetryAfterAndReset() {
        fake.failNext("rate_limited");

        Raw.Reply r = raw.post("/v1/sessions/" + session.getId() + "/execute", "{\"tool\":\"x\",\"input\":{}}");

        assertThat(r.code()).isEqualTo(429);
        assertThat(r.header("Retry-After")).isEqualTo("1");
        long reset = Long.parseLong(r.header("X-RateLimit-Reset"));
        assertThat(reset).isBetween(Instant.now().getEpochSecond(), Instant.now().getEpochSecond() + 3);
        assertThat(r.json().get("request_id").asText()).isEqualTo(r.header("X-Request-Id"));
        assertThat(r.json().get("message").asText()).isEqualTo("Too many requests");
    }

    @Test
    void serviceUnavailableCarriesRetryAfterOnly() {
        fake.failNext("service_unavailable").retryAfter(Duration.ofMillis(2500));

        Raw.Reply r = raw.get("/v1/sessions/" + session.getId() + "/connections");

        assertThat(r.code()).isEqualTo(503);
        assertThat(r.header("Retry-After")).isEqualTo("3");
        assertThat(r.header("X-RateLimit-Reset")).isNull();
    }

    @Test
    void theSdkRetriesARateLimitAndTheJournalShowsBothAttempts() {
        fake.failNext("rate_limited").onTool("codespar_pay").retryAfter(Duration.ZERO);
        try (CodeSparClient retrying = fake.client()) {
            Session s = retrying.create("user_1", SessionConfig.builder().servers("asaas").build());

            ToolResult paid = s.execute("codespar_pay", PAY);

            assertThat(paid.success()).isTrue();
            assertThat(fake.journal().assertExecutedTimes("codespar_pay", 2))
                    .extracting(RecordedCall::status).containsExactly(429, 200);
        }
    }

    @Test
    void failTimesOutlastsTheRetries() {
        fake.failTimes(3, "service_unavailable").onTool("codespar_pay").retryAfter(Duration.ZERO);
        try (CodeSparClient retrying = fake.client()) {
            Session s = retrying.create("user_1", SessionConfig.builder().servers("asaas").build());

            ApiError e = catchApi(() -> s.execute("codespar_pay", PAY));

            assertThat(e).isInstanceOf(ServiceUnavailableError.class);
            assertThat(e.getAttempts()).isEqualTo(3);
            assertThat(fake.journal().executions("codespar_pay")).hasSize(3);
        }
    }

    @Test
    void needsConnectionCarriesALiveConnectUrl() {
        fake.requireConnection("melhor-envio");
        Session s = client.create("user_1", SessionConfig.builder().servers("asaas", "melhor-envio").build());
        fake.connect(s.getId(), "melhor-envio");
        fake.failNext("needs_connection").onTool("codespar_ship");

        NeedsConnectionError e = (NeedsConnectionError) catchApi(() -> s.execute("codespar_ship", Map.of()));

        assertThat(e.getConnectUrl()).startsWith(fake.baseUrl() + "/connect/lnk_");
        assertThat(e.getServerMessage()).isEqualTo("Connect melhor-envio first");
        assertThat(fake.journal().last().errorCode()).isEqualTo("needs_connection");
    }

    @Test
    void aConnectUrlCanBeGiven() {
        fake.failNext("needs_connection").connectUrl("https://connect.example/lnk_1");

        NeedsConnectionError e = (NeedsConnectionError) catchApi(() -> session.execute("codespar_pay", PAY));

        assertThat(e.getConnectUrl()).isEqualTo("https://connect.example/lnk_1");
    }

    @Test
    void scopingLeavesOtherRequestsAlone() {
        fake.failNext("internal_error").onTool("codespar_ship");
        fake.failNext("forbidden").onPath("/v1/sessions/*/connections");
        fake.failNext("rate_limited").onMethod("DELETE");

        assertThat(session.execute("codespar_pay", PAY).success()).isTrue();
        assertThat(raw.post("/v1/sessions", "{\"servers\":[\"asaas\"],\"user_id\":\"u\"}").code()).isEqualTo(201);
        assertThat(raw.get("/v1/sessions/" + session.getId() + "/connections").code()).isEqualTo(403);
        assertThat(raw.call(raw.request("/v1/sessions/" + session.getId()).delete().build()).code()).isEqualTo(429);
        assertThat(catchApi(() -> session.execute("codespar_ship", Map.of()))).isInstanceOf(InternalServerError.class);
    }

    @Test
    void injectionsAreConsumedInOrderAndCanBeCancelled() {
        Injection first = fake.failNext("provider_error");
        Injection second = fake.failNext("gateway_timeout");
        Injection third = fake.failNext("internal_error");

        assertThat(catchApi(() -> session.execute("codespar_pay", PAY))).isInstanceOf(ProviderError.class);
        third.cancel();
        assertThat(catchApi(() -> session.execute("codespar_pay", PAY))).isInstanceOf(GatewayTimeoutError.class);
        assertThat(session.execute("codespar_pay", PAY).success()).isTrue();
        assertThat(first.remaining()).isZero();
        assertThat(second.remaining()).isZero();
        assertThat(third.remaining()).isZero();
    }

    @Test
    void clearInjectionsWithdrawsThemAll() {
        fake.failTimes(5, "internal_error");
        fake.clearInjections();

        assertThat(session.execute("codespar_pay", PAY).success()).isTrue();
    }

    @Test
    void beforeProcessingNothingHappens() {
        fake.failNext("gateway_timeout").onTool("codespar_pay");

        catchApi(() -> session.execute("codespar_pay", PAY));

        assertThat(raw.get("/v1/sessions/" + session.getId()).json().get("tool_calls_count").asInt()).isZero();
    }

    @Test
    void afterProcessingThePaymentExistsAnyway() {
        fake.failNext("gateway_timeout").onTool("codespar_pay").afterProcessing();

        ApiError e = catchApi(() -> session.execute("codespar_pay", PAY));

        assertThat(e).isInstanceOf(GatewayTimeoutError.class);
        assertThat(raw.get("/v1/sessions/" + session.getId()).json().get("tool_calls_count").asInt()).isEqualTo(1);
    }

    @Test
    void anUnknownCodeNeedsAStatus() {
        fake.failNext("brand_new_code", 418).withMessage("I'm a teapot");

        ApiError e = catchApi(() -> session.execute("codespar_pay", PAY));

        assertThat(e.getClass()).isEqualTo(ApiError.class);
        assertThat(e.getCode()).isEqualTo("brand_new_code");
        assertThat(e.getStatus()).isEqualTo(418);
        assertThat(e.getServerMessage()).isEqualTo("I'm a teapot");
        assertThatThrownBy(() -> fake.failNext("brand_new_code")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("status");
        assertThatThrownBy(() -> fake.failNext("x", 200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fake.failTimes(0, "internal_error")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void testModeCodesUseTheTestModeShape() {
        fake.failNext("tool_not_mocked").onTool("codespar_pay");

        ApiError e = catchApi(() -> session.execute("codespar_pay", PAY));

        assertThat(e.getCode()).isEqualTo("tool_not_mocked");
        assertThat(e.getBody().get("code").asText()).isEqualTo("tool_not_mocked");
        assertThat(e.getBody().get("tool_name").asText()).isEqualTo("codespar_pay");
        assertThat(e.getBody().has("error")).isFalse();
        assertThat(e.getRequestId()).isEqualTo(fake.journal().last().requestId());
    }
}
