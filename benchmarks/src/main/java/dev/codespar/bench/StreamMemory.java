package dev.codespar.bench;

import dev.codespar.CodeSparClient;
import dev.codespar.EventStream;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.StreamEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark 5, in its own JVM: consumes one send stream of a million events over loopback through
 * {@code session.sendStream} and records the heap in use after a full collection every 100 000 events. Prints
 * {@code memory <events> <bytes>} per sample, then {@code memory-drift <percent>}: the largest distance of a later
 * sample from the first, relative to the first.
 */
public final class StreamMemory {

    private StreamMemory() {}

    /**
     * Entry point.
     *
     * @param args {@code [events]}
     */
    public static void main(String[] args) {
        long total = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        long every = total / 10;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Long> samples = new ArrayList<>();
        long start;
        long count = 0;
        try (LoopbackServer server = LoopbackServer.start();
             CodeSparClient client = CodeSparClient.builder().apiKey(Fixtures.API_KEY).baseUrl(server.baseUrl())
                     .build()) {
            Session session = client.create(Fixtures.USER_ID, SessionConfig.builder().servers("asaas").build());
            start = System.nanoTime();
            try (EventStream<StreamEvent> events = session.sendStream("stream " + total)) {
                for (StreamEvent event : events) {
                    count++;
                    if (count % every == 0 || event instanceof StreamEvent.Done) {
                        System.gc();
                        long used = memory.getHeapMemoryUsage().getUsed();
                        samples.add(used);
                        System.out.println("memory " + count + " " + used);
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (count != total) {
            throw new IllegalStateException("read " + count + " events, expected " + total);
        }
        long first = samples.get(0);
        double drift = 0;
        for (long s : samples) {
            drift = Math.max(drift, Math.abs(s - first) * 100.0 / first);
        }
        System.out.printf("memory-drift %.2f%n", drift);
        System.out.printf("memory-rate %.0f%n", count / seconds);
    }
}
