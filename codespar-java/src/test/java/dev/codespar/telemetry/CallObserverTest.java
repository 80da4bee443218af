package dev.codespar.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.TestSupport;
import dev.codespar.errors.NotFoundError;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every call is seen start to end, with low-cardinality tags and its outcome; a failing observer changes nothing. */
class CallObserverTest {

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private MockWebServer server;
    private CodeSparClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = CodeSparClient.builder().apiKey(TestSupport.KEY).baseUrl(server.url("/").toString())
                .maxRetryWait(java.time.Duration.ofSeconds(1))
                .callObserver(start -> {
                    seen.add("start " + start.method() + " " + start.pathTemplate() + (start.stream() ? " stream" : ""));
                    return outcome -> seen.add("end " + outcome.status() + " " + outcome.errorCode() + " attempts="
                            + outcome.attempts() + " request_id=" + outcome.requestId()
                            + (outcome.duration().isNegative() ? " negative" : ""));
                })
                .build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    @Test
    void eachCallIsSeenWithItsTemplateStatusCodeAttemptsAndRequestId() throws Exception {
        server.enqueue(TestSupport.sessionCreated().setHeader("X-Request-Id", "req_c"));
        server.enqueue(TestSupport.json(429, "{\"error\":\"rate_limited\"}").setHeader("Retry-After", "0"));
        server.enqueue(TestSupport.toolOk().setHeader("X-Request-Id", "req_x"));
        server.enqueue(TestSupport.json(404, "{\"error\":\"not_found\",\"request_id\":\"req_404\"}"));
        server.enqueue(TestSupport.toolOk());
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream")
                .setBody("event: done\ndata: {}\n\n"));

        Session session = client.create("user_123");
        session.execute("codespar_pay", Map.of("amount", 1000));
        assertThatThrownBy(() -> session.toolCalls().paymentStatus("tc_42")).isInstanceOf(NotFoundError.class);
        session.executeAsync("asaas/create_payment", Map.of()).get(5, TimeUnit.SECONDS);
        session.sendStream("hi").close();

        assertThat(seen).containsExactly(
                "start POST /v1/sessions", "end 201 null attempts=1 request_id=req_c",
                "start POST /v1/sessions/{id}/execute", "end 200 null attempts=2 request_id=req_x",
                "start GET /v1/tool-calls/{id}/payment-status", "end 404 not_found attempts=1 request_id=req_404",
                "start POST /v1/sessions/{id}/execute", "end 200 null attempts=1 request_id=null",
                "start POST /v1/sessions/{id}/send stream", "end 200 null attempts=1 request_id=null");
        assertThat(String.join("\n", seen)).doesNotContain(TestSupport.KEY).doesNotContain("ses_HZb4d5yxIAxLawb4");
    }

    @Test
    void anObserverThatThrowsIsIgnoredAndTheCallGoesOn() throws Exception {
        try (CodeSparClient broken = CodeSparClient.builder().apiKey(TestSupport.KEY)
                .baseUrl(server.url("/").toString()).callObserver(start -> {
                    throw new IllegalStateException("metrics down");
                }).build()) {
            server.enqueue(TestSupport.sessionCreated());
            assertThat(broken.create("user_123").getId()).isEqualTo("ses_HZb4d5yxIAxLawb4");
        }
        try (CodeSparClient brokenEnd = CodeSparClient.builder().apiKey(TestSupport.KEY)
                .baseUrl(server.url("/").toString()).callObserver(start -> outcome -> {
                    throw new IllegalStateException("metrics down");
                }).build()) {
            server.enqueue(TestSupport.sessionCreated());
            assertThat(brokenEnd.createAsync("user_123").get(5, TimeUnit.SECONDS).getId())
                    .isEqualTo("ses_HZb4d5yxIAxLawb4");
        }
    }
}
