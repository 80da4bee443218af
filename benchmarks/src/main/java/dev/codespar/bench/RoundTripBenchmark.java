package dev.codespar.bench;

import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.ToolResult;
import java.io.IOException;
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
 * Benchmarks 1 and 2: {@code create} + {@code execute} on loopback, through the SDK and by hand, against the same
 * in-process server. Run with {@code -prof gc} for the allocation per call ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RoundTripBenchmark {

    private LoopbackServer server;
    private CodeSparClient client;
    private RawClient raw;
    private SessionConfig config;
    private Map<String, Object> input;

    /** Starts the server and both clients. */
    @Setup(Level.Trial)
    public void setUp() {
        server = LoopbackServer.start();
        client = CodeSparClient.builder().apiKey(Fixtures.API_KEY).baseUrl(server.baseUrl()).build();
        raw = new RawClient(server.baseUrl());
        config = SessionConfig.builder().servers(Fixtures.SERVERS.toArray(String[]::new)).build();
        input = Fixtures.toolInput();
    }

    /** Stops everything. */
    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        raw.close();
        server.close();
    }

    /**
     * The SDK: {@code client.create} then {@code session.execute}.
     *
     * @return the tool result
     */
    @Benchmark
    public ToolResult sdk() {
        Session session = client.create(Fixtures.USER_ID, config);
        return session.execute(Fixtures.TOOL, input);
    }

    /**
     * The floor: the same two requests by hand.
     *
     * @return the tool result
     * @throws IOException never, on loopback
     */
    @Benchmark
    public RawClient.RawToolResult raw() throws IOException {
        RawClient.RawSession session = raw.create(Fixtures.USER_ID, Fixtures.SERVERS);
        return raw.execute(session.id(), Fixtures.TOOL, input).value();
    }
}
