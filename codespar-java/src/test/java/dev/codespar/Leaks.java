package dev.codespar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.ConnectionPool;

/**
 * Leak checks for the reliability suite: connections checked out of OkHttp's pool and threads left behind. Every
 * check polls its condition until a deadline instead of sleeping a fixed time, so it is as fast as the SDK and
 * never flaky on a loaded machine.
 */
final class Leaks {

    /**
     * JVM-wide pools that outlive any one client by design: OkHttp's shared task runner (connection
     * pool clean-up, 60 s keep-alive), the SDK's interrupt watcher (2 s keep-alive), the common fork-join pool and
     * the JDK's delayed-executor scheduler. A client that leaks threads leaks other ones: its dispatcher's
     * ({@code OkHttp Dispatcher}, or {@code OkHttp http://...} while running a call) or a MockWebServer's.
     */
    private static final Pattern SHARED_POOLS = Pattern.compile(
            "OkHttp TaskRunner|codespar-interrupt-watch|ForkJoinPool\\.commonPool-worker-\\d+"
                    + "|Okio Watchdog|CompletableFutureDelayScheduler|process reaper|Attach Listener|Common-Cleaner");

    static final Duration DEADLINE = Duration.ofSeconds(10);

    private Leaks() {}

    /** The live threads now. */
    static Set<Thread> threads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    /**
     * Waits until every thread started since {@code before} has ended, except threads of the JVM-wide pools listed
     * in {@link #SHARED_POOLS}.
     *
     * @param before the threads alive before the code under test ran
     */
    static void assertNoThreadLeftBehind(Set<Thread> before) {
        // the shared pools are the JVM's, not the code under test's: how many of their threads run depends on what ran
        // before, so they are not counted at all; a leaking client leaks threads of its own (its dispatcher's)
        boolean settled = await(() -> leftBehind(before).isEmpty(), DEADLINE);
        assertThat(settled)
                .as("threads left behind: %s (new threads: %s)", names(leftBehind(before)), names(newThreads(before)))
                .isTrue();
    }

    /** Waits until no connection of the client is checked out of its pool (every pooled connection is idle). */
    static void assertNoConnectionCheckedOut(CodeSparClient client) {
        ConnectionPool pool = client.transport().okHttpClient().connectionPool();
        boolean settled = await(() -> pool.connectionCount() == pool.idleConnectionCount(), DEADLINE);
        assertThat(settled).as("connections in use: %d of %d", pool.connectionCount() - pool.idleConnectionCount(),
                pool.connectionCount()).isTrue();
    }

    /**
     * Polls a condition every few milliseconds until it holds or the deadline passes.
     *
     * @return whether the condition held in time
     */
    static boolean await(BooleanSupplier condition, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > end) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static List<Thread> newThreads(Set<Thread> before) {
        return threads().stream().filter(t -> !before.contains(t)).collect(Collectors.toList());
    }

    private static List<Thread> leftBehind(Set<Thread> before) {
        return newThreads(before).stream().filter(t -> !SHARED_POOLS.matcher(t.getName()).matches())
                .collect(Collectors.toList());
    }

    private static List<String> names(List<Thread> threads) {
        return threads.stream().map(Thread::getName).sorted().collect(Collectors.toList());
    }
}
