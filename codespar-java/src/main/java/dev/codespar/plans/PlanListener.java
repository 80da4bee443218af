package dev.codespar.plans;

import java.time.Duration;

/**
 * Hears a {@link ToolPlan} run, step by step: for progress bars, logs and metrics. Every method has an empty default.
 * Called on the thread that runs the step (the caller's for {@link ToolPlan#run}, an HTTP client thread for
 * {@link ToolPlan#runAsync}); a listener that throws is logged at WARN and ignored, so it can never stop a plan
 * half-way through a payment.
 *
 * <pre>{@code
 * ToolPlan plan = ToolPlan.builder()
 *         .step("pay", "codespar_pay", Map.of("amount", 1000, "currency", "BRL", "method", "pix"))
 *         .listener(new PlanListener() {
 *             public void stepFinished(StepResult r) {
 *                 log.info("{} {} in {} ms", r.name(), r.status(), r.duration().toMillis());
 *             }
 *         })
 *         .build();
 * }</pre>
 */
public interface PlanListener {

    /**
     * A step is about to call its tool.
     *
     * @param step the step's name
     * @param tool the tool
     * @param attempt 1 for the first call, 2 for the first retry, ...
     */
    default void stepStarted(String step, String tool, int attempt) {}

    /**
     * A failed attempt will be tried again after a wait (only for a failure that provably did not run).
     *
     * @param failedAttempt the attempt that failed: its result or error, and {@link StepResult#attempts()} so far
     * @param wait how long the plan waits first
     */
    default void stepRetrying(StepResult failedAttempt, Duration wait) {}

    /**
     * A step ended: succeeded, failed, or skipped by its condition. Not called for steps the plan never reached.
     *
     * @param result how it ended
     */
    default void stepFinished(StepResult result) {}
}
