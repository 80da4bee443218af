package dev.codespar.plans;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The clock and the waits of a plan run; tests replace them so that nothing sleeps for real. */
interface Pacing {

    /** @return a monotonic time in nanoseconds */
    long nanoTime();

    /**
     * Blocks for the wait.
     *
     * @return {@code false} when the thread was interrupted (its flag set again): then nothing is retried
     */
    boolean sleep(Duration wait);

    /** A future completed after the wait, without holding a thread. */
    CompletableFuture<Void> delay(Duration wait);

    /** The real clock and waits. */
    Pacing SYSTEM = new Pacing() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public boolean sleep(Duration wait) {
            try {
                Thread.sleep(wait.toMillis());
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public CompletableFuture<Void> delay(Duration wait) {
            return CompletableFuture.runAsync(() -> { },
                    CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS));
        }
    };
}
