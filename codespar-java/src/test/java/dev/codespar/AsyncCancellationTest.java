package dev.codespar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cancelling the future of an async call cancels its HTTP call, also when the SDK converts or chains it. */
class AsyncCancellationTest {

    private final List<String> cancelled = new CopyOnWriteArrayList<>();
    private CountDownLatch cancels;
    private OkHttpClient http;
    private MockWebServer server;
    private CodeSparClient client;

    @BeforeEach
    void start() throws Exception {
        http = new OkHttpClient.Builder().eventListener(new EventListener() {
            @Override
            public void canceled(Call call) {
                cancelled.add(call.request().url().encodedPath());
                cancels.countDown();
            }
        }).build();
        server = new MockWebServer();
        // answers by request, not by queue order: MockWebServer records a request before it takes its answer, so a
        // cancelled call and the next one could otherwise swap queued answers
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                boolean createsOnTheSpot = request.getPath().equals("/v1/sessions")
                        && request.getBody().readUtf8().contains("\"user_answered\"");
                return createsOnTheSpot ? new MockResponse().setResponseCode(201).setBody(Fixtures.CREATE_ANSWER)
                        : new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
            }
        });
        server.start();
        client = CodeSparClient.builder().apiKey("csk_test_abc").httpClient(http)
                .baseUrl(server.url("/").toString()).maxRetries(0).build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
        http.dispatcher().executorService().shutdown();
    }

    @Test
    void cancellingCreateAndExecuteFuturesCancelsTheirCalls() throws Exception {
        cancels = new CountDownLatch(2);
        CompletableFuture<Session> create = client.createAsync("user_silent");
        Fixtures.take(server);
        assertThat(create.cancel(true)).isTrue();

        Session session = client.create("user_answered");
        Fixtures.take(server);
        CompletableFuture<ToolResult> exec = session.executeAsync("codespar_pay", Map.of());
        Fixtures.take(server);
        assertThat(exec.cancel(true)).isTrue();

        assertThat(cancels.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(cancelled).containsExactly("/v1/sessions", "/v1/sessions/ses_HZb4d5yxIAxLawb4/execute");
    }

    @Test
    void cancellingStreamAndPollingFuturesCancelsTheCallInFlight() throws Exception {
        cancels = new CountDownLatch(3);
        Session session = client.create("user_answered");
        Fixtures.take(server);

        CompletableFuture<EventStream<StreamEvent>> stream = session.sendStreamAsync("hi");
        Fixtures.take(server);
        assertThat(stream.cancel(true)).isTrue();

        CompletableFuture<SessionConnections> waiting = session.waitForConnectionsAsync(Duration.ofSeconds(30));
        Fixtures.take(server);
        assertThat(waiting.cancel(true)).isTrue();

        CompletableFuture<Session> created = client.createAsync("user_answered",
                SessionConfig.builder().waitForConnections(Duration.ofSeconds(30)).build());
        Fixtures.take(server);
        Fixtures.take(server);
        assertThat(created.cancel(true)).isTrue();

        assertThat(cancels.await(5, TimeUnit.SECONDS)).isTrue();
        String connections = "/v1/sessions/ses_HZb4d5yxIAxLawb4/connections";
        assertThat(cancelled).containsExactly("/v1/sessions/ses_HZb4d5yxIAxLawb4/send", connections, connections);
    }

    @Test
    void cancellingCloseAsyncCancelsItsCallAndLeavesTheSessionOpen() throws Exception {
        cancels = new CountDownLatch(1);
        Session session = client.create("user_answered");
        Fixtures.take(server);

        CompletableFuture<Void> closing = session.closeAsync();
        Fixtures.take(server);
        assertThat(closing.cancel(true)).isTrue();

        assertThat(cancels.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(cancelled).containsExactly("/v1/sessions/ses_HZb4d5yxIAxLawb4");
        assertThat(closing).isCancelled();
        // not closed: a second closeAsync sends the DELETE again
        CompletableFuture<Void> again = session.closeAsync();
        assertThat(Fixtures.take(server).getMethod()).isEqualTo("DELETE");
        again.cancel(true);
    }

    @Test
    void cancellingTheFutureOfAStreamAlreadyHandedOverLeavesTheStreamAlone() throws Exception {
        cancels = new CountDownLatch(1);
        try (MockWebServer streams = new MockWebServer()) {
            streams.enqueue(new MockResponse().setResponseCode(201).setBody(Fixtures.CREATE_ANSWER));
            streams.enqueue(Fixtures.sse("event: assistant_text\ndata: {\"content\":\"a\"}\n\nevent: done\n\n"));
            try (CodeSparClient c = CodeSparClient.builder().apiKey("csk_test_abc").httpClient(http)
                    .baseUrl(streams.url("/").toString()).maxRetries(0).build()) {
                CompletableFuture<EventStream<StreamEvent>> opened = c.create("u").sendStreamAsync("hi");
                EventStream<StreamEvent> events = opened.get(5, TimeUnit.SECONDS);
                assertThat(opened.cancel(true)).isFalse();
                assertThat(events.stream().map(StreamEvent::type).toList()).containsExactly("assistant_text", "done");
                assertThat(cancelled).isEmpty();
            }
        }
    }
}
