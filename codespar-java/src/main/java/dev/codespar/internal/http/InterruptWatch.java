package dev.codespar.internal.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;

/**
 * Makes a blocking OkHttp call answer {@link Thread#interrupt()}: socket reads and connects are not interruptible,
 * so while a thread is blocked in a watched call, a single shared daemon thread checks its interrupt flag every
 * {@value #PERIOD_MILLIS} ms and cancels the call when it is set. The caller then gets an error saying it was
 * interrupted, with its interrupt flag still set.
 *
 * <p>The watcher runs only while calls are watched, and its thread ends after a few idle seconds.
 */
public final class InterruptWatch {

    static final long PERIOD_MILLIS = 20;

    private static final Map<Call, Thread> WATCHED = new ConcurrentHashMap<>();
    private static final AtomicBoolean SCHEDULED = new AtomicBoolean();
    private static final ScheduledThreadPoolExecutor SCANNER = new ScheduledThreadPoolExecutor(1, task -> {
        Thread t = new Thread(task, "codespar-interrupt-watch");
        t.setDaemon(true);
        return t;
    });

    static {
        SCANNER.setKeepAliveTime(2, TimeUnit.SECONDS);
        SCANNER.allowCoreThreadTimeOut(true);
        SCANNER.setRemoveOnCancelPolicy(true);
    }

    private InterruptWatch() {}

    /**
     * Watches a call made by the current thread until {@link #unwatch(Call)}.
     *
     * @param call the call about to block the current thread
     */
    public static void watch(Call call) {
        WATCHED.put(call, Thread.currentThread());
        if (SCHEDULED.compareAndSet(false, true)) {
            SCANNER.schedule(InterruptWatch::scan, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Stops watching a call.
     *
     * @param call the call
     */
    public static void unwatch(Call call) {
        WATCHED.remove(call);
    }

    private static void scan() {
        WATCHED.forEach((call, thread) -> {
            if (thread.isInterrupted()) {
                call.cancel();
            }
        });
        if (WATCHED.isEmpty()) {
            SCHEDULED.set(false);
            // a call registered between the emptiness check and the reset must not go unwatched
            if (WATCHED.isEmpty() || !SCHEDULED.compareAndSet(false, true)) {
                return;
            }
        }
        SCANNER.schedule(InterruptWatch::scan, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }
}
