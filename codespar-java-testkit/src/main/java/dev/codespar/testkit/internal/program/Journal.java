package dev.codespar.testkit.internal.program;

import dev.codespar.testkit.RecordedCall;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Every request the fake received, in arrival order (the oldest dropped past a limit); thread-safe. */
public final class Journal {

    private final Deque<RecordedCall> calls = new ArrayDeque<>();
    private final int limit;
    private int sequence;

    /**
     * A journal.
     *
     * @param limit how many requests to keep, 0 for all
     */
    public Journal(int limit) {
        this.limit = limit;
    }

    /**
     * The next sequence number.
     *
     * @return from 1
     */
    public synchronized int nextSequence() {
        return ++sequence;
    }

    /**
     * Records a request.
     *
     * @param call the request and its answer
     */
    public synchronized void append(RecordedCall call) {
        calls.addLast(call);
        if (limit > 0 && calls.size() > limit) {
            calls.removeFirst();
        }
        notifyAll();
    }

    /**
     * Every request kept.
     *
     * @return a snapshot, oldest first
     */
    public synchronized List<RecordedCall> snapshot() {
        return List.copyOf(calls);
    }

    /**
     * How many requests are kept.
     *
     * @return the count
     */
    public synchronized int size() {
        return calls.size();
    }

    /** Forgets every request (sequence numbers start again at 1). */
    public synchronized void clear() {
        calls.clear();
        sequence = 0;
    }

    /**
     * Waits for a number of requests.
     *
     * @param count the number
     * @param timeout the longest wait
     * @return {@code true} when they arrived in time
     * @throws InterruptedException when interrupted
     */
    public synchronized boolean await(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (calls.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
