package dev.codespar.plans;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A plan clock that moves only when the plan waits or a test advances it; every wait is recorded, none is slept. */
final class FakePacing implements Pacing {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public boolean sleep(Duration wait) {
        waits.add(wait);
        advance(wait);
        return true;
    }

    @Override
    public CompletableFuture<Void> delay(Duration wait) {
        waits.add(wait);
        advance(wait);
        return CompletableFuture.completedFuture(null);
    }
}
