package dev.codespar.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.codespar.FakeTiming;
import dev.codespar.RetryPolicy;
import dev.codespar.TestSupport;
import dev.codespar.errors.ApiError;
import dev.codespar.errors.BadRequestError;
import dev.codespar.errors.GatewayTimeoutError;
import dev.codespar.errors.InternalServerError;
import dev.codespar.errors.NetworkError;
import dev.codespar.errors.QuotaExceededError;
import dev.codespar.errors.RateLimitedError;
import dev.codespar.errors.ServiceUnavailableError;
import dev.codespar.errors.TimeoutError;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** The retry policy of the README's Retries section, rule by rule, with exact request counts and waits. */
public class RetryPolicyTest {

    private final MockWebServer server = new MockWebServer();
    private FakeTiming timing = new FakeTiming(0.5);
    private HttpTransport transport;

    @BeforeEach
    void setUp() throws IOException {
        server.start();
    }

    @AfterEach
    void tearDown() throws IOException {
        if (transport != null) {
            transport.close();
        }
        server.shutdown();
    }

    /** The rules the client builder derives from a policy. */
    public static RetryRules rules(RetryPolicy policy) {
        return new RetryRules(policy.maxRetries(), policy.maxRetryWait(), policy.baseDelay(), policy.maxBackoff(),
                policy.retryOnInternalError(), policy.retryPostOnGatewayTimeout());
    }

    private HttpTransport transport(RetryPolicy policy) {
        return transport(policy, Duration.ofSeconds(5), null);
    }

    private HttpTransport transport(RetryPolicy policy, Duration timeout, Duration callTimeout) {
        transport = new HttpTransport(new HttpTransport.Settings(
                HttpUrl.get(server.url("/").toString()), TestSupport.KEY, "codespar-java/test", null, rules(policy),
                timeout, callTimeout, Duration.ofSeconds(1), null, timing, null, false));
        return transport;
    }

    private static MockResponse error(int status, String code) {
        return TestSupport.json(status, "{\"error\":\"" + code + "\",\"request_id\":\"req_" + status + "\"}");
    }

    private static final ApiRequest POST = ApiRequest.post(java.util.Map.of("amount", 1000), "sessions", "s", "execute");
    private static final ApiRequest GET = ApiRequest.get("sessions", "s", "connections");
    private static final ApiRequest DELETE = ApiRequest.delete("sessions", "s");

    private ApiError fail(ApiRequest request) {
        return catchThrowableOfType(ApiError.class, () -> transport.execute(request, JsonReaders.tree()));
    }

    @Test
    void rateLimitedIsRetriedUntilMaxRetriesThenThrownWithTheAttemptCount() {
        transport(RetryPolicy.defaults());
        for (int i = 0; i < 3; i++) {
            server.enqueue(error(429, "rate_limited"));
        }

        ApiError e = fail(POST);

        assertThat(e).isExactlyInstanceOf(RateLimitedError.class);
        assertThat(e.getAttempts()).isEqualTo(3);
        assertThat(server.getRequestCount()).isEqualTo(3);
        // full jitter with jitter 0.5: half of 500 ms, then half of 1000 ms
        assertThat(timing.waits()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @Test
    void retrySucceedsAndTheSameBodyIsSentAgain() throws Exception {
        transport(RetryPolicy.defaults());
        server.enqueue(error(503, "service_unavailable"));
        server.enqueue(TestSupport.json(200, "{\"ok\":true}"));

        assertThat(transport.execute(POST, JsonReaders.tree()).path("ok").asBoolean()).isTrue();

        assertThat(server.getRequestCount()).isEqualTo(2);
        String first = server.takeRequest(1, TimeUnit.SECONDS).getBody().readUtf8();
        String second = server.takeRequest(1, TimeUnit.SECONDS).getBody().readUtf8();
        assertThat(second).isEqualTo(first).isEqualTo("{\"amount\":1000}");
    }

    @Test
    void quotaExceededIsNeverRetried() {
        transport(RetryPolicy.defaults());
        server.enqueue(error(429, "quota_exceeded").setHeader("Retry-After", "1"));

        ApiError e = fail(POST);

        assertThat(e).isExactlyInstanceOf(QuotaExceededError.class);
        assertThat(e.getAttempts()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(timing.waits()).isEmpty();
    }

    @Test
    void a429WithoutCodeIsRetriedLikeRateLimited() {
        transport(RetryPolicy.defaults());
        server.enqueue(TestSupport.json(429, "{\"error\":\"Too Many Requests\",\"retryAfter\":2}"));
        server.enqueue(TestSupport.json(200, "{}"));

        transport.execute(GET, JsonReaders.tree());

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(timing.waits()).containsExactly(Duration.ofSeconds(2));
    }

    @ParameterizedTest(name = "{0} is retried for POST")
    @ValueSource(ints = {502, 503})
    void badGatewayAndUnavailableAreRetriedForEveryMethod(int status) {
        transport(RetryPolicy.defaults());
        server.enqueue(TestSupport.json(status, "{}"));
        server.enqueue(TestSupport.json(200, "{}"));

        transport.execute(POST, JsonReaders.tree());

        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void gatewayTimeoutOnPostIsNotRetriedByDefault() {
        transport(RetryPolicy.defaults());
        server.enqueue(error(504, "gateway_timeout"));

        ApiError e = fail(POST);

        assertThat(e).isExactlyInstanceOf(GatewayTimeoutError.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void gatewayTimeoutOnPostIsRetriedWhenOptedIn() {
        transport(RetryPolicy.builder().retryPostOnGatewayTimeout(true).build());
        server.enqueue(error(504, "gateway_timeout"));
        server.enqueue(TestSupport.json(200, "{}"));

        transport.execute(POST, JsonReaders.tree());

        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void gatewayTimeoutOnGetAndDeleteIsRetried() {
        transport(RetryPolicy.defaults());
        server.enqueue(error(504, "gateway_timeout"));
        server.enqueue(TestSupport.json(200, "{}"));
        server.enqueue(error(504, "gateway_timeout"));
        server.enqueue(new MockResponse().setResponseCode(204));

        transport.execute(GET, JsonReaders.tree());
        transport.execute(DELETE, JsonReaders.discard());

        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void internalErrorIsNotRetriedUnlessOptedIn() {
        transport(RetryPolicy.defaults());
        server.enqueue(error(500, "internal_error"));
        assertThat(fail(GET)).isExactlyInstanceOf(InternalServerError.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
        transport.close();

        transport(RetryPolicy.builder().retryOnInternalError(true).build());
        server.enqueue(error(500, "internal_error"));
        server.enqueue(TestSupport.json(200, "{}"));
        transport.execute(POST, JsonReaders.tree());
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0} is never retried")
    @ValueSource(ints = {400, 401, 403, 404, 409, 422})
    void otherClientErrorsAreNeverRetried(int status) {
        transport(RetryPolicy.defaults());
        server.enqueue(TestSupport.json(status, "{}").setHeader("Retry-After", "1"));

        assertThat(fail(GET).getAttempts()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retryAfterSecondsIsWaitedExactly() {
        transport(RetryPolicy.defaults());
        server.enqueue(error(429, "rate_limited").setHeader("Retry-After", "3"));
        server.enqueue(TestSupport.json(200, "{}"));

        transport.execute(POST, JsonReaders.tree());

        assertThat(timing.waits()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void retryAfterHttpDateIsWaitedUntil() {
        transport(RetryPolicy.defaults());
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(Instant.ofEpochMilli(FakeTiming.START).plusSeconds(4), ZoneOffset.UTC));
        server.enqueue(error(503, "service_unavailable").setHeader("Retry-After", date));
        server.enqueue(TestSupport.json(200, "{}"));

        transport.execute(POST, JsonReaders.tree());

        assertThat(timing.waits()).containsExactly(Duration.ofSeconds(4));
    }

    @Test
    void rateLimitResetIsWaitedUntilWhenThereIsNoRetryAfter() {
        transport(RetryPolicy.defaults());
        server.enqueue(error(429, "rate_limited")
                .setHeader("X-RateLimit-Reset", String.valueOf(FakeTiming.START / 1000 + 6)));
        server.enqueue(TestSupport.json(200, "{}"));

        transport.execute(POST, JsonReaders.tree());

        assertThat(timing.waits()).containsExactly(Duration.ofSeconds(6));
    }

    @Test
    void backoffIsExponentialWithFullJitterAndCapped() {
        timing = new FakeTiming(0.999_999);
        transport(RetryPolicy.builder().maxRetries(6).build());
        for (int i = 0; i < 7; i++) {
            server.enqueue(error(502, "provider_error"));
        }

        fail(GET);

        assertThat(timing.waits()).extracting(Duration::toMillis)
                .containsExactly(499L, 999L, 1999L, 3999L, 7999L, 7999L);
        assertThat(server.getRequestCount()).isEqualTo(7);
    }

    @Test
    void zeroJitterRetriesImmediately() {
        timing = new FakeTiming(0.0);
        transport(RetryPolicy.defaults());
        server.enqueue(error(502, "provider_error"));
        server.enqueue(TestSupport.json(200, "{}"));

        transport.execute(GET, JsonReaders.tree());

        assertThat(timing.waits()).containsExactly(Duration.ZERO);
    }

    @Test
    void aServerWaitAboveMaxRetryWaitIsThrownAtOnce() {
        transport(RetryPolicy.builder().maxRetryWait(Duration.ofSeconds(10)).build());
        server.enqueue(error(429, "rate_limited").setHeader("Retry-After", "120"));

        ApiError e = fail(POST);

        assertThat(e).isExactlyInstanceOf(RateLimitedError.class);
        assertThat(e.getRetryAfter()).contains(Duration.ofSeconds(120));
        assertThat(e.getAttempts()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(timing.waits()).isEmpty();
    }

    @Test
    void noRetryWhenTheWaitWouldPassTheCallDeadline() {
        transport(RetryPolicy.defaults(), Duration.ofSeconds(5), Duration.ofSeconds(10));
        server.enqueue(error(503, "service_unavailable").setHeader("Retry-After", "4"));
        server.enqueue(error(503, "service_unavailable").setHeader("Retry-After", "7"));

        ApiError e = fail(POST);

        assertThat(e).isExactlyInstanceOf(ServiceUnavailableError.class);
        assertThat(e.getAttempts()).isEqualTo(2);
        assertThat(e.getRetryAfter()).contains(Duration.ofSeconds(7));
        assertThat(timing.waits()).containsExactly(Duration.ofSeconds(4));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void maxRetriesZeroMeansExactlyOneRequestEvenFor503RetryAfterZero() {
        transport(RetryPolicy.none());
        server.enqueue(error(503, "service_unavailable").setHeader("Retry-After", "0"));
        server.enqueue(TestSupport.json(200, "{}"));

        ApiError e = fail(GET);

        assertThat(e).isExactlyInstanceOf(ServiceUnavailableError.class);
        assertThat(e.getRetryAfter()).contains(Duration.ZERO);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void okHttpDoesNotResendA503ByItself() {
        transport(RetryPolicy.builder().maxRetries(1).build());
        server.enqueue(error(503, "service_unavailable").setHeader("Retry-After", "0"));
        server.enqueue(error(503, "service_unavailable").setHeader("Retry-After", "0"));
        server.enqueue(TestSupport.json(200, "{}"));

        ApiError e = fail(GET);

        assertThat(e.getAttempts()).isEqualTo(2);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void connectionRefusedIsRetriedForPostBecauseNothingWasSent() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        transport = new HttpTransport(new HttpTransport.Settings(HttpUrl.get("http://127.0.0.1:" + port),
                TestSupport.KEY, "ua", null, rules(RetryPolicy.defaults()), Duration.ofSeconds(2), null, Duration.ofSeconds(1),
                null, timing, null, false));

        ApiError e = fail(POST);

        assertThat(e).isExactlyInstanceOf(NetworkError.class);
        assertThat(((NetworkError) e).wasRequestSent()).isFalse();
        assertThat(e.getAttempts()).isEqualTo(3);
        assertThat(e.getStatus()).isZero();
        assertThat(e.getCode()).isEqualTo("network_error");
        assertThat(e.getMessage()).contains("could not connect").contains("never reached the server");
        assertThat(timing.waits()).hasSize(2);
    }

    @Test
    void resetAfterThePostWasSentIsNotRetried() throws Exception {
        transport(RetryPolicy.defaults());
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(TestSupport.json(200, "{}"));

        ApiError e = fail(POST);

        assertThat(e).isExactlyInstanceOf(NetworkError.class);
        assertThat(((NetworkError) e).wasRequestSent()).isTrue();
        assertThat(e.getAttempts()).isEqualTo(1);
        assertThat(e.getMessage()).contains("may have processed it");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getBody().readUtf8()).isEqualTo("{\"amount\":1000}");
    }

    @Test
    void resetAfterAGetWasSentIsRetried() {
        transport(RetryPolicy.defaults());
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(TestSupport.json(200, "{\"ok\":true}"));

        assertThat(transport.execute(GET, JsonReaders.tree()).path("ok").asBoolean()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aBodyCutAfterTheHeadKeepsTheRequestIdOfThatHead() throws Exception {
        transport(RetryPolicy.defaults());
        MockResponse cut = TestSupport.json(200, "{\"ok\":true,\"padding\":\"" + "x".repeat(2000) + "\"}")
                .setHeader("X-Request-Id", "req_cut").setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY);
        server.enqueue(cut);
        server.enqueue(cut.clone());

        ApiError blocking = fail(POST);
        Throwable async = catchThrowableOfType(java.util.concurrent.ExecutionException.class,
                () -> transport.executeAsync(POST, JsonReaders.tree()).get(5, TimeUnit.SECONDS)).getCause();

        for (Throwable t : List.of(blocking, async)) {
            assertThat(t).isExactlyInstanceOf(NetworkError.class).hasMessageContaining("[request_id=req_cut]");
            assertThat(((NetworkError) t).getRequestId()).isEqualTo("req_cut");
            assertThat(((NetworkError) t).wasRequestSent()).isTrue();
            assertThat(((NetworkError) t).getAttempts()).isEqualTo(1);
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aStallAfterTheHeadIsATimeoutWithTheRequestId() {
        transport(RetryPolicy.defaults(), Duration.ofMillis(300), null);
        server.enqueue(TestSupport.json(200, "{\"ok\":").setHeader("X-Request-Id", "req_slow")
                .setHeader("Content-Length", "4096"));

        ApiError e = fail(POST);

        assertThat(e).isExactlyInstanceOf(TimeoutError.class);
        assertThat(e.getRequestId()).isEqualTo("req_slow");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void readTimeoutOnPostIsATimeoutErrorAndNotRetried() {
        transport(RetryPolicy.defaults(), Duration.ofMillis(300), null);
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        server.enqueue(TestSupport.json(200, "{}"));

        ApiError e = fail(POST);

        assertThat(e).isExactlyInstanceOf(TimeoutError.class);
        assertThat(e.getCode()).isEqualTo("timeout");
        assertThat(((TimeoutError) e).wasRequestSent()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void readTimeoutOnGetIsRetried() {
        transport(RetryPolicy.defaults(), Duration.ofMillis(300), null);
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        server.enqueue(TestSupport.json(200, "{}"));

        transport.execute(GET, JsonReaders.tree());

        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void everyAttemptIsLoggedAtDebugWithItsRequestId() {
        Logger logger = (Logger) LoggerFactory.getLogger(HttpTransport.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(appender);
        try {
            transport(RetryPolicy.defaults());
            server.enqueue(error(429, "rate_limited").setHeader("Retry-After", "1"));
            server.enqueue(TestSupport.json(200, "{}").setHeader("X-Request-Id", "req_ok"));

            transport.execute(GET, JsonReaders.tree());

            List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(lines).anySatisfy(l -> assertThat(l)
                    .startsWith("GET /v1/sessions/s/connections -> 429 request_id=req_429 attempt=1 elapsed="));
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("retrying in 1000 ms"));
            assertThat(lines).anySatisfy(l -> assertThat(l)
                    .startsWith("GET /v1/sessions/s/connections -> 200 request_id=req_ok attempt=2 elapsed="));
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }
    }

    @Test
    void asyncRetriesFollowTheSameRules() {
        transport(RetryPolicy.defaults());
        server.enqueue(error(429, "rate_limited").setHeader("Retry-After", "2"));
        server.enqueue(error(400, "invalid_request"));

        Throwable t = catchThrowableOfType(java.util.concurrent.CompletionException.class,
                () -> transport.executeAsync(POST, JsonReaders.tree()).join()).getCause();

        assertThat(t).isExactlyInstanceOf(dev.codespar.errors.InvalidRequestError.class);
        assertThat(((ApiError) t).getAttempts()).isEqualTo(2);
        assertThat(timing.waits()).containsExactly(Duration.ofSeconds(2));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void badRequestCarriesTheServerMessage() {
        transport(RetryPolicy.defaults());
        server.enqueue(TestSupport.json(400, "{\"error\":\"invalid_request\",\"message\":\"amount must be positive\"}"));
        assertThat(fail(POST)).isInstanceOf(BadRequestError.class).hasMessageContaining("amount must be positive");
    }
}
