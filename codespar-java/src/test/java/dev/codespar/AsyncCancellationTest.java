package dev.codespar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

/** Cancelling the future of an async call cancels its HTTP call, also when the SDK converts the answer. */
class AsyncCancellationTest {

    @Test
    void cancellingCreateAndExecuteFuturesCancelsTheirCalls() throws Exception {
        List<String> cancelled = new CopyOnWriteArrayList<>();
        CountDownLatch twoCancels = new CountDownLatch(2);
        OkHttpClient http = new OkHttpClient.Builder().eventListener(new EventListener() {
            @Override
            public void canceled(Call call) {
                cancelled.add(call.request().url().encodedPath());
                twoCancels.countDown();
            }
        }).build();
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
            server.enqueue(new MockResponse().setResponseCode(201).setBody("{\"id\":\"ses_1\"}"));
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
            try (CodeSparClient client = CodeSparClient.builder().apiKey("csk_test_abc").httpClient(http)
                    .baseUrl(server.url("/").toString()).maxRetries(0).build()) {
                CompletableFuture<Session> create = client.createAsync("user_1");
                assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
                assertThat(create.cancel(true)).isTrue();

                Session session = client.create("user_1");
                server.takeRequest(5, TimeUnit.SECONDS);
                CompletableFuture<ToolResult> exec = session.executeAsync("codespar_pay", Map.of());
                assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
                assertThat(exec.cancel(true)).isTrue();

                assertThat(twoCancels.await(5, TimeUnit.SECONDS)).isTrue();
                assertThat(cancelled).containsExactly("/v1/sessions", "/v1/sessions/ses_1/execute");
            }
        } finally {
            http.dispatcher().executorService().shutdown();
        }
    }
}
