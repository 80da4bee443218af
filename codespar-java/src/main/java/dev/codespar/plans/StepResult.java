package dev.codespar.plans;

import dev.codespar.ToolResult;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How one step of a {@link ToolPlan} ended: its status, the tool's result or the error, the arguments it was called
 * with, how many times it was called and how long it took. Immutable.
 *
 * <pre>{@code
 * StepResult pay = result.step("pay");
 * if (pay.status() == StepStatus.FAILED && pay.mayHaveRun()) {
 *     reconcile(pay.error().orElseThrow());      // the payment may have gone through: check before paying again
 * }
 * }</pre>
 */
public final class StepResult {

    private final String name;
    private final String tool;
    private final StepStatus status;
    private final Map<String, Object> input;
    private final ToolResult result;
    private final Throwable error;
    private final int attempts;
    private final Duration duration;
    private final boolean mayHaveRun;
    private final boolean reconciled;

    StepResult(String name, String tool, StepStatus status, Map<String, ?> input, ToolResult result, Throwable error,
            int attempts, Duration duration, boolean mayHaveRun, boolean reconciled) {
        this.name = name;
        this.tool = tool;
        this.status = status;
        this.input = input == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(input));
        this.result = result;
        this.error = error;
        this.attempts = attempts;
        this.duration = duration;
        this.mayHaveRun = mayHaveRun;
        this.reconciled = reconciled;
    }

    static StepResult notRun(String name, String tool) {
        return new StepResult(name, tool, StepStatus.NOT_RUN, null, null, null, 0, Duration.ZERO, false, false);
    }

    /** @return the step's name, unique in its plan */
    public String name() {
        return name;
    }

    /** @return the tool the step calls */
    public String tool() {
        return tool;
    }

    /** @return how the step ended */
    public StepStatus status() {
        return status;
    }

    /** @return whether the tool answered a successful result */
    public boolean succeeded() {
        return status == StepStatus.SUCCEEDED;
    }

    /** @return whether the step failed */
    public boolean failed() {
        return status == StepStatus.FAILED;
    }

    /** @return whether the step's condition was false */
    public boolean skipped() {
        return status == StepStatus.SKIPPED;
    }

    /**
     * The arguments the tool was called with, as the step's input function computed them.
     *
     * @return the arguments; empty when the step was skipped, not run, or failed before they were computed
     */
    public Map<String, Object> input() {
        return input;
    }

    /**
     * The tool's answer: a successful result, or a failed one ({@code success == false}, e.g. a policy denial).
     *
     * @return the result of the last attempt; empty when the call threw, or the tool was not called
     */
    public Optional<ToolResult> result() {
        return Optional.ofNullable(result);
    }

    /**
     * Why the step failed when the call did not answer a result: the {@link dev.codespar.errors.ApiError} (or other
     * exception) of the last attempt, or the exception of the step's own condition or input function.
     *
     * @return the exception; empty when there was none
     */
    public Optional<Throwable> error() {
        return Optional.ofNullable(error);
    }

    /**
     * How many times the step called its tool: 1, plus the plan's retries. (The SDK's own HTTP retries inside one
     * call are in {@link dev.codespar.errors.ApiError#getAttempts()}.)
     *
     * @return the count; 0 when the tool was not called
     */
    public int attempts() {
        return attempts;
    }

    /**
     * How long the step took, from evaluating its condition to its last answer, waits between retries included.
     *
     * @return the duration; zero for a step not run
     */
    public Duration duration() {
        return duration;
    }

    /**
     * Whether the tool may have done its work: {@code true} for a success, and for a failure whose outcome on the
     * server is unknown ({@link dev.codespar.errors.ApiError#mayHaveBeenProcessed()}: a 500, a 504, a connection lost
     * after the request was written, an exception the SDK cannot place). {@code false} when it provably did not: a
     * failed result, a refusal (4xx, 502, 503), a request that never left, a condition or input function that threw,
     * a step skipped or not run. A step that may have run is never called again, neither by the plan's retries nor by
     * {@link ToolPlan#resume}.
     *
     * @return whether the work may have been done
     */
    public boolean mayHaveRun() {
        return mayHaveRun;
    }

    /**
     * Whether this outcome was recorded by the caller with {@link PlanResult#withOutcome(String, ToolResult)} after
     * checking what happened, rather than answered to the plan.
     *
     * @return {@code true} for a reconciled outcome
     */
    public boolean reconciled() {
        return reconciled;
    }

    StepResult reconciledWith(ToolResult outcome) {
        Objects.requireNonNull(outcome, "outcome");
        return new StepResult(name, tool, outcome.success() ? StepStatus.SUCCEEDED : StepStatus.FAILED, input,
                outcome, null, attempts, duration, outcome.success(), true);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("StepResult{").append(name).append(' ').append(tool).append(' ')
                .append(status).append(", attempts=").append(attempts).append(", duration=")
                .append(duration.toMillis()).append("ms");
        if (result != null && !result.success()) {
            sb.append(", error=").append(result.error());
        }
        if (error != null) {
            sb.append(", error=").append(error);
        }
        if (status == StepStatus.FAILED) {
            sb.append(", mayHaveRun=").append(mayHaveRun);
        }
        return sb.append(reconciled ? ", reconciled" : "").append('}').toString();
    }
}
