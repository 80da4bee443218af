package dev.codespar.plans;

import dev.codespar.ToolResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link ToolPlan} run did: one {@link StepResult} per step of the plan, in order (steps never reached are
 * {@link StepStatus#NOT_RUN}), and how long the run took. Immutable.
 *
 * <pre>{@code
 * PlanResult result = plan.run(session);
 * if (!result.success()) {
 *     StepResult failed = result.failedStep().orElseThrow();
 *     if (failed.mayHaveRun()) {
 *         ToolResult checked = checkWhatHappened(failed);         // e.g. the payment status
 *         result = plan.resume(session, result.withOutcome(failed.name(), checked));
 *     } else {
 *         result = plan.resume(session, result);                  // nothing ran: call it again
 *     }
 * }
 * }</pre>
 */
public final class PlanResult {

    private final List<StepResult> steps;
    private final Duration duration;

    PlanResult(List<StepResult> steps, Duration duration) {
        this.steps = List.copyOf(steps);
        this.duration = duration;
    }

    /**
     * Whether every step succeeded or was skipped by its condition.
     *
     * @return {@code true} when nothing failed and nothing was left unrun
     */
    public boolean success() {
        return steps.stream().allMatch(s -> s.succeeded() || s.skipped());
    }

    /** @return every step's result, in plan order */
    public List<StepResult> steps() {
        return steps;
    }

    /**
     * One step's result.
     *
     * @param name the step's name
     * @return its result
     * @throws IllegalArgumentException when the plan has no such step
     */
    public StepResult step(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the plan has no step named " + name));
    }

    /** @return how many steps succeeded */
    public int completedSteps() {
        return (int) steps.stream().filter(StepResult::succeeded).count();
    }

    /** @return how many steps the plan has */
    public int totalSteps() {
        return steps.size();
    }

    /**
     * The first step that failed: where the plan stopped, unless it was built with
     * {@link ToolPlan.Builder#continueOnFailure()}.
     *
     * @return the step, or empty when none failed
     */
    public Optional<StepResult> failedStep() {
        return steps.stream().filter(StepResult::failed).findFirst();
    }

    /**
     * The outputs of the steps, as the steps' conditions and input functions read them.
     *
     * @return the outputs
     */
    public StepOutputs outputs() {
        return outputsOf(steps);
    }

    /**
     * How long this run took (for a resumed run, the resumption only; each step keeps its own duration).
     *
     * @return the duration
     */
    public Duration duration() {
        return duration;
    }

    /**
     * A copy in which a failed step's outcome is what the caller found out it was, for a step that may have run (a
     * payment that timed out): check what happened (the payment status, the wallet), then record it here and
     * {@link ToolPlan#resume resume}. A successful {@code outcome} makes the step {@link StepStatus#SUCCEEDED}, and
     * later steps read its data; a failed one says it provably did not go through, so resuming calls it again.
     *
     * @param step the failed step's name
     * @param outcome what the step's tool did, e.g. a result built from a status check
     * @return the copy, the step marked {@link StepResult#reconciled()}
     * @throws IllegalArgumentException when the plan has no such step
     * @throws IllegalStateException when that step did not fail
     */
    public PlanResult withOutcome(String step, ToolResult outcome) {
        StepResult current = step(step);
        if (!current.failed()) {
            throw new IllegalStateException("step " + step + " is " + current.status()
                    + ": only a failed step's outcome can be recorded");
        }
        List<StepResult> copy = new ArrayList<>(steps);
        copy.set(copy.indexOf(current), current.reconciledWith(outcome));
        return new PlanResult(copy, duration);
    }

    static StepOutputs outputsOf(List<StepResult> results) {
        Map<String, StepResult> byName = new LinkedHashMap<>();
        List<StepResult> ran = new ArrayList<>();
        for (StepResult r : results) {
            if (r != null && r.status() != StepStatus.NOT_RUN) {
                byName.put(r.name(), r);
                ran.add(r);
            }
        }
        return new StepOutputs(byName, List.copyOf(ran));
    }

    @Override
    public String toString() {
        return "PlanResult{success=" + success() + ", completed=" + completedSteps() + "/" + totalSteps()
                + ", duration=" + duration.toMillis() + "ms, steps=" + steps + "}";
    }
}
