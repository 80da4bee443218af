package dev.codespar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.codespar.errors.NetworkError;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Async twins never block the caller, complete on OkHttp's dispatcher and cancel their call; close() ends calls. */
class AsyncAndLifecycleTest {

    private final MockWebServer server = new MockWebServer();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch canceled = new CountDownLatch(1);
    private final OkHttpClient base = new OkHttpClient.Builder()
            .eventListener(new EventListener() {
                @Override
                public void canceled(Call call) {
                    canceled.countDown();
                }
            })
            .build();
    private CodeSparClient client;

    @BeforeEach
    void setUp() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (request.getPath().equals("/v1/sessions")) {
                    return TestSupport.sessionCreated();
                }
                release.await(10, TimeUnit.SECONDS);
                return TestSupport.toolOk();
            }
        });
        server.start();
        client = TestSupport.builder(server, new FakeTiming()).httpClient(base).build();
    }

    @AfterEach
    void tearDown() throws Exception {
        release.countDown();
        client.close();
        server.shutdown();
        base.dispatcher().executorService().shutdown();
    }

    @Test
    void asyncCallReturnsAtOnceAndCompletesOnTheDispatcher() throws Exception {
        Session session = client.create("user_123");
        AtomicReference<String> completingThread = new AtomicReference<>();

        CompletableFuture<ToolResult> future = session.executeAsync("codespar_pay", Map.of())
                .whenComplete((r, e) -> completingThread.set(Thread.currentThread().getName()));

        assertThat(future).isNotDone();
        assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getPath()).endsWith("/execute");
        assertThat(future).isNotDone();
        release.countDown();
        assertThat(future.get(5, TimeUnit.SECONDS).toolCallId()).isEqualTo("tc_42");
        assertThat(completingThread.get()).startsWith("OkHttp");
        assertThat(completingThread.get()).isNotEqualTo(Thread.currentThread().getName());
    }

    @Test
    void cancellingTheFutureCancelsTheHttpCall() throws Exception {
        Session session = client.create("user_123");
        CompletableFuture<ToolResult> future = session.executeAsync("codespar_pay", Map.of());
        server.takeRequest(5, TimeUnit.SECONDS);
        server.takeRequest(5, TimeUnit.SECONDS);

        assertThat(future.cancel(true)).isTrue();

        assertThat(canceled.await(5, TimeUnit.SECONDS)).as("OkHttp saw the call canceled").isTrue();
        assertThat(future).isCancelled();
    }

    @Test
    void closingTheClientFailsCallsInFlightWithAClearError() throws Exception {
        Session session = client.create("user_123");
        CompletableFuture<ToolResult> async = session.executeAsync("codespar_pay", Map.of());
        Future<ToolResult> blocking = CompletableFuture.supplyAsync(() -> session.execute("codespar_pay", Map.of()));
        server.takeRequest(5, TimeUnit.SECONDS);
        server.takeRequest(5, TimeUnit.SECONDS);
        server.takeRequest(5, TimeUnit.SECONDS);

        client.close();

        for (Future<ToolResult> f : java.util.List.of(async, blocking)) {
            ExecutionException e = catchThrowableOfType(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
            assertThat(e.getCause()).isExactlyInstanceOf(NetworkError.class)
                    .hasMessageContaining("client was closed while the call was in flight");
            assertThat(((NetworkError) e.getCause()).wasRequestSent()).isTrue();
        }
        NetworkError after = catchThrowableOfType(NetworkError.class, () -> session.execute("codespar_pay", Map.of()));
        assertThat(after).hasMessageContaining("client is closed");
        assertThat(after.getAttempts()).isZero();
        assertThat(base.dispatcher().executorService().isShutdown()).as("the caller's client is left alone").isFalse();
    }

    @Test
    void closingTheClientFailsAnOpenStreamWithAClearError() throws Exception {
        try (MockWebServer streams = new MockWebServer()) {
            streams.enqueue(TestSupport.sessionCreated());
            // one event, then an open connection with more bytes announced than sent
            streams.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream")
                    .setBody("event: assistant_text\ndata: {\"content\":\"a\"}\n\n").setHeader("Content-Length", "4096"));
            CodeSparClient own = TestSupport.builder(streams, new FakeTiming()).build();
            EventStream<StreamEvent> events = own.create("user_123").sendStream("hi");
            java.util.Iterator<StreamEvent> it = events.iterator();
            assertThat(it.next()).isInstanceOf(StreamEvent.Text.class);
            CompletableFuture<Boolean> blocked = CompletableFuture.supplyAsync(it::hasNext);

            own.close();

            ExecutionException e = catchThrowableOfType(ExecutionException.class, () -> blocked.get(5, TimeUnit.SECONDS));
            assertThat(e.getCause()).isExactlyInstanceOf(dev.codespar.errors.StreamError.class)
                    .hasMessageContaining("was cancelled after 1 events: the CodeSpar client was closed");
            assertThat(own.transport().okHttpClient().connectionPool().connectionCount()).isZero();
        }
    }

    @Test
    void interruptedCallerStopsWaitingAndKeepsItsFlag() throws Exception {
        Session session = client.create("user_123");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                session.execute("codespar_pay", Map.of());
            } catch (Throwable t) {
                thrown.set(t);
            }
            flag.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        server.takeRequest(5, TimeUnit.SECONDS);
        server.takeRequest(5, TimeUnit.SECONDS);

        caller.interrupt();
        caller.join(5_000);

        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(NetworkError.class).hasMessageContaining("interrupted");
        assertThat(flag.get()).isTrue();
    }
}
