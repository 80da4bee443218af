package dev.codespar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.codespar.errors.NotFoundError;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * One client shared by 100 threads doing 1 000 calls each against a fast local
 * fake, blocking and then async: every call ends as expected (successes, plus the planned {@code NotFoundError}s
 * and retried 429s), no deadlock, a bounded number of threads, nothing left behind. Prints the throughput.
 *
 * <p>The mix per thread: 60% {@code execute} (POST), 20% {@code connections()}, 20% {@code paymentStatus()}; every
 * 50th call is answered 429 {@code rate_limited} with {@code Retry-After: 0} once (the SDK retries it); every 100th
 * call names a tool the server does not know (404, an expected {@code NotFoundError}).
 */
class LoadTest {

    static final int THREADS = Integer.getInteger("codespar.load.threads", 100);
    static final int CALLS_PER_THREAD = Integer.getInteger("codespar.load.calls", 1_000);
    static final int TOTAL = THREADS * CALLS_PER_THREAD;
    static final int RATE_LIMITED = TOTAL / 50;
    static final int NOT_FOUND = TOTAL / 100;
    /** In-flight async calls per thread in the async run: 100 threads x 4 = 400 against a dispatcher of 256. */
    static final int WINDOW = 4;

    private static final String TOOL_OK = "{\"success\":true,\"data\":{\"id\":\"pay_1\",\"status\":\"pending\"},"
            + "\"error\":null,\"duration\":3,\"server\":\"asaas\",\"tool\":\"codespar_pay\","
            + "\"tool_call_id\":\"tc_1\",\"called_at\":\"2026-05-02T10:00:01Z\"}";
    private static final String CONNECTIONS = "{\"servers\":[{\"id\":\"asaas\",\"connected\":true}],\"tools\":[]}";
    private static final String PAYMENT = "{\"tool_call_id\":\"tc_1\",\"payment_status\":\"succeeded\"}";

    private final Set<String> limitedOnce = ConcurrentHashMap.newKeySet();
    private final AtomicInteger answered = new AtomicInteger();
    private MockWebServer server;
    private java.util.logging.Level mockWebServerLevel;
    private final java.util.logging.Logger mockWebServerLog =
            java.util.logging.Logger.getLogger(MockWebServer.class.getName());

    @BeforeEach
    void start() throws Exception {
        // MockWebServer logs every request at INFO through java.util.logging: 200 000 lines would dominate the run
        mockWebServerLevel = mockWebServerLog.getLevel();
        mockWebServerLog.setLevel(java.util.logging.Level.WARNING);
        server = FastServer.create();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                answered.incrementAndGet();
                String path = request.getPath();
                if (path.equals("/v1/sessions")) {
                    return Fixtures.json(201, Fixtures.CREATE_ANSWER);
                }
                if (path.endsWith("/execute")) {
                    String body = request.getBody().readUtf8();
                    if (body.contains("codespar_missing")) {
                        return Fixtures.json(404, "{\"error\":\"not_found\",\"message\":\"Tool not found\","
                                + "\"request_id\":\"req_404\"}");
                    }
                    int key = body.indexOf("\"key\":\"");
                    if (body.contains("\"limited\":true") && limitedOnce.add(body.substring(key))) {
                        return Fixtures.json(429, "{\"error\":\"rate_limited\"}").setHeader("Retry-After", "0");
                    }
                    return Fixtures.json(200, TOOL_OK);
                }
                return Fixtures.json(200, path.endsWith("/connections") ? CONNECTIONS : PAYMENT);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
        mockWebServerLog.setLevel(mockWebServerLevel);
    }

    /** What one call is: its kind and whether the server plans an error for it. */
    enum Kind { EXECUTE, EXECUTE_LIMITED_ONCE, EXECUTE_UNKNOWN_TOOL, CONNECTIONS, PAYMENT_STATUS }

    static Kind kind(int i) {
        if (i % 100 == 99) {
            return Kind.EXECUTE_UNKNOWN_TOOL;
        }
        if (i % 50 == 7) {
            return Kind.EXECUTE_LIMITED_ONCE;
        }
        switch (i % 5) {
            case 0:
                return Kind.CONNECTIONS;
            case 1:
                return Kind.PAYMENT_STATUS;
            default:
                return Kind.EXECUTE;
        }
    }

    /** Tallies of one run. */
    static final class Tally {
        final AtomicInteger ok = new AtomicInteger();
        final AtomicInteger notFound = new AtomicInteger();
        final List<Throwable> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
        final AtomicLong peakThreads = new AtomicLong();
        final AtomicLong dispatcherPeak = new AtomicLong();
        final AtomicLong peakRunningCalls = new AtomicLong();

        void record(Kind kind, Object value, Throwable error) {
            if (error == null && value != null && kind != Kind.EXECUTE_UNKNOWN_TOOL) {
                ok.incrementAndGet();
            } else if (error instanceof NotFoundError nf && kind == Kind.EXECUTE_UNKNOWN_TOOL
                    && "req_404".equals(nf.getRequestId())) {
                notFound.incrementAndGet();
            } else if (unexpected.size() < 20) {
                unexpected.add(error != null ? error : new AssertionError(kind + " returned " + value));
            }
        }
    }

    private static Map<String, Object> input(String run, int thread, int i, Kind kind) {
        return Map.of("amount", 1000, "key", run + "-" + thread + "-" + i, "limited",
                kind == Kind.EXECUTE_LIMITED_ONCE);
    }

    @Test
    void oneClientSharedByAHundredThreadsBlockingAndAsync() throws Exception {
        Set<Thread> before = Leaks.threads();
        CodeSparClient client = CodeSparClient.builder().apiKey(Fixtures.KEY).baseUrl(server.url("/").toString())
                .environment(name -> null).timeout(Duration.ofSeconds(30)).build();
        try {
            Session session = client.create("user_123");

            Tally blocking = new Tally();
            long blockingNanos = run(blocking, (thread, monitor) -> {
                for (int i = 0; i < CALLS_PER_THREAD; i++) {
                    Kind kind = kind(i);
                    Object value = null;
                    Throwable error = null;
                    try {
                        value = call(session, "blocking", thread, i, kind);
                    } catch (Throwable t) {
                        error = t;
                    }
                    blocking.record(kind, value, error);
                }
            }, client.transport().okHttpClient().dispatcher());
            blocking.dispatcherPeak.set(dispatcherPeak(client));
            report("blocking", blocking, blockingNanos);
            assertRun(blocking, client);

            Tally async = new Tally();
            long asyncNanos = run(async, (thread, monitor) -> {
                Deque<CompletableFuture<?>> window = new ArrayDeque<>();
                for (int i = 0; i < CALLS_PER_THREAD; i++) {
                    Kind kind = kind(i);
                    CompletableFuture<?> f = callAsync(session, "async", thread, i, kind);
                    window.add(f.handle((value, error) -> {
                        async.record(kind, value, error instanceof java.util.concurrent.CompletionException
                                ? error.getCause() : error);
                        return null;
                    }));
                    if (window.size() >= WINDOW) {
                        window.poll().get(60, TimeUnit.SECONDS);
                    }
                }
                for (CompletableFuture<?> f : window) {
                    f.get(60, TimeUnit.SECONDS);
                }
            }, client.transport().okHttpClient().dispatcher());
            async.dispatcherPeak.set(dispatcherPeak(client));
            report("async", async, asyncNanos);
            assertRun(async, client);

            assertThat(answered.get()).as("requests: create, twice every call, and one retry per 429")
                    .isEqualTo(1 + 2 * (TOTAL + RATE_LIMITED));
            assertThat(async.peakRunningCalls.get()).as("calls running at once in the async run: at most the"
                    + " dispatcher's cap, however many futures are out (400)").isBetween(1L, 256L);
            // a worker that finishes a call hands the next queued one to the executor before it is idle itself, so
            // the pool may briefly hold one finishing thread beside each running call, never more
            assertThat(async.dispatcherPeak.get()).as("the client's dispatcher threads at the peak of the async run")
                    .isBetween(1L, 2L * 256);
            assertThat(blocking.dispatcherPeak.get()).as("the client's dispatcher threads at the peak of the"
                    + " blocking run: blocking calls run on their callers' threads").isZero();
        } finally {
            client.close();
        }
        Leaks.assertNoConnectionCheckedOut(client);
        server.shutdown();
        Leaks.assertNoThreadLeftBehind(before);
    }

    private static Object call(Session session, String run, int thread, int i, Kind kind) {
        switch (kind) {
            case CONNECTIONS:
                return session.connections();
            case PAYMENT_STATUS:
                return session.toolCalls().paymentStatus("tc_1");
            case EXECUTE_UNKNOWN_TOOL:
                return session.execute("codespar_missing", input(run, thread, i, kind));
            default:
                return session.execute("codespar_pay", input(run, thread, i, kind));
        }
    }

    private static CompletableFuture<?> callAsync(Session session, String run, int thread, int i, Kind kind) {
        switch (kind) {
            case CONNECTIONS:
                return session.connectionsAsync();
            case PAYMENT_STATUS:
                return session.toolCalls().paymentStatusAsync("tc_1");
            case EXECUTE_UNKNOWN_TOOL:
                return session.executeAsync("codespar_missing", input(run, thread, i, kind));
            default:
                return session.executeAsync("codespar_pay", input(run, thread, i, kind));
        }
    }

    @FunctionalInterface
    interface Worker {
        void work(int thread, Tally tally) throws Exception;
    }

    /** Runs the worker on {@link #THREADS} threads started together, sampling threads; returns the wall time. */
    private long run(Tally tally, Worker worker, okhttp3.Dispatcher dispatcher) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        AtomicReference<long[]> deadlocked = new AtomicReference<>();
        return assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            CountDownLatch go = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(THREADS);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int id = t;
                Thread thread = new Thread(() -> {
                    try {
                        go.await();
                        worker.work(id, tally);
                    } catch (Throwable e) {
                        tally.unexpected.add(e);
                    } finally {
                        done.countDown();
                    }
                }, "load-" + t);
                threads.add(thread);
                thread.start();
            }
            long start = System.nanoTime();
            go.countDown();
            // sample while the run lasts: live threads, OkHttp's threads, and deadlocks
            while (!done.await(50, TimeUnit.MILLISECONDS)) {
                tally.peakThreads.accumulateAndGet(mx.getThreadCount(), Math::max);
                tally.peakRunningCalls.accumulateAndGet(dispatcher.runningCallsCount(), Math::max);
                long[] ids = mx.findDeadlockedThreads();
                if (ids != null) {
                    deadlocked.set(ids);
                    break;
                }
            }
            assertThat(deadlocked.get()).as("deadlocked threads").isNull();
            for (Thread t : threads) {
                t.join(10_000);
            }
            return System.nanoTime() - start;
        });
    }

    /**
     * The most threads the client's own dispatcher has run at once so far: counted by its executor, so nothing
     * another test started (threads of other clients, of MockWebServer, OkHttp's JVM-wide task runner) can push it.
     */
    private static long dispatcherPeak(CodeSparClient client) {
        return ((ThreadPoolExecutor) client.transport().okHttpClient().dispatcher().executorService())
                .getLargestPoolSize();
    }

    private static void assertRun(Tally tally, CodeSparClient client) {
        assertThat(tally.unexpected).as("unexpected errors").isEmpty();
        assertThat(tally.notFound.get()).as("planned NotFoundErrors").isEqualTo(NOT_FOUND);
        assertThat(tally.ok.get()).as("successful calls").isEqualTo(TOTAL - NOT_FOUND);
        Leaks.assertNoConnectionCheckedOut(client);
    }

    private static void report(String name, Tally tally, long nanos) {
        double seconds = nanos / 1e9;
        LoggerFactory.getLogger(LoadTest.class).info(String.format(java.util.Locale.ROOT,
                "load %s: %d calls by %d threads in %.1f s = %.0f calls/s; peak %d live threads, %d dispatcher threads",
                name, TOTAL, THREADS, seconds, TOTAL / seconds, tally.peakThreads.get(),
                tally.dispatcherPeak.get()));
    }
}
