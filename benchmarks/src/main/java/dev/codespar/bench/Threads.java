package dev.codespar.bench;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Virtual threads when the running JDK has them (21+), found by reflection so that the module compiles for 17. */
public final class Threads {

    private static final Method NEW_VIRTUAL_EXECUTOR = find();

    private Threads() {}

    private static Method find() {
        try {
            return Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** @return whether this JDK has virtual threads */
    public static boolean virtualAvailable() {
        return NEW_VIRTUAL_EXECUTOR != null;
    }

    /** @return a virtual-thread-per-task executor, or {@code null} before JDK 21 */
    public static ExecutorService virtualExecutor() {
        if (NEW_VIRTUAL_EXECUTOR == null) {
            return null;
        }
        try {
            return (ExecutorService) NEW_VIRTUAL_EXECUTOR.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
