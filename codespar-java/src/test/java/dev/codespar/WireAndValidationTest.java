package dev.codespar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.codespar.errors.InvalidRequestError;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Headers and bodies on the wire, and input rejected before the network. */
class WireAndValidationTest {

    private final MockWebServer server = new MockWebServer();
    private CodeSparClient client;

    @BeforeEach
    void setUp() throws Exception {
        server.start();
        client = TestSupport.builder(server, new FakeTiming()).projectId("prj_CLIENT0123456789").build();
    }

    @AfterEach
    void tearDown() throws Exception {
        client.close();
        server.shutdown();
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(2, TimeUnit.SECONDS);
        assertThat(r).as("a request reached the server").isNotNull();
        return r;
    }

    @Test
    void everyRequestCarriesAuthUserAgentAcceptAndTheProject() throws Exception {
        server.enqueue(TestSupport.sessionCreated());
        server.enqueue(TestSupport.toolOk());
        server.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(204));

        Session session = client.create("user_123");
        session.execute("codespar_pay", Map.of("amount", 1000));
        session.close();

        for (String method : List.of("POST", "POST", "DELETE")) {
            RecordedRequest r = take();
            assertThat(r.getMethod()).isEqualTo(method);
            assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + TestSupport.KEY);
            assertThat(r.getHeader("User-Agent"))
                    .matches("codespar-java/\\S+ \\(Java [^;]+; .+\\)")
                    .contains(CodeSparClient.VERSION);
            assertThat(r.getHeader("Accept")).isEqualTo("application/json");
            assertThat(r.getHeader("x-codespar-project")).isEqualTo("prj_CLIENT0123456789");
            if (method.equals("POST")) {
                assertThat(r.getHeader("Content-Type")).isEqualTo("application/json");
            } else {
                assertThat(r.getHeader("Content-Type")).isNull();
                assertThat(r.getBodySize()).isZero();
            }
        }
    }

    @Test
    void aCallersOwnInterceptorNeverSeesTheKeyButTheWireCarriesIt() throws Exception {
        java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        okhttp3.OkHttpClient withLogging = new okhttp3.OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    seen.add(String.valueOf(chain.request().header("Authorization")));
                    return chain.proceed(chain.request());
                })
                .build();
        try (CodeSparClient logged = TestSupport.builder(server, new FakeTiming()).httpClient(withLogging).build()) {
            server.enqueue(TestSupport.sessionCreated());
            logged.create("user_123");
        }
        assertThat(seen).containsExactly("null");
        assertThat(take().getHeader("Authorization")).isEqualTo("Bearer " + TestSupport.KEY);
    }

    @Test
    void sessionProjectWinsOverTheClientsOnEveryRequestOfTheSession() throws Exception {
        server.enqueue(TestSupport.sessionCreated());
        server.enqueue(TestSupport.toolOk());

        Session session = client.create("user_123", SessionConfig.builder().projectId("prj_SESSION012345678").build());
        session.execute("codespar_pay", Map.of());

        assertThat(session.getProjectId()).isEqualTo("prj_SESSION012345678");
        assertThat(take().getHeader("x-codespar-project")).isEqualTo("prj_SESSION012345678");
        assertThat(take().getHeader("x-codespar-project")).isEqualTo("prj_SESSION012345678");
    }

    @Test
    void noProjectHeaderWithoutAProject() throws Exception {
        try (CodeSparClient plain = TestSupport.builder(server, new FakeTiming()).build()) {
            server.enqueue(TestSupport.sessionCreated());
            plain.create("user_123");
            assertThat(take().getHeader("x-codespar-project")).isNull();
        }
    }

    @Test
    void createBodiesMatchTheOfficialSdksByteForByte() throws Exception {
        Map<String, Object> mocks = new java.util.LinkedHashMap<>();
        mocks.put("asaas/create_payment", Map.of("id", "pay_test_42"));
        for (int i = 0; i < 4; i++) {
            server.enqueue(TestSupport.sessionCreated());
        }

        client.create("user_123");
        client.create("user_123", SessionConfig.builder().preset(Preset.BRAZILIAN).build());
        client.create("user_demo", SessionConfig.builder().servers("asaas").mocks(mocks)
                .metadata(Map.of("order", "42")).build());
        client.create("user_123", SessionConfig.builder().servers(List.of()).preset(Preset.MEXICAN).build());

        assertThat(take().getBody().readUtf8()).isEqualTo("{\"servers\":[\"zoop\",\"nuvem-fiscal\"],\"user_id\":\"user_123\"}");
        assertThat(take().getBody().readUtf8()).isEqualTo(
                "{\"servers\":[\"zoop\",\"nuvem-fiscal\",\"melhor-envio\",\"z-api\",\"omie\"],\"user_id\":\"user_123\"}");
        assertThat(take().getBody().readUtf8()).isEqualTo("{\"servers\":[\"asaas\"],\"user_id\":\"user_demo\","
                + "\"mocks\":{\"asaas/create_payment\":{\"id\":\"pay_test_42\"}},\"metadata\":{\"order\":\"42\"}}");
        assertThat(take().getBody().readUtf8()).isEqualTo("{\"servers\":[],\"user_id\":\"user_123\"}");
    }

    @Test
    void createAnswerVariantsAreRead() {
        server.enqueue(TestSupport.json(201, "{\"id\":\"ses_HZb4d5yxIAxLawb4\",\"org_id\":\"org_1\","
                + "\"project_id\":\"prj_0123456789abcdef\",\"user_id\":\"user_123\",\"servers\":[\"zoop\"],"
                + "\"status\":\"active\",\"created_at\":\"2026-05-02T10:00:00Z\",\"closed_at\":null,\"extra\":1}"));
        Session full = client.create("user_123");
        assertThat(full.getId()).isEqualTo("ses_HZb4d5yxIAxLawb4");
        assertThat(full.getServers()).containsExactly("zoop");
        assertThat(full.getStatus()).isEqualTo(SessionStatus.ACTIVE);
        assertThat(full.getCreatedAt()).isEqualTo(java.time.Instant.parse("2026-05-02T10:00:00Z"));

        server.enqueue(TestSupport.json(201, "{\"id\":\"0b7e6f1c-2f7a-4b8e-9d55-3c0f1f6d2a10\",\"status\":\"active\"}"));
        Session runtime = client.create("user_9");
        assertThat(runtime.getUserId()).isEqualTo("user_9");
        assertThat(runtime.getServers()).as("the runtime does not echo servers: the requested ones")
                .containsExactly("zoop", "nuvem-fiscal");
        assertThat(runtime.getCreatedAt()).isNotNull();

        server.enqueue(TestSupport.json(201, "{\"id\":\"ses_1\",\"servers\":[{\"id\":\"asaas\",\"name\":\"Asaas\","
                + "\"status\":\"connected\"}],\"status\":\"weird\"}"));
        Session old = client.create("user_1");
        assertThat(old.getServers()).containsExactly("asaas");
        assertThat(old.getStatus()).isEqualTo(SessionStatus.UNKNOWN);
    }

    @Test
    void createAnswerWithoutIdIsAnInvalidResponse() {
        server.enqueue(TestSupport.json(201, "{\"status\":\"active\"}").setHeader("X-Request-Id", "req_x"));
        dev.codespar.errors.ApiError e = catchThrowableOfType(dev.codespar.errors.ApiError.class,
                () -> client.create("user_1"));
        assertThat(e.getCode()).isEqualTo("invalid_response");
        assertThat(e.getStatus()).isEqualTo(201);
        assertThat(e.getRequestId()).isEqualTo("req_x");
    }

    @Test
    void anUnusableSuccessAnswerCountsEveryAttemptAndIsNotRetried() {
        server.enqueue(TestSupport.json(503, "{\"error\":\"service_unavailable\"}"));
        server.enqueue(TestSupport.json(201, "{\"status\":\"active\"}"));
        dev.codespar.errors.ApiError missing = catchThrowableOfType(dev.codespar.errors.ApiError.class,
                () -> client.create("user_1"));
        assertThat(missing.getCode()).isEqualTo("invalid_response");
        assertThat(missing.getAttempts()).isEqualTo(2);

        server.enqueue(TestSupport.sessionCreated());
        Session session = client.create("user_1");
        int before = server.getRequestCount();
        server.enqueue(TestSupport.json(200, "<html>not json</html>"));
        server.enqueue(TestSupport.toolOk());
        java.util.concurrent.CompletionException wrapped = catchThrowableOfType(
                java.util.concurrent.CompletionException.class,
                () -> session.executeAsync("codespar_pay", Map.of()).join());
        assertThat(wrapped.getCause()).isExactlyInstanceOf(dev.codespar.errors.ApiError.class);
        dev.codespar.errors.ApiError notJson = (dev.codespar.errors.ApiError) wrapped.getCause();
        assertThat(notJson.getCode()).isEqualTo("invalid_response");
        assertThat(notJson.getStatus()).isEqualTo(200);
        assertThat(notJson.getAttempts()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(before + 1);
    }

    @Test
    void toolResultReadsEveryFieldAndToleratesMissingOnes() {
        server.enqueue(TestSupport.sessionCreated());
        Session session = client.create("user_123");
        server.enqueue(TestSupport.toolOk().setHeader("X-Request-Id", "req_tool"));
        ToolResult ok = session.execute("codespar_pay", Map.of());
        assertThat(ok).isEqualTo(new ToolResult(true, ok.data(), null, 412, "asaas", "codespar_pay", "tc_42",
                java.time.Instant.parse("2026-05-02T10:00:01Z"), "req_tool"));
        assertThat(ok.dataAs(Map.class)).containsEntry("id", "pay_1");

        server.enqueue(TestSupport.json(200, "{\"success\":false,\"data\":null,\"error\":\"no_eligible_providers\","
                + "\"duration\":35,\"server\":\"codespar\",\"tool\":\"codespar_pay\"}"));
        ToolResult failed = session.execute("codespar_pay", Map.of());
        assertThat(failed.success()).isFalse();
        assertThat(failed.error()).isEqualTo("no_eligible_providers");
        assertThat(failed.data().isNull()).isTrue();
        assertThat(failed.toolCallId()).isNull();
        assertThat(failed.dataAs(Map.class)).isNull();
    }

    @Test
    void inputKeepsNullValuesAndInsertionOrder() throws Exception {
        server.enqueue(TestSupport.sessionCreated());
        server.enqueue(TestSupport.toolOk());
        Map<String, Object> input = new java.util.LinkedHashMap<>();
        input.put("action", "pay");
        input.put("amount", 1000);
        input.put("note", null);
        input.put("price", new java.math.BigDecimal("10.50"));

        client.create("user_123").execute("codespar_pay", input);

        take();
        assertThat(take().getBody().readUtf8()).isEqualTo(
                "{\"tool\":\"codespar_pay\",\"input\":{\"action\":\"pay\",\"amount\":1000,\"note\":null,\"price\":10.50}}");
    }

    private void assertRejectedBeforeTheNetwork(Runnable call, String field) {
        InvalidRequestError e = catchThrowableOfType(InvalidRequestError.class, call::run);
        assertThat(e).as("InvalidRequestError for " + field).isNotNull();
        assertThat(e.getStatus()).isEqualTo(400);
        assertThat(e.getCode()).isEqualTo("invalid_request");
        assertThat(e.getRequestId()).isNull();
        assertThat(e.getAttempts()).isZero();
        assertThat(e.getMessage()).contains(field);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void badCreateInputIsRejectedBeforeTheNetwork() {
        assertRejectedBeforeTheNetwork(() -> client.create(null), "userId");
        assertRejectedBeforeTheNetwork(() -> client.create(" "), "userId");
        assertRejectedBeforeTheNetwork(() -> client.create("u".repeat(129)), "userId");
        assertRejectedBeforeTheNetwork(() -> client.create("u", null), "config");
        assertRejectedBeforeTheNetwork(() -> client.create("u", SessionConfig.builder().projectId("prj_x").build()),
                "projectId");
        assertRejectedBeforeTheNetwork(() -> client.create("u", SessionConfig.builder().servers("asaas", "").build()),
                "servers[1]");
        assertRejectedBeforeTheNetwork(() -> client.create("u", SessionConfig.builder()
                .servers(Collections.nCopies(21, "asaas")).build()), "servers");
        assertRejectedBeforeTheNetwork(() -> client.create("u", SessionConfig.builder()
                .servers(Arrays.asList("asaas", null)).build()), "servers[1]");
        Map<String, String> metadata = new HashMap<>();
        metadata.put("k", null);
        assertRejectedBeforeTheNetwork(() -> client.create("u", SessionConfig.builder().metadata(metadata).build()),
                "metadata[\"k\"]");
    }

    @Test
    void badExecuteInputIsRejectedBeforeTheNetwork() {
        server.enqueue(TestSupport.sessionCreated());
        Session session = client.create("user_123");

        assertRejectedBeforeTheNetworkAfter(1, () -> session.execute(null, Map.of()), "tool");
        assertRejectedBeforeTheNetworkAfter(1, () -> session.execute("", Map.of()), "tool");
        assertRejectedBeforeTheNetworkAfter(1, () -> session.execute("codespar_pay", null), "input");
    }

    private void assertRejectedBeforeTheNetworkAfter(int expectedRequests, Runnable call, String field) {
        InvalidRequestError e = catchThrowableOfType(InvalidRequestError.class, call::run);
        assertThat(e.getMessage()).contains(field);
        assertThat(e.getAttempts()).isZero();
        assertThat(server.getRequestCount()).isEqualTo(expectedRequests);
    }

    @Test
    void asyncTwinsFailTheFutureOnBadInputWithoutThrowing() {
        CompletionException e = catchThrowableOfType(CompletionException.class, () -> client.createAsync(" ").join());
        assertThat(e).hasCauseInstanceOf(InvalidRequestError.class);
        assertThat(server.getRequestCount()).isZero();
    }
}
