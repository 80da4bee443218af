package dev.codespar.internal.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
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
     * Blocks the calling thread.
     *
     * @param wait how long
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void sleep(Duration wait) throws InterruptedException;

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
        public void sleep(Duration wait) throws InterruptedException {
            if (!wait.isZero() && !wait.isNegative()) {
                TimeUnit.NANOSECONDS.sleep(wait.toNanos());
            }
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
