package dev.codespar;

import dev.codespar.internal.http.Timing;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when the SDK "sleeps": every wait is recorded and returns at once. */
public final class FakeTiming implements Timing {

    /** A fixed wall-clock start: 2026-05-02T10:00:00Z. */
    public static final long START = 1_777_716_000_000L;

    private final AtomicLong now = new AtomicLong(START);
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final double jitter;

    public FakeTiming() {
        this(1.0);
    }

    public FakeTiming(double jitter) {
        this.jitter = jitter;
    }

    @Override
    public long nowMillis() {
        return now.get();
    }

    @Override
    public boolean sleep(Duration wait, CountDownLatch wake) {
        waits.add(wait);
        now.addAndGet(wait.toMillis());
        return wake.getCount() == 0;
    }

    @Override
    public Executor after(Duration wait) {
        return task -> {
            waits.add(wait);
            now.addAndGet(wait.toMillis());
            task.run();
        };
    }

    @Override
    public double jitter() {
        return jitter;
    }

    /** Every wait the SDK asked for, in order. */
    public List<Duration> waits() {
        return List.copyOf(waits);
    }

    public void advance(Duration d) {
        now.addAndGet(d.toMillis());
    }
}
