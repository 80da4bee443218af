package dev.codespar.internal.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Time as the retry loop sees it: a wall clock, a way to wait (blocking and non-blocking) and the jitter source.
 * Tests replace it so that no test ever sleeps for real.
 */
public interface Timing {

    /**
     * The current time.
     *
     * @return epoch milliseconds
     */
    long nowMillis();

    /**
     * Blocks the calling thread until the wait has passed or {@code wake} has been released, whichever comes first.
     *
     * @param wait how long
     * @param wake ends the wait early once counted down (the client was closed)
     * @return {@code true} when {@code wake} ended the wait
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    boolean sleep(Duration wait, CountDownLatch wake) throws InterruptedException;

    /**
     * An executor that runs its task once the wait has passed, without blocking the caller.
     *
     * @param wait how long to wait
     * @return the executor
     */
    Executor after(Duration wait);

    /**
     * A uniformly distributed number for full-jitter backoff.
     *
     * @return a value in {@code [0, 1)}
     */
    double jitter();

    /**
     * The real clock, real sleeps and a thread-local random source.
     *
     * @return the system timing
     */
    static Timing system() {
        return SystemTiming.INSTANCE;
    }

    /** The production implementation. */
    enum SystemTiming implements Timing {
        /** The one instance. */
        INSTANCE;

        @Override
        public long nowMillis() {
            return System.currentTimeMillis();
        }

        @Override
        public boolean sleep(Duration wait, CountDownLatch wake) throws InterruptedException {
            return wake.await(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
        }

        @Override
        public Executor after(Duration wait) {
            return CompletableFuture.delayedExecutor(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS, Runnable::run);
        }

        @Override
        public double jitter() {
            return ThreadLocalRandom.current().nextDouble();
        }
    }
}
