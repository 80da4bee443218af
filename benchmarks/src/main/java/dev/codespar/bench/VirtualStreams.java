package dev.codespar.bench;

import dev.codespar.CodeSparClient;
import dev.codespar.EventStream;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.StreamEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Benchmark 6, in its own JVM on JDK 21+: a thousand send streams consumed at once, each on its own virtual thread,
 * through one client, against the loopback server (whose connections also run on virtual threads). Counts the
 * platform threads before, at the peak and after, and prints the new ones by name, with the throughput. On an
 * older JDK it prints {@code vthreads skipped}.
 */
public final class VirtualStreams {

    private VirtualStreams() {}

    /**
     * Entry point.
     *
     * @param args {@code [streams [eventsPerStream]]}
     * @throws Exception when a stream fails
     */
    public static void main(String[] args) throws Exception {
        if (!Threads.virtualAvailable()) {
            System.out.println("vthreads skipped: JDK " + Runtime.version().feature() + " has no virtual threads");
            return;
        }
        int streams = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int perStream = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (LoopbackServer server = LoopbackServer.start();
             CodeSparClient client = CodeSparClient.builder().apiKey(Fixtures.API_KEY).baseUrl(server.baseUrl())
                     .build()) {
            Session session = client.create(Fixtures.USER_ID, SessionConfig.builder().servers("asaas").build());
            consume(session, 10);   // warm the classes and the pool before the baseline
            AtomicLong peak = new AtomicLong();
            AtomicReference<Map<String, Integer>> peakNames = new AtomicReference<>(Map.of());
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    int n = threads.getThreadCount();
                    if (n > peak.get()) {
                        peak.set(n);
                        peakNames.set(names());
                    }
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-thread-sampler");
            sampler.setDaemon(true);
            sampler.start();
            Thread.sleep(50);
            int before = threads.getThreadCount();
            Map<String, Integer> beforeNames = names();
            AtomicLong events = new AtomicLong();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            CountDownLatch ready = new CountDownLatch(streams);
            CountDownLatch go = new CountDownLatch(1);
            long start;
            ExecutorService virtual = Threads.virtualExecutor();
            try {
                for (int i = 0; i < streams; i++) {
                    virtual.execute(() -> {
                        ready.countDown();
                        try {
                            go.await();
                            events.addAndGet(consume(session, perStream));
                        } catch (Throwable t) {
                            failure.compareAndSet(null, t);
                        }
                    });
                }
                ready.await(60, TimeUnit.SECONDS);
                start = System.nanoTime();
                go.countDown();
            } finally {
                virtual.shutdown();
            }
            if (!virtual.awaitTermination(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the streams did not finish in 10 minutes");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.interrupt();
            sampler.join();
            int after = threads.getThreadCount();
            if (failure.get() != null) {
                throw new IllegalStateException("a stream failed", failure.get());
            }
            if (events.get() != (long) streams * perStream) {
                throw new IllegalStateException("read " + events.get() + " events");
            }
            System.out.printf("vthreads jdk=%d streams=%d events=%d seconds=%.2f events/s=%.0f%n",
                    Runtime.version().feature(), streams, events.get(), seconds, events.get() / seconds);
            System.out.printf("vthreads platform before=%d peak=%d after=%d%n", before, peak.get(), after);
            System.out.println("vthreads new-at-peak " + diff(beforeNames, peakNames.get()));
        }
    }

    private static long consume(Session session, int events) {
        long n = 0;
        try (EventStream<StreamEvent> stream = session.sendStream("stream " + events)) {
            for (StreamEvent ignored : stream) {
                n++;
            }
        }
        return n;
    }

    /** Live platform threads by name, digits folded (pool-1-thread-7 counts as pool-N-thread-N). */
    private static Map<String, Integer> names() {
        Map<String, Integer> out = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            out.merge(t.getName().replaceAll("[0-9]+", "N"), 1, Integer::sum);
        }
        return out;
    }

    private static Map<String, Integer> diff(Map<String, Integer> before, Map<String, Integer> at) {
        Map<String, Integer> out = new TreeMap<>();
        at.forEach((name, n) -> {
            int d = n - before.getOrDefault(name, 0);
            if (d != 0) {
                out.put(name, d);
            }
        });
        return out;
    }
}
