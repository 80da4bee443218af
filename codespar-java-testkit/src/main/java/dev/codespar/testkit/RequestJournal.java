package dev.codespar.testkit;

import dev.codespar.testkit.internal.program.Journal;
import dev.codespar.testkit.internal.program.PathPattern;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Every request the fake received, in arrival order, for assertions. Thread-safe; the lists it returns are
 * snapshots.
 *
 * <pre>{@code
 * session.execute("codespar_pay", input);
 * fake.journal().assertExecutedOnce("codespar_pay");
 * RecordedCall call = fake.journal().executions("codespar_pay").get(0);
 * assertThat(call.json().path("input").path("amount").asInt()).isEqualTo(1000);
 * assertThat(call.header("Authorization")).isEqualTo("Bearer csk_test_…****");
 * }</pre>
 */
public final class RequestJournal {

    private final Journal journal;

    RequestJournal(Journal journal) {
        this.journal = journal;
    }

    /**
     * Every request so far.
     *
     * @return a snapshot, oldest first
     */
    public List<RecordedCall> all() {
        return journal.snapshot();
    }

    /**
     * How many requests the fake received.
     *
     * @return the count
     */
    public int size() {
        return journal.size();
    }

    /**
     * The latest request.
     *
     * @return the call
     * @throws AssertionError when there was none
     */
    public RecordedCall last() {
        List<RecordedCall> calls = journal.snapshot();
        if (calls.isEmpty()) {
            throw new AssertionError("the fake CodeSpar API received no request");
        }
        return calls.get(calls.size() - 1);
    }

    /**
     * The requests with a method and a path matching a pattern ({@code *} one segment, {@code **} any rest).
     *
     * @param method e.g. {@code "GET"}
     * @param pathPattern e.g. {@code "/v1/tool-calls/**"}
     * @return a snapshot, oldest first
     */
    public List<RecordedCall> calls(String method, String pathPattern) {
        String m = method.toUpperCase(Locale.ROOT);
        return filter(c -> c.method().equals(m) && PathPattern.matches(pathPattern, c.path()));
    }

    /**
     * Every execution of a tool, answered or not (retries show up as separate calls).
     *
     * @param tool the tool name
     * @return a snapshot, oldest first
     */
    public List<RecordedCall> executions(String tool) {
        return filter(c -> c.isExecutionOf(tool));
    }

    /**
     * The requests that match a condition.
     *
     * @param condition the condition
     * @return a snapshot, oldest first
     */
    public List<RecordedCall> filter(Predicate<RecordedCall> condition) {
        return journal.snapshot().stream().filter(condition).collect(Collectors.toUnmodifiableList());
    }

    /**
     * Asserts that a tool was executed exactly once (one HTTP request, whatever its answer).
     *
     * @param tool the tool name
     * @return that execution
     * @throws AssertionError listing the journal otherwise
     */
    public RecordedCall assertExecutedOnce(String tool) {
        return assertExecutedTimes(tool, 1).get(0);
    }

    /**
     * Asserts how many times a tool was executed (HTTP requests, retries included).
     *
     * @param tool the tool name
     * @param times the expected count
     * @return the executions
     * @throws AssertionError listing the journal otherwise
     */
    public List<RecordedCall> assertExecutedTimes(String tool, int times) {
        List<RecordedCall> found = executions(tool);
        if (found.size() != times) {
            throw new AssertionError("expected " + tool + " to be executed " + times + " time(s), but it was executed "
                    + found.size() + " time(s)\n" + describe());
        }
        return found;
    }

    /**
     * Asserts that a tool was never executed.
     *
     * @param tool the tool name
     * @throws AssertionError listing the journal otherwise
     */
    public void assertNotExecuted(String tool) {
        assertExecutedTimes(tool, 0);
    }

    /**
     * Waits until the fake has received at least {@code count} requests (for asynchronous code under test).
     *
     * @param count the number of requests to wait for
     * @param timeout the longest wait
     * @return a snapshot of the journal
     * @throws AssertionError when the timeout passes first
     * @throws InterruptedException when the thread is interrupted
     */
    public List<RecordedCall> await(int count, Duration timeout) throws InterruptedException {
        if (!journal.await(count, timeout)) {
            throw new AssertionError("expected at least " + count + " request(s) within " + timeout + ", got "
                    + journal.size() + "\n" + describe());
        }
        return journal.snapshot();
    }

    /** Forgets every recorded request. */
    public void clear() {
        journal.clear();
    }

    /**
     * The journal, one call per line (safe to print: keys are masked).
     *
     * @return the listing
     */
    public String describe() {
        List<RecordedCall> calls = journal.snapshot();
        if (calls.isEmpty()) {
            return "(the fake CodeSpar API received no request)";
        }
        return calls.stream().map(RecordedCall::toString).collect(Collectors.joining("\n", "requests received:\n", ""));
    }

    @Override
    public String toString() {
        return describe();
    }
}
