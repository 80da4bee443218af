package dev.codespar;

import static dev.codespar.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.codespar.errors.ApiError;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 2xx answer the SDK cannot use is an {@code invalid_response} error, never an empty result: the README's own
 * example reads {@code success == false} as "the tool refused", and a caller may then pay again for a payment that
 * went through. Retries are on, and none of these is retried: the server did the work.
 */
class UnusableAnswersTest {

    /** Bodies that are JSON (or nothing) but no tool result: empty, blank, null, an array, a bare string. */
    private static final List<String> NOT_A_RESULT = List.of("", "   ", "null", "[]", "\"ok\"", "{}",
            "{\"data\":{\"id\":\"pay_1\"}}", "{\"success\":\"true\"}");

    private MockWebServer server;
    private CodeSparClient client;
    private Session session;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = Fixtures.builder(server, new FakeTiming()).maxRetries(2).build();
        session = Fixtures.session(client, server);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    private ApiError unusable(MockResponse answer, Supplier<Object> call) {
        int before = server.getRequestCount();
        server.enqueue(answer.setHeader("X-Request-Id", "req_bad"));
        ApiError e = catchThrowableOfType(call::get, ApiError.class);
        assertThat(e).as("an ApiError").isNotNull();
        assertThat(e.getCode()).isEqualTo("invalid_response");
        assertThat(e.getStatus()).isEqualTo(200);
        assertThat(e.getRequestId()).isEqualTo("req_bad");
        assertThat(e.getAttempts()).isEqualTo(1);
        assertThat(server.getRequestCount() - before).as("never retried").isEqualTo(1);
        return e;
    }

    @Test
    void anExecuteAnswerWithoutABooleanSuccessIsInvalidResponse() {
        for (String body : NOT_A_RESULT) {
            ApiError e = unusable(json(200, body), () -> session.execute("codespar_pay", Map.of("amount", 1000)));
            assertThat(e.getMessage()).as(body).contains("POST /v1/sessions/ses_HZb4d5yxIAxLawb4/execute answered 200");
        }
    }

    @Test
    void theAsyncTwinRefusesTheSameBodies() throws Exception {
        for (String body : NOT_A_RESULT) {
            server.enqueue(json(200, body));
            Throwable failure = catchThrowableOfType(() -> session.executeAsync("codespar_pay", Map.of())
                    .get(5, TimeUnit.SECONDS), java.util.concurrent.ExecutionException.class).getCause();
            assertThat(failure).as(body).isInstanceOfSatisfying(ApiError.class,
                    e -> assertThat(e.getCode()).isEqualTo("invalid_response"));
        }
    }

    @Test
    void everyReaderRefusesABodyItCannotUse() {
        unusable(json(200, "[]"), () -> session.send("hi"));
        unusable(json(200, "{}"), () -> session.send("hi"));
        unusable(json(200, "{\"servers\":\"asaas\"}"), () -> session.connections());
        unusable(json(200, "null"), () -> session.connections());
        unusable(json(200, "{\"data\":{}}"), () -> session.proxyExecute(
                ProxyParams.builder("asaas", ProxyParams.Method.GET, "/v3/payments").build()));
        unusable(json(200, ""), () -> client.create("user_1"));
        unusable(json(200, "\"ok\""), () -> session.toolCalls().paymentStatus("tc_1"));
        unusable(json(200, "{\"total\":3}"), () -> client.projects().list());
        unusable(json(200, "42"), () -> session.authorize("asaas", "https://app.example.com/back"));
    }

    @Test
    void usableAnswersStillRead() {
        server.enqueue(json(200, "{\"success\":false,\"data\":null,\"error\":\"no_eligible_providers\"}"));
        assertThat(session.execute("codespar_pay", Map.of()).error()).isEqualTo("no_eligible_providers");
        server.enqueue(json(200, "{\"message\":\"\",\"iterations\":0}"));
        assertThat(session.send("hi").message()).isEmpty();
        server.enqueue(json(200, "{\"tool_calls\":[]}"));
        assertThat(session.send("hi").toolCalls()).isEmpty();
        server.enqueue(json(200, "{\"servers\":[]}"));
        assertThat(session.connections().servers()).isEmpty();
        server.enqueue(json(200, "{}"));
        assertThat(session.toolCalls().paymentStatus("tc_1").paymentStatus()).as("every field has a reading when missing")
                .isEqualTo(PaymentStatus.UNKNOWN);
        server.enqueue(json(200, "[]"));
        assertThat(client.projects().list().data()).as("a bare array is a list").isEmpty();
        server.enqueue(new MockResponse().setResponseCode(204));
        session.close();
        assertThat(server.getRequestCount()).isEqualTo(8);
    }

    @Test
    void theErrorNamesWhatCameAndKeepsTheBody() {
        ApiError e = unusable(json(200, "[1,2]"), () -> session.execute("codespar_pay", Map.of()));
        assertThat(e.getMessage()).contains("with an array where the SDK needs a JSON object")
                .contains("the server may have done the work");
        assertThat(e.getBody().isArray()).isTrue();
        ApiError missing = unusable(json(200, "{\"data\":{}}"), () -> session.execute("codespar_pay", Map.of()));
        assertThat(missing.getMessage()).contains("without the required field \"success\"");
        assertThat(missing.getBody().path("data").isObject()).isTrue();
    }
}
