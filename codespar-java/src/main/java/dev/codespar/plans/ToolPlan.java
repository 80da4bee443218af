package dev.codespar.plans;

import dev.codespar.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A fixed sequence of tool calls on a session, each step with an optional condition and arguments computed from the
 * steps before it. It stops at the first failure (unless {@link Builder#continueOnFailure()}), reports every step's
 * result, attempts and duration, and can be resumed from the step that failed. Immutable and thread-safe: one plan
 * can run on many sessions at once.
 *
 * <pre>{@code
 * ToolPlan checkout = ToolPlan.builder()
 *         .step("quote", "codespar_ship", Map.of("action", "quote", "to_zip", "01310-100", "weight_kg", 1.2))
 *         .step("pay", "codespar_pay", done -> Map.of(
 *                 "amount", 1000 + done.data("quote").path("price_minor").asLong(),
 *                 "currency", "BRL", "method", "pix"))
 *         .step("invoice", "codespar_invoice", done -> Map.of("type", "nfe",
 *                 "payment_id", done.data("pay").path("id").asText()))
 *         .when(done -> done.data("pay").path("status").asText().equals("succeeded"))
 *         .retries(2, Duration.ofSeconds(1))
 *         .build();
 *
 * PlanResult result = checkout.run(session);
 * for (StepResult step : result.steps()) {
 *     System.out.println(step.name() + " " + step.status() + " in " + step.duration().toMillis() + " ms");
 * }
 * }</pre>
 *
 * <h2>What is retried, and what never is</h2>
 *
 * <p>Unlike a helper that repeats any failed step, a plan calls a tool again only when the failed call provably did
 * nothing and a repeat could answer differently. With {@link Builder#retries(int, Duration) retries(n, backoff)}, a
 * step is called again (up to {@code n} times, after {@code backoff}, doubling each time, or the server's
 * {@code Retry-After} when longer) after:
 *
 * <ul>
 *   <li>a failed result ({@code success == false}: the tool refused and did not do its work), except a
 *       {@code policy_denied}, an {@code approval_required} (repeating it would ask a human twice), and the test-mode
 *       {@code mocks_exhausted} and {@code tool_not_mocked}, which a repeat answers the same way;
 *   <li>a {@link dev.codespar.errors.NetworkError} whose request never left
 *       ({@link dev.codespar.errors.NetworkError#wasRequestSent()} {@code false}), unless the client was closed;
 *   <li>a 429 other than {@code quota_exceeded}, a 502 and a 503: the server said it did not take the request.
 * </ul>
 *
 * <p>Never after an error that {@link dev.codespar.errors.ApiError#mayHaveBeenProcessed() may have been processed}
 * (a 500, a 504, a connection lost after the request was written, an answer the SDK could not read), and never after
 * any other refusal (a 4xx: a repeat gets the same answer) or an exception the SDK cannot place. Those end the step as
 * {@link StepStatus#FAILED}; {@link StepResult#mayHaveRun()} says whether the work may have been done. The
 * SDK's own HTTP retries (the client's {@code RetryPolicy}) happen inside each call, before any of this. A server
 * wait longer than five minutes is not slept: the step fails, to be resumed later.
 *
 * <h2>Resuming</h2>
 *
 * <p>{@link #resume(Session, PlanResult)} runs a failed plan again from its first failed step: the steps that
 * succeeded keep their results (and are never called again), and the rest run as if for the first time, their
 * conditions and inputs reading the kept results. A failed step that may have run refuses to be resumed: check what
 * it did (the payment status, the wallet), record that with {@link PlanResult#withOutcome(String,
 * dev.codespar.ToolResult)}, then resume.
 *
 * <p>Conditions, input functions and {@link PlanListener}s run on the thread that runs the step: the caller's for
 * {@link #run}, an HTTP client thread for {@link #runAsync}. A condition or input function that throws fails its step
 * (nothing was called, so it may be resumed); a listener that throws is logged and ignored.
 */
public final class ToolPlan {

    /** The most retries a step may have. */
    public static final int MAX_RETRIES = 10;

    /** One step as built. */
    record Step(String name, String tool, Function<StepOutputs, ? extends Map<String, ?>> input,
            Predicate<StepOutputs> condition) {}

    /** Everything a run needs. */
    record Settings(List<Step> steps, int maxRetries, Duration backoff, boolean continueOnFailure,
            List<PlanListener> listeners, Pacing pacing) {}

    private final Settings settings;

    private ToolPlan(Settings settings) {
        this.settings = settings;
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The names of the steps, in order.
     *
     * @return the names
     */
    public List<String> stepNames() {
        List<String> names = new ArrayList<>();
        settings.steps().forEach(s -> names.add(s.name()));
        return Collections.unmodifiableList(names);
    }

    /**
     * Runs the plan on a session, blocking the calling thread.
     *
     * @param session the session whose tools the steps call
     * @return what every step did; never throws for a step's failure (see {@link PlanResult#failedStep()})
     */
    public PlanResult run(Session session) {
        Objects.requireNonNull(session, "session");
        return join(PlanRun.fresh(settings, PlanRun.blocking(session, settings.pacing())).run());
    }

    /**
     * {@link #run(Session)} without blocking: each call uses the session's async twin, and waits between retries hold
     * no thread.
     *
     * @param session the session
     * @return a future of what every step did; it completes normally even when a step failed
     */
    public CompletableFuture<PlanResult> runAsync(Session session) {
        Objects.requireNonNull(session, "session");
        return PlanRun.fresh(settings, PlanRun.async(session, settings.pacing())).run();
    }

    /**
     * Runs a failed plan again from its first failed (or not run) step; steps that succeeded keep their results and
     * are not called again. A plan that had succeeded is returned as it was, with nothing called.
     *
     * <pre>{@code
     * PlanResult first = plan.run(session);              // "pay" failed: a 503 after the retries
     * PlanResult second = plan.resume(session, first);   // "quote" is kept; "pay" and the rest run now
     * }</pre>
     *
     * @param session the session (the same one, or another of the same user)
     * @param previous the result of a run of this plan
     * @return the steps kept and the steps run now, in plan order
     * @throws IllegalArgumentException when the result is not of this plan (other steps)
     * @throws IllegalStateException when a failed step may have run: record its outcome with
     *     {@link PlanResult#withOutcome(String, dev.codespar.ToolResult)} first
     */
    public PlanResult resume(Session session, PlanResult previous) {
        Objects.requireNonNull(session, "session");
        boolean[] keep = PlanRun.keptOnResume(settings, Objects.requireNonNull(previous, "previous"));
        return join(PlanRun.resumed(settings, PlanRun.blocking(session, settings.pacing()), previous.steps(), keep)
                .run());
    }

    /**
     * {@link #resume(Session, PlanResult)} without blocking.
     *
     * @param session the session
     * @param previous the result of a run of this plan
     * @return a future of the resumed result, failed with the exceptions {@link #resume} throws
     */
    public CompletableFuture<PlanResult> resumeAsync(Session session, PlanResult previous) {
        try {
            Objects.requireNonNull(session, "session");
            boolean[] keep = PlanRun.keptOnResume(settings, Objects.requireNonNull(previous, "previous"));
            return PlanRun.resumed(settings, PlanRun.async(session, settings.pacing()), previous.steps(), keep).run();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The blocking driver completes every future before returning, so this never waits. */
    private static PlanResult join(CompletableFuture<PlanResult> run) {
        try {
            return run.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        List<String> steps = new ArrayList<>();
        settings.steps().forEach(s -> steps.add(s.name() + "=" + s.tool() + (s.condition() != null ? "?" : "")));
        return "ToolPlan{steps=" + steps + ", retries=" + settings.maxRetries() + ", backoff="
                + settings.backoff().toMillis() + "ms, continueOnFailure=" + settings.continueOnFailure() + "}";
    }

    /** Builds a {@link ToolPlan}. Not thread-safe. */
    public static final class Builder {
        private final List<Step> steps = new ArrayList<>();
        private int maxRetries;
        private Duration backoff = Duration.ofSeconds(1);
        private boolean continueOnFailure;
        private final List<PlanListener> listeners = new ArrayList<>();
        private Pacing pacing = Pacing.SYSTEM;

        private Builder() {}

        /**
         * Adds a step with fixed arguments.
         *
         * @param name the step's name, unique in the plan: what later steps read its output by
         * @param tool the tool, a meta-tool ({@code codespar_pay}) or {@code server/tool}
         * @param input the tool's arguments
         * @return this builder
         * @throws IllegalArgumentException when the name is blank or taken, or the tool blank
         */
        public Builder step(String name, String tool, Map<String, ?> input) {
            Objects.requireNonNull(input, "input");
            Map<String, Object> fixed = Collections.unmodifiableMap(new LinkedHashMap<>(input));
            return step(name, tool, done -> fixed);
        }

        /**
         * Adds a step whose arguments are computed from the steps before it, once, just before it runs (not again
         * for its retries).
         *
         * @param name the step's name, unique in the plan
         * @param tool the tool
         * @param input computes the arguments from what the earlier steps produced
         * @return this builder
         * @throws IllegalArgumentException when the name is blank or taken, or the tool blank
         */
        public Builder step(String name, String tool, Function<StepOutputs, ? extends Map<String, ?>> input) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a step needs a name");
            }
            if (tool == null || tool.isBlank()) {
                throw new IllegalArgumentException("step " + name + " needs a tool");
            }
            Objects.requireNonNull(input, "input");
            if (steps.stream().anyMatch(s -> s.name().equals(name))) {
                throw new IllegalArgumentException("the plan already has a step named " + name);
            }
            steps.add(new Step(name, tool, input, null));
            return this;
        }

        /**
         * Runs the last added step only when the condition holds; otherwise it is {@link StepStatus#SKIPPED}.
         *
         * @param condition reads what the earlier steps produced
         * @return this builder
         * @throws IllegalStateException when no step was added yet, or the last one has a condition already
         */
        public Builder when(Predicate<StepOutputs> condition) {
            Objects.requireNonNull(condition, "condition");
            if (steps.isEmpty()) {
                throw new IllegalStateException("when(...) applies to the step before it: add a step first");
            }
            Step last = steps.get(steps.size() - 1);
            if (last.condition() != null) {
                throw new IllegalStateException("step " + last.name() + " has a condition already");
            }
            steps.set(steps.size() - 1, new Step(last.name(), last.tool(), last.input(), condition));
            return this;
        }

        /**
         * Calls a failed step again, up to {@code maxRetries} times, only where the failure provably did not run
         * (see the class documentation). Default: no retries.
         *
         * @param maxRetries 0 to {@value ToolPlan#MAX_RETRIES}
         * @param backoff the wait before the first retry, doubled before each next one (at most a minute); between
         *     zero and one minute
         * @return this builder
         * @throws IllegalArgumentException when out of range
         */
        public Builder retries(int maxRetries, Duration backoff) {
            if (maxRetries < 0 || maxRetries > MAX_RETRIES) {
                throw new IllegalArgumentException("maxRetries must be 0 to " + MAX_RETRIES + ", was " + maxRetries);
            }
            Objects.requireNonNull(backoff, "backoff");
            if (backoff.isNegative() || backoff.compareTo(PlanRun.MAX_BACKOFF) > 0) {
                throw new IllegalArgumentException("backoff must be between zero and one minute, was " + backoff);
            }
            this.maxRetries = maxRetries;
            this.backoff = backoff;
            return this;
        }

        /**
         * Goes on with the next steps after a step fails (default: stop at the first failure; the rest are
         * {@link StepStatus#NOT_RUN}). Later steps can test {@link StepOutputs#succeeded(String)} in their
         * conditions.
         *
         * @return this builder
         */
        public Builder continueOnFailure() {
            this.continueOnFailure = true;
            return this;
        }

        /**
         * Adds a listener of every step's start, retries and end.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(PlanListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** The clock and waits; tests replace them. */
        Builder pacing(Pacing value) {
            this.pacing = Objects.requireNonNull(value, "pacing");
            return this;
        }

        /**
         * Builds the plan.
         *
         * @return the plan
         * @throws IllegalStateException when it has no step
         */
        public ToolPlan build() {
            if (steps.isEmpty()) {
                throw new IllegalStateException("a plan needs at least one step");
            }
            return new ToolPlan(new Settings(List.copyOf(steps), maxRetries, backoff, continueOnFailure,
                    List.copyOf(listeners), pacing));
        }
    }
}
