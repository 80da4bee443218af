package dev.codespar.bench;

import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.ToolResult;
import java.time.Duration;
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
 * Benchmark 9: what {@code maxPostConnectionIdle} costs. A {@code POST} that follows a quiet spell longer than the
 * bound does not reuse the pooled connection but opens a new one. {@code fresh} pays that on every call (the bound
 * is zero, so every {@code create} and {@code execute} opens a loopback connection); {@code pooled} is the default
 * client in a tight loop, where connections never idle past the bound and the guard costs only its bookkeeping.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PostIdleBenchmark {

    private LoopbackServer server;
    private CodeSparClient pooled;
    private CodeSparClient fresh;
    private SessionConfig config;
    private Map<String, Object> input;

    /** Starts the server and both clients. */
    @Setup(Level.Trial)
    public void setUp() {
        server = LoopbackServer.start();
        pooled = CodeSparClient.builder().apiKey(Fixtures.API_KEY).baseUrl(server.baseUrl()).build();
        fresh = CodeSparClient.builder().apiKey(Fixtures.API_KEY).baseUrl(server.baseUrl())
                .maxPostConnectionIdle(Duration.ZERO)
                .build();
        config = SessionConfig.builder().servers(Fixtures.SERVERS.toArray(String[]::new)).build();
        input = Fixtures.toolInput();
    }

    /** Stops everything. */
    @TearDown(Level.Trial)
    public void tearDown() {
        pooled.close();
        fresh.close();
        server.close();
    }

    /**
     * {@code create} + {@code execute} on pooled connections.
     *
     * @return the tool result
     */
    @Benchmark
    public ToolResult pooled() {
        Session session = pooled.create(Fixtures.USER_ID, config);
        return session.execute(Fixtures.TOOL, input);
    }

    /**
     * {@code create} + {@code execute}, each {@code POST} on a new connection.
     *
     * @return the tool result
     */
    @Benchmark
    public ToolResult fresh() {
        Session session = fresh.create(Fixtures.USER_ID, config);
        return session.execute(Fixtures.TOOL, input);
    }
}
