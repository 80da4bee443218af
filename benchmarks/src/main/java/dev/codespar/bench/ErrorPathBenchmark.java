package dev.codespar.bench;

import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.errors.RateLimitedError;
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
 * Benchmark 3: an {@code execute} answered 429 {@code rate_limited}: the SDK (with {@code maxRetries(0)}) throws
 * {@link RateLimitedError}; the floor checks the status and reads the envelope with Jackson.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ErrorPathBenchmark {

    private LoopbackServer server;
    private CodeSparClient client;
    private Session session;
    private RawClient raw;
    private Map<String, Object> input;

    /** Starts the server and both clients; the SDK's session is the one the server always rate-limits. */
    @Setup(Level.Trial)
    public void setUp() {
        server = LoopbackServer.start();
        client = CodeSparClient.builder().apiKey(Fixtures.API_KEY).baseUrl(server.baseUrl()).maxRetries(0).build();
        session = client.create(Fixtures.LIMITED_USER_ID, SessionConfig.builder().servers("asaas").build());
        if (!session.getId().equals(Fixtures.LIMITED_SESSION_ID)) {
            throw new IllegalStateException("the server did not hand out the rate-limited session");
        }
        raw = new RawClient(server.baseUrl());
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
     * The SDK: the typed error.
     *
     * @return the error
     */
    @Benchmark
    public RateLimitedError sdk() {
        try {
            session.execute(Fixtures.TOOL, input);
        } catch (RateLimitedError e) {
            return e;
        }
        throw new IllegalStateException("expected a RateLimitedError");
    }

    /**
     * The floor: status check and envelope.
     *
     * @return the parsed envelope
     * @throws IOException never, on loopback
     */
    @Benchmark
    public RawClient.RawError raw() throws IOException {
        RawClient.RawError error = raw.execute(Fixtures.LIMITED_SESSION_ID, Fixtures.TOOL, input).error();
        if (error == null || error.status() != 429) {
            throw new IllegalStateException("expected a 429");
        }
        return error;
    }
}
