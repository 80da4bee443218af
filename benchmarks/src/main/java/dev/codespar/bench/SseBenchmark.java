package dev.codespar.bench;

import dev.codespar.EventStream;
import dev.codespar.StreamEvent;
import dev.codespar.internal.sse.SseFrame;
import dev.codespar.internal.sse.SseReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okio.BufferedSource;
import okio.Okio;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Benchmark 4: a send stream of {@value #EVENTS} events parsed from memory (no network), through the SDK's SSE
 * reader (framing only, then framing plus the decoder into typed {@code StreamEvent}s, exactly what
 * {@code sendStream} iterates) and through a plain okio line reader (framing only, then plus a Jackson tree into
 * the same records). Scores are per event: {@code ops/s} is events per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(SseBenchmark.EVENTS)
public class SseBenchmark {

    /** Events per stream. */
    public static final int EVENTS = 1_000_000;

    private byte[] bytes;

    /** Builds the stream once. */
    @Setup(Level.Trial)
    public void setUp() {
        bytes = Fixtures.stream(EVENTS);
    }

    private BufferedSource source() {
        return Okio.buffer(Okio.source(new ByteArrayInputStream(bytes)));
    }

    /**
     * SDK framing: {@link SseReader}.
     *
     * @param bh sink
     * @return frames read
     * @throws IOException never
     */
    @Benchmark
    public long sdkFrames(Blackhole bh) throws IOException {
        SseReader reader = new SseReader(source());
        long n = 0;
        SseFrame frame;
        while ((frame = reader.next()) != null) {
            bh.consume(frame);
            n++;
        }
        return check(n);
    }

    /**
     * Raw framing: okio {@code readUtf8Line}.
     *
     * @param bh sink
     * @return frames read
     * @throws IOException never
     */
    @Benchmark
    public long rawFrames(Blackhole bh) throws IOException {
        return check(RawSse.frames(source(), bh::consume));
    }

    /**
     * SDK typed events: the {@code EventStream} of {@code sendStream}, over the same bytes through
     * {@link EventStream#ofSendStream(java.io.InputStream)}, the decoder {@code sendStream} uses.
     *
     * @param bh sink
     * @return events read
     */
    @Benchmark
    public long sdkEvents(Blackhole bh) {
        long n = 0;
        try (EventStream<StreamEvent> events = EventStream.ofSendStream(new ByteArrayInputStream(bytes))) {
            for (StreamEvent event : events) {
                bh.consume(event);
                n++;
            }
        }
        return check(n);
    }

    /**
     * Raw typed events: line reader plus a Jackson tree per frame.
     *
     * @param bh sink
     * @return events read
     * @throws IOException never
     */
    @Benchmark
    public long rawEvents(Blackhole bh) throws IOException {
        return check(RawSse.events(source(), bh::consume));
    }

    private static long check(long n) {
        if (n != EVENTS) {
            throw new IllegalStateException("read " + n + " events, expected " + EVENTS);
        }
        return n;
    }
}
