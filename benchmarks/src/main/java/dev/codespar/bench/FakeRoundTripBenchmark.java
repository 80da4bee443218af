package dev.codespar.bench;

import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.ToolResult;
import dev.codespar.testkit.FakeCodeSpar;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Benchmark 8: the SDK's {@code create} + {@code execute} against the testkit's {@link FakeCodeSpar} and against
 * the minimal {@link LoopbackServer}, in the same run. The fake does the real work of a server (routing, key check,
 * body and definition checks, the journal, a tool call's bookkeeping); the loopback server answers canned bytes, so
 * the ratio is the fake's whole overhead per pair of calls.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FakeRoundTripBenchmark {

    /** An input that satisfies the published definition of {@code codespar_pay} (the fake checks it). */
    static final Map<String, Object> PAY = Map.of("action", "pay", "amount", 1000, "currency", "BRL",
            "method", "pix", "description", "Order 42", "recipient", "ana@example.com");

    private FakeCodeSpar fake;
    private LoopbackServer loopback;
    private CodeSparClient onFake;
    private CodeSparClient onLoopback;
    private SessionConfig config;

    /** Starts both servers and a client for each. */
    @Setup(Level.Trial)
    public void setUp() {
        fake = FakeCodeSpar.start();
        loopback = LoopbackServer.start();
        onFake = fake.client();
        onLoopback = CodeSparClient.builder().apiKey(Fixtures.API_KEY).baseUrl(loopback.baseUrl()).build();
        config = SessionConfig.builder().servers(Fixtures.SERVERS.toArray(String[]::new)).build();
    }

    /** Keeps the fake's memory flat: its journal and sessions would otherwise grow with every call. */
    @TearDown(Level.Iteration)
    public void forget() {
        fake.reset();
    }

    /** Stops everything. */
    @TearDown(Level.Trial)
    public void tearDown() {
        onFake.close();
        onLoopback.close();
        fake.close();
        loopback.close();
    }

    /**
     * {@code create} + {@code execute} on the fake.
     *
     * @return the tool result
     */
    @Benchmark
    public ToolResult fake() {
        Session session = onFake.create(Fixtures.USER_ID, config);
        return session.execute(Fixtures.TOOL, PAY);
    }

    /**
     * The same two calls on the loopback server.
     *
     * @return the tool result
     */
    @Benchmark
    public ToolResult loopback() {
        Session session = onLoopback.create(Fixtures.USER_ID, config);
        return session.execute(Fixtures.TOOL, PAY);
    }
}
