package dev.codespar;

import static dev.codespar.TestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.codespar.errors.ApiError;
import dev.codespar.errors.BadRequestError;
import dev.codespar.errors.ConflictError;
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
import dev.codespar.errors.ServerError;
import dev.codespar.errors.ServiceUnavailableError;
import dev.codespar.errors.SlugConflictError;
import dev.codespar.errors.SlugInvalidError;
import dev.codespar.errors.SlugReservedError;
import dev.codespar.errors.TooManyRequestsError;
import dev.codespar.errors.UnauthorizedError;
import dev.codespar.errors.UnprocessableEntityError;
import dev.codespar.errors.WebhookUrlConflictError;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every code of the error reference, and unknown codes, reach the caller as the right class with every field. */
class ErrorMappingTest {

    private final MockWebServer server = new MockWebServer();
    private final FakeTiming timing = new FakeTiming();
    private CodeSparClient client;
    private Session session;

    @BeforeEach
    void setUp() throws Exception {
        server.start();
        client = TestSupport.builder(server, timing).maxRetries(0).build();
        server.enqueue(TestSupport.sessionCreated());
        session = client.create("user_123");
    }

    @AfterEach
    void tearDown() throws Exception {
        client.close();
        server.shutdown();
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

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @MethodSource("seedCodes")
    void seedCodeMapsToItsClassWithEveryField(String code, int status, Class<? extends ApiError> type) {
        server.enqueue(json(status, "{\"error\":\"" + code + "\",\"message\":\"Something about " + code
                + "\",\"status\":" + status + ",\"request_id\":\"req_" + code + "\"}"));

        ApiError e = catchThrowableOfType(ApiError.class, () -> session.execute("codespar_pay", Map.of()));

        assertThat(e).isExactlyInstanceOf(type);
        assertThat(e.getCode()).isEqualTo(code);
        assertThat(e.getStatus()).isEqualTo(status);
        assertThat(e.getRequestId()).isEqualTo("req_" + code);
        assertThat(e.getAttempts()).isEqualTo(1);
        assertThat(e.getServerMessage()).isEqualTo("Something about " + code);
        assertThat(e.getBody().path("status").asInt()).isEqualTo(status);
        assertThat(e.getMessage())
                .isEqualTo(code + " (" + status + "): Something about " + code + " [request_id=req_" + code + "]");
    }

    @Test
    void messageReadsLikeTheDesign() {
        server.enqueue(json(429, "{\"error\":\"rate_limited\",\"message\":\"Too many requests\",\"status\":429,"
                + "\"request_id\":\"req_a1b2\"}"));

        RateLimitedError e = catchThrowableOfType(RateLimitedError.class,
                () -> session.execute("codespar_pay", Map.of()));

        assertThat(e.getMessage()).isEqualTo("rate_limited (429): Too many requests [request_id=req_a1b2]");
    }

    static Stream<Arguments> unknownCodes() {
        return Stream.of(
                Arguments.of(400, BadRequestError.class),
                Arguments.of(401, UnauthorizedError.class),
                Arguments.of(403, ForbiddenError.class),
                Arguments.of(404, NotFoundError.class),
                Arguments.of(409, ConflictError.class),
                Arguments.of(422, UnprocessableEntityError.class),
                Arguments.of(429, TooManyRequestsError.class),
                Arguments.of(500, InternalServerError.class),
                Arguments.of(501, ServerError.class),
                Arguments.of(502, ProviderError.class),
                Arguments.of(503, ServiceUnavailableError.class),
                Arguments.of(504, GatewayTimeoutError.class),
                Arguments.of(599, ServerError.class),
                Arguments.of(413, ApiError.class),
                Arguments.of(418, ApiError.class),
                Arguments.of(451, ApiError.class));
    }

    @ParameterizedTest(name = "unknown code at {0} -> {1}")
    @MethodSource("unknownCodes")
    void unknownCodePicksTheClassOfItsStatus(int status, Class<? extends ApiError> type) {
        server.enqueue(json(status, "{\"error\":\"brand_new_code\",\"message\":\"New\",\"request_id\":\"req_n\"}"));

        ApiError e = catchThrowableOfType(ApiError.class, () -> session.execute("codespar_pay", Map.of()));

        assertThat(e).isExactlyInstanceOf(type);
        assertThat(e.getCode()).isEqualTo("brand_new_code");
        assertThat(e.getStatus()).isEqualTo(status);
        assertThat(e.getRequestId()).isEqualTo("req_n");
    }

    @Test
    void knownCodeWinsOverAnUnexpectedStatus() {
        server.enqueue(json(403, "{\"error\":\"quota_exceeded\",\"message\":\"Monthly quota\",\"limit\":1000}"));
        QuotaExceededError quota = catchThrowableOfType(QuotaExceededError.class,
                () -> session.execute("codespar_pay", Map.of()));
        assertThat(quota.getStatus()).isEqualTo(403);
        assertThat(quota.getBody().path("limit").asInt()).isEqualTo(1000);

        server.enqueue(json(400, "{\"error\":\"slug_conflict\",\"message\":\"taken\"}"));
        SlugConflictError conflict = catchThrowableOfType(SlugConflictError.class,
                () -> session.execute("codespar_pay", Map.of()));
        assertThat(conflict.getStatus()).isEqualTo(400);
    }

    @Test
    void needsConnectionCarriesItsConnectUrlAtTopLevelOrUnderDetails() {
        server.enqueue(json(422, "{\"error\":\"needs_connection\",\"message\":\"Connect asaas first\",\"status\":422,"
                + "\"request_id\":\"req_77\",\"connect_url\":\"https://connect.codespar.dev/c/abc\"}"));
        NeedsConnectionError top = catchThrowableOfType(NeedsConnectionError.class,
                () -> session.execute("codespar_pay", Map.of()));
        assertThat(top.getConnectUrl()).isEqualTo("https://connect.codespar.dev/c/abc");
        assertThat(top.getRequestId()).isEqualTo("req_77");

        server.enqueue(json(422, "{\"error\":{\"code\":\"needs_connection\",\"message\":\"Connect\","
                + "\"details\":{\"connect_url\":\"https://connect.codespar.dev/c/nested\"}},\"request_id\":\"req_78\"}"));
        NeedsConnectionError nested = catchThrowableOfType(NeedsConnectionError.class,
                () -> session.execute("codespar_pay", Map.of()));
        assertThat(nested.getConnectUrl()).isEqualTo("https://connect.codespar.dev/c/nested");

        server.enqueue(json(422, "{\"error\":\"needs_connection\"}"));
        NeedsConnectionError none = catchThrowableOfType(NeedsConnectionError.class,
                () -> session.execute("codespar_pay", Map.of()));
        assertThat(none.getConnectUrl()).isNull();
    }

    @Test
    void rateLimitedCarriesRetryAfterAndReset() {
        long reset = FakeTiming.START / 1000 + 30;
        server.enqueue(json(429, "{\"error\":\"rate_limited\",\"message\":\"Too many requests\"}")
                .setHeader("Retry-After", "7")
                .setHeader("X-RateLimit-Reset", String.valueOf(reset)));

        RateLimitedError e = catchThrowableOfType(RateLimitedError.class,
                () -> session.execute("codespar_pay", Map.of()));

        assertThat(e.getRetryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.getRateLimitReset()).contains(Instant.ofEpochSecond(reset));
    }

    @Test
    void requestIdFallsBackToTheHeaderAndTheBodyWins() {
        server.enqueue(json(404, "{\"error\":\"not_found\"}").setHeader("X-Request-Id", "req_header"));
        NotFoundError fromHeader = catchThrowableOfType(NotFoundError.class,
                () -> session.execute("codespar_pay", Map.of()));
        assertThat(fromHeader.getRequestId()).isEqualTo("req_header");

        server.enqueue(json(404, "{\"error\":\"not_found\",\"request_id\":\"req_body\"}")
                .setHeader("X-Request-Id", "req_header"));
        NotFoundError fromBody = catchThrowableOfType(NotFoundError.class,
                () -> session.execute("codespar_pay", Map.of()));
        assertThat(fromBody.getRequestId()).isEqualTo("req_body");

        server.enqueue(new MockResponse().setResponseCode(404));
        NotFoundError none = catchThrowableOfType(NotFoundError.class,
                () -> session.execute("codespar_pay", Map.of()));
        assertThat(none.getRequestId()).isNull();
        assertThat(none.getMessage()).isEqualTo("HTTP 404");
    }
}
