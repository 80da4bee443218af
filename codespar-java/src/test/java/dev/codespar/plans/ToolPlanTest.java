package dev.codespar.plans;

import static dev.codespar.plans.PlanServer.ok;
import static dev.codespar.plans.PlanServer.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Steps in order, arguments computed from earlier steps by name, conditions, stopping, durations and listeners. */
class ToolPlanTest {

    private final PlanServer api = new PlanServer();
    private final FakePacing pacing = new FakePacing();

    @AfterEach
    void close() {
        api.close();
    }

    private ToolPlan.Builder plan() {
        return ToolPlan.builder().pacing(pacing);
    }

    @Test
    void runsEveryStepInOrderWithArgumentsComputedFromEarlierOnes() {
        api.enqueue(ok("codespar_ship", "{\"price_minor\":1500}"), ok("codespar_pay", "{\"id\":\"pay_1\"}"));

        PlanResult result = plan()
                .step("quote", "codespar_ship", Map.of("action", "quote"))
                .step("pay", "codespar_pay", done -> PlanServer.args("amount", 1000 + done.data("quote")
                        .path("price_minor").asLong(), "currency", "BRL"))
                .build().run(api.session);

        assertThat(api.executeBodies()).containsExactly(
                "{\"tool\":\"codespar_ship\",\"input\":{\"action\":\"quote\"}}",
                "{\"tool\":\"codespar_pay\",\"input\":{\"amount\":2500,\"currency\":\"BRL\"}}");
        assertThat(result.success()).isTrue();
        assertThat(result.completedSteps()).isEqualTo(2);
        assertThat(result.totalSteps()).isEqualTo(2);
        assertThat(result.failedStep()).isEmpty();
        StepResult pay = result.step("pay");
        assertThat(pay.status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(pay.tool()).isEqualTo("codespar_pay");
        assertThat(pay.input()).containsEntry("amount", 2500L).containsEntry("currency", "BRL");
        assertThat(pay.result().orElseThrow().toolCallId()).isEqualTo("tc_codespar_pay");
        assertThat(pay.attempts()).isEqualTo(1);
        assertThat(pay.mayHaveRun()).isTrue();
        assertThat(pay.error()).isEmpty();
        assertThat(result.outputs().data("pay").path("id").asText()).isEqualTo("pay_1");
    }

    @Test
    void aFalseConditionSkipsTheStepWithoutACallAndLaterStepsStillReadByName() {
        api.enqueue(ok("codespar_pay", "{\"id\":\"pay_1\",\"status\":\"pending\"}"),
                ok("codespar_notify", "{\"sent\":true}"));

        PlanResult result = plan()
                .step("pay", "codespar_pay", Map.of("amount", 1000))
                .step("invoice", "codespar_invoice", Map.of("type", "nfe"))
                .when(done -> done.data("pay").path("status").asText().equals("succeeded"))
                .step("notify", "codespar_notify", done -> PlanServer.args("ref", done.data("pay").path("id").asText(),
                        "invoiced", done.succeeded("invoice"), "invoice_status", done.status("invoice").name()))
                .build().run(api.session);

        assertThat(api.executeBodies()).containsExactly(
                "{\"tool\":\"codespar_pay\",\"input\":{\"amount\":1000}}",
                "{\"tool\":\"codespar_notify\",\"input\":{\"ref\":\"pay_1\",\"invoiced\":false,"
                        + "\"invoice_status\":\"SKIPPED\"}}");
        assertThat(result.step("invoice").status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(result.step("invoice").skipped()).isTrue();
        assertThat(result.step("invoice").attempts()).isZero();
        assertThat(result.step("invoice").input()).isEmpty();
        assertThat(result.success()).as("a skipped step is not a failure").isTrue();
        assertThat(result.completedSteps()).isEqualTo(2);
        assertThat(result.outputs().steps()).extracting(StepResult::name).containsExactly("pay", "invoice", "notify");
    }

    @Test
    void stopsAtTheFirstFailureAndLeavesTheRestNotRun() {
        api.enqueue(ok("codespar_ship", "{}"), refused("codespar_pay", "no_eligible_providers", "null"),
                ok("codespar_notify", "{}"));

        PlanResult result = plan()
                .step("quote", "codespar_ship", Map.of())
                .step("pay", "codespar_pay", Map.of("amount", 1000))
                .step("notify", "codespar_notify", Map.of())
                .build().run(api.session);

        assertThat(api.executions()).isEqualTo(2);
        assertThat(result.success()).isFalse();
        assertThat(result.completedSteps()).isEqualTo(1);
        StepResult pay = result.failedStep().orElseThrow();
        assertThat(pay.name()).isEqualTo("pay");
        assertThat(pay.result().orElseThrow().error()).isEqualTo("no_eligible_providers");
        assertThat(pay.mayHaveRun()).as("a failed result did not do the work").isFalse();
        assertThat(pay.error()).isEmpty();
        assertThat(result.step("notify").status()).isEqualTo(StepStatus.NOT_RUN);
        assertThat(result.step("notify").attempts()).isZero();
        assertThat(result.step("notify").duration()).isEqualTo(Duration.ZERO);
    }

    @Test
    void continueOnFailureRunsTheRestAndTheyCanReactToTheFailure() {
        api.enqueue(refused("codespar_pay", "card_declined", "null"), ok("codespar_notify", "{}"));

        PlanResult result = plan()
                .step("pay", "codespar_pay", Map.of("amount", 1000))
                .step("invoice", "codespar_invoice", Map.of()).when(done -> done.succeeded("pay"))
                .step("apologise", "codespar_notify", done -> Map.of("why",
                        done.result("pay").map(r -> r.error()).orElse("?")))
                .when(done -> !done.succeeded("pay"))
                .continueOnFailure()
                .build().run(api.session);

        assertThat(api.executeBodies()).containsExactly("{\"tool\":\"codespar_pay\",\"input\":{\"amount\":1000}}",
                "{\"tool\":\"codespar_notify\",\"input\":{\"why\":\"card_declined\"}}");
        assertThat(result.steps()).extracting(StepResult::status)
                .containsExactly(StepStatus.FAILED, StepStatus.SKIPPED, StepStatus.SUCCEEDED);
        assertThat(result.success()).isFalse();
        assertThat(result.failedStep().orElseThrow().name()).isEqualTo("pay");
    }

    @Test
    void aConditionOrInputFunctionThatThrowsFailsItsStepWithoutACall() {
        IllegalStateException bug = new IllegalStateException("no customer id");

        PlanResult thrown = plan().step("pay", "codespar_pay", done -> {
            throw bug;
        }).build().run(api.session);
        PlanResult nulls = plan().step("pay", "codespar_pay", done -> null).build().run(api.session);
        PlanResult badCondition = plan().step("pay", "codespar_pay", Map.of()).when(done -> {
            throw bug;
        }).build().run(api.session);

        assertThat(api.executions()).isZero();
        for (PlanResult r : List.of(thrown, nulls, badCondition)) {
            StepResult pay = r.step("pay");
            assertThat(pay.status()).isEqualTo(StepStatus.FAILED);
            assertThat(pay.attempts()).isZero();
            assertThat(pay.mayHaveRun()).isFalse();
            assertThat(pay.result()).isEmpty();
        }
        assertThat(thrown.step("pay").error()).containsSame(bug);
        assertThat(badCondition.step("pay").error()).containsSame(bug);
        assertThat(nulls.step("pay").error().orElseThrow()).hasMessage("the input function of step pay returned null");
    }

    @Test
    void durationsCoverEachStepAndTheWholeRun() {
        api.enqueue(ok("a", "{}"), ok("b", "{}"));
        PlanListener slowServer = new PlanListener() {
            @Override
            public void stepStarted(String step, String tool, int attempt) {
                pacing.advance(step.equals("a") ? Duration.ofMillis(120) : Duration.ofMillis(30));
            }
        };

        PlanResult result = plan().step("a", "codespar_a", Map.of()).step("b", "codespar_b", Map.of())
                .listener(slowServer).build().run(api.session);

        assertThat(result.step("a").duration()).isEqualTo(Duration.ofMillis(120));
        assertThat(result.step("b").duration()).isEqualTo(Duration.ofMillis(30));
        assertThat(result.duration()).isEqualTo(Duration.ofMillis(150));
    }

    @Test
    void listenersHearEveryStartRetryAndEndAndOneThatThrowsIsIgnored() {
        api.enqueue(refused("codespar_pay", "provider_busy", "null"), ok("codespar_pay", "{}"));
        List<String> events = new CopyOnWriteArrayList<>();
        PlanListener broken = new PlanListener() {
            @Override
            public void stepFinished(StepResult result) {
                throw new IllegalStateException("listener bug");
            }
        };
        PlanListener recorder = new PlanListener() {
            @Override
            public void stepStarted(String step, String tool, int attempt) {
                events.add("start " + step + " " + tool + " #" + attempt);
            }

            @Override
            public void stepRetrying(StepResult failedAttempt, Duration wait) {
                events.add("retry " + failedAttempt.name() + " after " + failedAttempt.result().orElseThrow().error()
                        + " in " + wait.toMillis() + "ms");
            }

            @Override
            public void stepFinished(StepResult result) {
                events.add("end " + result.name() + " " + result.status() + " attempts=" + result.attempts());
            }
        };

        PlanResult result = plan().step("pay", "codespar_pay", Map.of()).step("skip", "codespar_x", Map.of())
                .when(done -> false).retries(1, Duration.ofMillis(200)).listener(broken).listener(recorder)
                .build().run(api.session);

        assertThat(result.success()).isTrue();
        assertThat(events).containsExactly("start pay codespar_pay #1", "retry pay after provider_busy in 200ms",
                "start pay codespar_pay #2", "end pay SUCCEEDED attempts=2", "end skip SKIPPED attempts=0");
    }

    @Test
    void theInputIsComputedOnceForAllAttempts() {
        api.enqueue(refused("codespar_pay", "busy", "null"), refused("codespar_pay", "busy", "null"),
                ok("codespar_pay", "{}"));
        AtomicInteger computed = new AtomicInteger();

        PlanResult result = plan().step("pay", "codespar_pay", done -> Map.of("n", computed.incrementAndGet()))
                .retries(2, Duration.ofMillis(10)).build().run(api.session);

        assertThat(computed).hasValue(1);
        assertThat(api.executeBodies()).containsOnly("{\"tool\":\"codespar_pay\",\"input\":{\"n\":1}}").hasSize(3);
        assertThat(result.step("pay").attempts()).isEqualTo(3);
    }

    @Test
    void onePlanRunsOnSeveralSessionsIndependently() {
        ToolPlan plan = plan().step("pay", "codespar_pay", Map.of("amount", 1)).build();
        api.enqueue(ok("codespar_pay", "{\"id\":\"p1\"}"), ok("codespar_pay", "{\"id\":\"p2\"}"));

        PlanResult first = plan.run(api.session);
        PlanResult second = plan.run(api.session);

        assertThat(first.outputs().data("pay").path("id").asText()).isEqualTo("p1");
        assertThat(second.outputs().data("pay").path("id").asText()).isEqualTo("p2");
        assertThat(plan.stepNames()).containsExactly("pay");
        assertThat(plan.toString()).contains("pay=codespar_pay");
    }
}
