package dev.codespar;

import dev.codespar.internal.http.Timing;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/** A virtual clock: sleeps and delayed tasks advance it instead of waiting, so no test sleeps for real. */
final class FakeTiming implements Timing {

    final AtomicLong now = new AtomicLong(1_777_716_000_000L);
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public long nowMillis() {
        return now.get();
    }

    @Override
    public void sleep(Duration wait) {
        waits.add(wait);
        now.addAndGet(wait.toMillis());
    }

    @Override
    public Executor after(Duration wait) {
        return task -> {
            sleep(wait);
            task.run();
        };
    }

    @Override
    public double jitter() {
        return 0.5;
    }
}
