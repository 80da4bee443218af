package dev.codespar.plans;

import dev.codespar.Session;
import dev.codespar.ToolResult;
import dev.codespar.errors.ApiError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a plan, blocking or not: both are this one sequence of futures, over a {@link Driver} that either calls
 * and waits on the caller's thread (every future already complete) or does neither.
 */
final class PlanRun {

    private static final Logger LOG = LoggerFactory.getLogger(ToolPlan.class);

    /** The largest backoff between two attempts of a step. */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    /** A server-asked wait longer than this is not slept: the step fails, and can be resumed later. */
    static final Duration MAX_WAIT = Duration.ofMinutes(5);

    /** How a run calls tools and waits. */
    interface Driver {
        CompletableFuture<ToolResult> call(String tool, Map<String, ?> input);

        /** Completes with {@code false} when the wait was cut short: then nothing is retried. */
        CompletableFuture<Boolean> pause(Duration wait);
    }

    private final ToolPlan.Settings plan;
    private final Driver driver;
    private final StepResult[] results;
    private final boolean[] keep;
    private boolean stopped;

    private PlanRun(ToolPlan.Settings plan, Driver driver, StepResult[] results, boolean[] keep) {
        this.plan = plan;
        this.driver = driver;
        this.results = results;
        this.keep = keep;
    }

    static PlanRun fresh(ToolPlan.Settings plan, Driver driver) {
        int n = plan.steps().size();
        return new PlanRun(plan, driver, new StepResult[n], new boolean[n]);
    }

    /** A run that keeps the given steps' earlier results and runs the others anew. */
    static PlanRun resumed(ToolPlan.Settings plan, Driver driver, List<StepResult> previous, boolean[] keep) {
        StepResult[] results = new StepResult[previous.size()];
        for (int i = 0; i < results.length; i++) {
            results[i] = keep[i] ? previous.get(i) : null;
        }
        return new PlanRun(plan, driver, results, keep);
    }

    static Driver blocking(Session session, Pacing pacing) {
        return new Driver() {
            @Override
            public CompletableFuture<ToolResult> call(String tool, Map<String, ?> input) {
                try {
                    return CompletableFuture.completedFuture(session.execute(tool, input));
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }

            @Override
            public CompletableFuture<Boolean> pause(Duration wait) {
                return CompletableFuture.completedFuture(pacing.sleep(wait));
            }
        };
    }

    static Driver async(Session session, Pacing pacing) {
        return new Driver() {
            @Override
            public CompletableFuture<ToolResult> call(String tool, Map<String, ?> input) {
                try {
                    return session.executeAsync(tool, input);
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }

            @Override
            public CompletableFuture<Boolean> pause(Duration wait) {
                return pacing.delay(wait).thenApply(done -> true);
            }
        };
    }

    CompletableFuture<PlanResult> run() {
        long start = plan.pacing().nanoTime();
        return from(0).thenApply(done -> new PlanResult(Arrays.asList(results),
                Duration.ofNanos(plan.pacing().nanoTime() - start)));
    }

    private CompletableFuture<Void> from(int i) {
        if (i == results.length) {
            return CompletableFuture.completedFuture(null);
        }
        ToolPlan.Step step = plan.steps().get(i);
        if (keep[i]) {
            return from(i + 1);
        }
        if (stopped) {
            results[i] = StepResult.notRun(step.name(), step.tool());
            return from(i + 1);
        }
        return step(i, step).thenCompose(result -> {
            results[i] = result;
            stopped = result.failed() && !plan.continueOnFailure();
            tell(listener -> listener.stepFinished(result));
            return from(i + 1);
        });
    }

    private CompletableFuture<StepResult> step(int i, ToolPlan.Step step) {
        long start = plan.pacing().nanoTime();
        StepOutputs done = PlanResult.outputsOf(Arrays.asList(results).subList(0, i));
        Map<String, ?> input;
        try {
            if (step.condition() != null && !step.condition().test(done)) {
                return CompletableFuture.completedFuture(new StepResult(step.name(), step.tool(), StepStatus.SKIPPED,
                        null, null, null, 0, elapsed(start), false, false));
            }
            input = step.input().apply(done);
            if (input == null) {
                throw new IllegalStateException("the input function of step " + step.name() + " returned null");
            }
        } catch (RuntimeException e) {
            // the plan's own code failed before any call: nothing can have run
            return CompletableFuture.completedFuture(new StepResult(step.name(), step.tool(), StepStatus.FAILED, null,
                    null, e, 0, elapsed(start), false, false));
        }
        return attempt(step, input, 1, start);
    }

    private CompletableFuture<StepResult> attempt(ToolPlan.Step step, Map<String, ?> input, int attempt, long start) {
        tell(listener -> listener.stepStarted(step.name(), step.tool(), attempt));
        return driver.call(step.tool(), input).handle(Attempt::new).thenCompose(outcome -> {
            if (outcome.result() != null && outcome.result().success()) {
                return CompletableFuture.completedFuture(new StepResult(step.name(), step.tool(),
                        StepStatus.SUCCEEDED, input, outcome.result(), null, attempt, elapsed(start), true, false));
            }
            StepResult failed = new StepResult(step.name(), step.tool(), StepStatus.FAILED, input, outcome.result(),
                    outcome.error(), attempt, elapsed(start), outcome.result() == null
                            && RetryRule.mayHaveRun(outcome.error()), false);
            Duration wait = attempt <= plan.maxRetries() ? waitBefore(attempt, outcome) : null;
            if (wait == null) {
                return CompletableFuture.completedFuture(failed);
            }
            tell(listener -> listener.stepRetrying(failed, wait));
            return driver.pause(wait).thenCompose(slept -> slept ? attempt(step, input, attempt + 1, start)
                    : CompletableFuture.completedFuture(failed));
        });
    }

    /** The wait before trying a failed attempt again, or {@code null} when it must not (or need not) be. */
    private Duration waitBefore(int attempt, Attempt outcome) {
        boolean worth = outcome.result() != null ? RetryRule.worthRepeating(outcome.result())
                : RetryRule.worthRepeating(outcome.error());
        if (!worth) {
            return null;
        }
        Duration backoff = plan.backoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        Duration wait = backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
        if (outcome.error() instanceof ApiError api && api.getRetryAfter().isPresent()
                && api.getRetryAfter().get().compareTo(wait) > 0) {
            wait = api.getRetryAfter().get();
        }
        return wait.compareTo(MAX_WAIT) > 0 ? null : wait;
    }

    private Duration elapsed(long start) {
        return Duration.ofNanos(plan.pacing().nanoTime() - start);
    }

    private void tell(Consumer<PlanListener> event) {
        for (PlanListener listener : plan.listeners()) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("a plan listener failed; it is ignored: {}", e.toString());
            }
        }
    }

    /** What one call answered: a result, or the exception it completed with (unwrapped). */
    private record Attempt(ToolResult result, Throwable error) {
        Attempt {
            error = error == null ? null : RetryRule.unwrap(error);
        }
    }

    /** The results of a previous run, checked against the plan, with what a resumption keeps. */
    static boolean[] keptOnResume(ToolPlan.Settings plan, PlanResult previous) {
        List<StepResult> steps = previous.steps();
        List<String> expected = new ArrayList<>();
        plan.steps().forEach(s -> expected.add(s.name() + " " + s.tool()));
        List<String> given = new ArrayList<>();
        steps.forEach(s -> given.add(s.name() + " " + s.tool()));
        if (!expected.equals(given)) {
            throw new IllegalArgumentException("the result is not of this plan: its steps are " + given
                    + ", the plan's " + expected);
        }
        for (StepResult s : steps) {
            if (s.failed() && s.mayHaveRun()) {
                throw new IllegalStateException("step " + s.name() + " (" + s.tool() + ") may have run"
                        + s.error().map(e -> " (" + e + ")").orElse("") + ", so it is never called again: check what"
                        + " it did, record that with withOutcome(\"" + s.name() + "\", result), then resume");
            }
        }
        int first = 0;
        while (first < steps.size() && (steps.get(first).succeeded() || steps.get(first).skipped())) {
            first++;
        }
        boolean[] keep = new boolean[steps.size()];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = i < first || steps.get(i).succeeded();
        }
        return keep;
    }
}
