package dev.codespar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.codespar.errors.CodeSparException;
import dev.codespar.errors.NetworkError;
import dev.codespar.errors.StreamError;
import dev.codespar.internal.http.Timing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Calls and streams in flight when something else happens to them: the client is closed, the stream is closed from
 * another thread, the calling thread is interrupted. Each ends promptly with a clear error (or quietly, for a stream
 * its caller closed), and leaves no connection checked out and no thread behind.
 */
class LifecycleUnderFireTest {

    /** Long enough that only the event under test can end a call. */
    private static final Duration LONG = Duration.ofSeconds(30);
    private static final Duration PROMPTLY = Duration.ofSeconds(5);
    private static final String FIRST_EVENT = "event: assistant_text\ndata: {\"content\":\"a\"}\n\n";
    private static final String FIRST_STATUS = "event: snapshot\ndata: {\"payment_status\":\"pending\"}\n\n";

    private final CountDownLatch release = new CountDownLatch(1);
    private MockWebServer server;
    private Set<Thread> before;
    private CodeSparClient client;
    private Session session;

    @BeforeEach
    void start() throws Exception {
        before = Leaks.threads();
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                String path = request.getPath();
                if (path.equals("/v1/sessions")) {
                    return Fixtures.json(201, Fixtures.CREATE_ANSWER);
                }
                if (path.endsWith("/send") || path.endsWith("/payment-status/stream")) {
                    if (request.getBody().readUtf8().contains("hold")) {
                        release.await(1, TimeUnit.MINUTES);
                    }
                    // the head and a first event, then silence on an open connection
                    return FaultInjectionTest.stalled(Fixtures.sse(path.endsWith("/send") ? FIRST_EVENT : FIRST_STATUS)
                            .setHeader("X-Request-Id", "req_stream"));
                }
                if (request.getBody().readUtf8().contains("retry_me")) {
                    // a wait the SDK sleeps through (below maxRetryWait) before its next attempt
                    return Fixtures.json(429, "{\"error\":\"rate_limited\"}").setHeader("Retry-After", "30");
                }
                release.await(1, TimeUnit.MINUTES);
                return TestSupport.toolOk();
            }
        });
        server.start();
        client = CodeSparClient.builder().apiKey(Fixtures.KEY).baseUrl(server.url("/").toString())
                .environment(name -> null).maxRetries(2).timeout(LONG)
                .sendStreamIdleTimeout(LONG).statusStreamIdleTimeout(LONG).build();
        session = client.create("user_123");
        server.takeRequest();
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        client.close();
        server.shutdown();
        Leaks.assertNoThreadLeftBehind(before);
    }

    /** Runs the body on a new thread and records what it threw and whether its interrupt flag was set at the end. */
    private static final class Caller {
        final AtomicReference<Throwable> thrown = new AtomicReference<>();
        final AtomicBoolean interruptedAtEnd = new AtomicBoolean();
        final CountDownLatch ended = new CountDownLatch(1);
        final Thread thread;

        Caller(String name, Runnable body) {
            thread = new Thread(() -> {
                try {
                    body.run();
                } catch (Throwable t) {
                    thrown.set(t);
                } finally {
                    interruptedAtEnd.set(Thread.currentThread().isInterrupted());
                    ended.countDown();
                }
            }, name);
            thread.start();
        }

        void awaitEnd() throws InterruptedException {
            assertThat(ended.await(PROMPTLY.toSeconds(), TimeUnit.SECONDS)).as("%s ended promptly", thread.getName())
                    .isTrue();
        }
    }

    /** Iterates a stream, counting the first event down, until it ends or throws. */
    private static <T> Runnable iterate(EventStream<T> stream, CountDownLatch firstEvent, List<Object> seen) {
        return () -> {
            try (stream) {
                for (T event : stream) {
                    seen.add(event);
                    firstEvent.countDown();
                }
            }
        };
    }

    /**
     * A 429 asked for a 30 s wait, below maxRetryWait, so both calls sleep before their next attempt: closing the
     * client ends the waits at once (not after 30 s) with the "client was closed" error, and no second attempt is
     * made.
     */
    @Test
    void closingTheClientEndsCallsWaitingToBeRetriedAtOnce() throws Exception {
        // real waits, with a signal once a call has started one: both calls are then between attempts
        CountDownLatch waiting = new CountDownLatch(2);
        Timing system = Timing.system();
        Timing signalling = new Timing() {
            @Override
            public long nowMillis() {
                return system.nowMillis();
            }

            @Override
            public boolean sleep(Duration wait, CountDownLatch wake) throws InterruptedException {
                waiting.countDown();
                return system.sleep(wait, wake);
            }

            @Override
            public java.util.concurrent.Executor after(Duration wait) {
                waiting.countDown();
                return system.after(wait);
            }

            @Override
            public double jitter() {
                return system.jitter();
            }
        };
        CodeSparClient own = CodeSparClient.builder().apiKey(Fixtures.KEY).baseUrl(server.url("/").toString())
                .environment(name -> null).maxRetries(2).timeout(LONG).timing(signalling).build();
        Session s = own.create("user_123");
        Caller blocking = new Caller("blocking-retry", () -> s.execute("retry_me", Map.of()));
        CompletableFuture<ToolResult> async = s.executeAsync("retry_me", Map.of());
        assertThat(waiting.await(5, TimeUnit.SECONDS)).as("both calls wait to be retried").isTrue();
        long start = System.nanoTime();
        own.close();
        blocking.awaitEnd();
        Throwable asyncFailure = catchAsync(async);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("well before the 30 s wait")
                .isLessThan(PROMPTLY);
        for (Throwable t : List.of(blocking.thrown.get(), asyncFailure)) {
            assertThat(t).isInstanceOfSatisfying(NetworkError.class, e -> {
                assertThat(e.getMessage()).contains("the CodeSpar client was closed while the call waited to be"
                        + " retried; no further attempt was made");
                assertThat(e.getAttempts()).isEqualTo(1);
                assertThat(e.getCode()).isEqualTo("client_closed");
                assertThat(e.isClientClosed()).isTrue();
            });
        }
        assertThat(server.getRequestCount()).as("two creates, and one attempt of each call").isEqualTo(4);
    }

    private static Throwable catchAsync(CompletableFuture<?> future) throws InterruptedException {
        try {
            future.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the future did not end promptly", e);
        }
    }

    @Test
    void closingTheClientFailsEveryCallAndStreamInFlightWithAClearErrorAndLeaksNothing() throws Exception {
        CountDownLatch firstEvents = new CountDownLatch(2);
        List<Object> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        EventStream<StreamEvent> send = session.sendStream("hi");
        EventStream<StatusEvent<PaymentStatusResult>> status = session.toolCalls().paymentStatusStream("tc1");
        Caller sendReader = new Caller("send-stream-reader", iterate(send, firstEvents, seen));
        Caller statusReader = new Caller("status-stream-reader", iterate(status, firstEvents, seen));
        Caller blockingPost = new Caller("blocking-execute", () -> session.execute("codespar_pay", Map.of()));
        Caller blockingGet = new Caller("blocking-connections", session::connections);
        CompletableFuture<ToolResult> asyncPost = session.executeAsync("codespar_pay", Map.of());
        CompletableFuture<EventStream<StreamEvent>> asyncStreamOpen = session.sendStreamAsync("hold");
        for (int i = 0; i < 6; i++) {
            assertThat(server.takeRequest(5, TimeUnit.SECONDS)).as("request %d arrived", i).isNotNull();
        }
        assertThat(firstEvents.await(5, TimeUnit.SECONDS)).isTrue();

        client.close();

        for (Caller c : List.of(blockingPost, blockingGet)) {
            c.awaitEnd();
            assertThat(c.thrown.get()).as(c.thread.getName()).isExactlyInstanceOf(NetworkError.class)
                    .hasMessageContaining("client was closed while the call was in flight");
        }
        for (Future<?> f : List.<Future<?>>of(asyncPost, asyncStreamOpen)) {
            Throwable t = catchCause(f);
            assertThat(t).isExactlyInstanceOf(NetworkError.class)
                    .hasMessageContaining("client was closed while the call was in flight");
            assertThat(((NetworkError) t).wasRequestSent()).isTrue();
        }
        for (Caller c : List.of(sendReader, statusReader)) {
            c.awaitEnd();
            assertThat(c.thrown.get()).as(c.thread.getName()).isExactlyInstanceOf(StreamError.class)
                    .hasMessageContaining("the CodeSpar client was closed")
                    .hasMessageContaining("[request_id=req_stream]");
            assertThat(((StreamError) c.thrown.get()).getEventsDelivered()).isEqualTo(1);
        }
        assertThat(seen).hasSize(2);
        Leaks.assertNoConnectionCheckedOut(client);
        assertThat(client.transport().okHttpClient().dispatcher().executorService().isShutdown()).isTrue();
        NetworkError after = (NetworkError) catchCause(CompletableFuture.supplyAsync(session::connections));
        assertThat(after).hasMessageContaining("client is closed");
        assertThat(after.isClientClosed()).isTrue();
        assertThat(after.getAttempts()).isZero();
    }

    enum StreamKind { SEND, STATUS }

    @ParameterizedTest
    @EnumSource(StreamKind.class)
    void closingAStreamFromAnotherThreadEndsTheIterationQuietlyAndReleasesTheConnection(StreamKind kind)
            throws Exception {
        CountDownLatch firstEvent = new CountDownLatch(1);
        List<Object> seen = new ArrayList<>();
        EventStream<?> stream = kind == StreamKind.SEND ? session.sendStream("hi") : session.toolCalls().paymentStatusStream("tc1");
        Caller reader = new Caller("reader", iterate(stream, firstEvent, seen));
        assertThat(firstEvent.await(5, TimeUnit.SECONDS)).isTrue();

        Caller closer = new Caller("closer", stream::close);

        closer.awaitEnd();
        reader.awaitEnd();
        assertThat(closer.thrown.get()).isNull();
        assertThat(reader.thrown.get()).as("a stream its caller closed ends quietly").isNull();
        assertThat(seen).hasSize(1);
        assertThat(stream.getEventsDelivered()).isEqualTo(1);
        Leaks.assertNoConnectionCheckedOut(client);
        assertThat(client.transport().okHttpClient().connectionPool().connectionCount())
                .as("a cancelled connection is never pooled").isZero();
        stream.close(); // idempotent
    }

    /** What an interrupted caller was doing. */
    enum Blocked {
        EXECUTE_WAITING_FOR_THE_ANSWER((s, started) -> s.execute("codespar_pay", Map.of())),
        CONNECTIONS_WAITING_FOR_THE_ANSWER((s, started) -> s.connections()),
        STREAM_WAITING_FOR_ITS_HEAD((s, started) -> s.sendStream("hold")),
        SEND_STREAM_ITERATION((s, started) -> {
            try (EventStream<StreamEvent> events = s.sendStream("hi")) {
                events.forEach(e -> started.countDown());
            }
        }),
        STATUS_STREAM_ITERATION((s, started) -> {
            try (EventStream<StatusEvent<PaymentStatusResult>> events = s.toolCalls().paymentStatusStream("tc1")) {
                events.forEach(e -> started.countDown());
            }
        }),
        WAITING_BEFORE_A_RETRY((s, started) -> s.execute("retry_me", Map.of()));

        final BiConsumer<Session, CountDownLatch> call;

        Blocked(BiConsumer<Session, CountDownLatch> call) {
            this.call = call;
        }

        boolean iterates() {
            return this == SEND_STREAM_ITERATION || this == STATUS_STREAM_ITERATION;
        }
    }

    @ParameterizedTest
    @EnumSource(Blocked.class)
    void anInterruptedCallerStopsWaitingWithAClearErrorAndKeepsItsFlag(Blocked blocked) throws Exception {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            CountDownLatch firstEvent = new CountDownLatch(1);
            Caller caller = new Caller("caller", () -> blocked.call.accept(session, firstEvent));
            assertThat(server.takeRequest(5, TimeUnit.SECONDS)).as("the request arrived").isNotNull();
            if (blocked.iterates()) {
                assertThat(firstEvent.await(5, TimeUnit.SECONDS)).as("the first event arrived").isTrue();
            }
            // the caller is now blocked: on the socket, on the stream's next event, or in the retry wait
            assertThat(Leaks.await(() -> isBlocked(caller.thread), PROMPTLY)).as("the caller blocked").isTrue();

            caller.thread.interrupt();

            caller.awaitEnd();
            assertThat(caller.interruptedAtEnd.get()).as("the interrupt flag is kept").isTrue();
            Throwable t = caller.thrown.get();
            assertThat(t).isInstanceOf(CodeSparException.class).hasMessageContaining("interrupted");
            if (blocked.iterates()) {
                assertThat(t).isExactlyInstanceOf(StreamError.class);
                assertThat(((StreamError) t).getEventsDelivered()).isEqualTo(1);
            } else {
                assertThat(t).isExactlyInstanceOf(NetworkError.class);
            }
            Leaks.assertNoConnectionCheckedOut(client);
        });
    }

    private static boolean isBlocked(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                || (state == Thread.State.RUNNABLE && isInSocketRead(thread));
    }

    private static boolean isInSocketRead(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getMethodName().contains("socketRead") || frame.getMethodName().equals("read0")
                    || frame.getClassName().contains("NioSocketImpl")) {
                return true;
            }
        }
        return false;
    }

    private static Throwable catchCause(Future<?> future) throws InterruptedException {
        try {
            future.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS);
            throw new AssertionError("the future completed normally");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the future did not complete promptly", e);
        }
    }

    @Test
    void iteratorCallsAfterAFailureKeepFailingNeverHang() throws Exception {
        EventStream<StreamEvent> stream = session.sendStream("hi");
        Iterator<StreamEvent> it = stream.iterator();
        assertThat(it.next()).isInstanceOf(StreamEvent.Text.class);
        client.close();
        Throwable first = null;
        try {
            it.hasNext();
        } catch (StreamError e) {
            first = e;
        }
        assertThat(first).isNotNull();
        assertThat(it.hasNext()).as("after the failure the stream is over").isFalse();
        stream.close();
    }
}
