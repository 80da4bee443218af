package dev.codespar.plans;

import static dev.codespar.plans.PlanServer.error;
import static dev.codespar.plans.PlanServer.ok;
import static dev.codespar.plans.PlanServer.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codespar.ToolResult;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Resuming a failed plan: the steps that succeeded are never called again, the failed one runs again only when it
 * provably did not run, and one that may have run needs its outcome recorded first.
 */
class PlanResumeTest {

    private final PlanServer api = new PlanServer();
    private final FakePacing pacing = new FakePacing();

    private final ToolPlan checkout = ToolPlan.builder().pacing(pacing)
            .step("quote", "codespar_ship", Map.of("action", "quote"))
            .step("pay", "codespar_pay", done -> Map.of("amount", 1000 + done.data("quote").path("price").asLong()))
            .step("notify", "codespar_notify", done -> Map.of("ref", done.data("pay").path("id").asText()))
            .build();

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void resumesFromTheFailedStepKeepingWhatSucceeded() {
        api.enqueue(ok("codespar_ship", "{\"price\":500}"), error(503, "service_unavailable"));
        PlanResult first = checkout.run(api.session);
        assertThat(first.failedStep().orElseThrow().name()).isEqualTo("pay");
        assertThat(first.step("notify").status()).isEqualTo(StepStatus.NOT_RUN);
        assertThat(api.executeBodies()).hasSize(2);

        api.enqueue(ok("codespar_pay", "{\"id\":\"pay_9\"}"), ok("codespar_notify", "{}"));
        PlanResult second = checkout.resume(api.session, first);

        assertThat(api.executeBodies()).as("quote is not called again").containsExactly(
                "{\"tool\":\"codespar_pay\",\"input\":{\"amount\":1500}}",
                "{\"tool\":\"codespar_notify\",\"input\":{\"ref\":\"pay_9\"}}");
        assertThat(second.success()).isTrue();
        assertThat(second.step("quote")).isSameAs(first.step("quote"));
        assertThat(second.step("pay").attempts()).isEqualTo(1);
        assertThat(second.completedSteps()).isEqualTo(3);
    }

    @Test
    void aStepThatMayHaveRunIsNeverResumedBlindly() {
        api.enqueue(ok("codespar_ship", "{}"), error(504, "gateway_timeout"));
        PlanResult first = checkout.run(api.session);
        assertThat(first.step("pay").mayHaveRun()).isTrue();
        int calls = api.executions();

        assertThatThrownBy(() -> checkout.resume(api.session, first)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("step pay (codespar_pay) may have run")
                .hasMessageContaining("withOutcome(\"pay\", result)");
        assertThat(api.executions()).isEqualTo(calls);
    }

    @Test
    void aReconciledSuccessLetsTheRestRunOnItsData() throws Exception {
        api.enqueue(ok("codespar_ship", "{}"),
                new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        PlanResult first = checkout.run(api.session);
        assertThat(first.step("pay").mayHaveRun()).isTrue();
        api.executeBodies();
        ToolResult checked = new ToolResult(true, new ObjectMapper().readTree("{\"id\":\"pay_checked\"}"), null, 0,
                "asaas", "codespar_pay", "tc_1", null, null);

        PlanResult reconciled = first.withOutcome("pay", checked);
        api.enqueue(ok("codespar_notify", "{}"));
        PlanResult second = checkout.resume(api.session, reconciled);

        assertThat(api.executeBodies())
                .containsExactly("{\"tool\":\"codespar_notify\",\"input\":{\"ref\":\"pay_checked\"}}");
        assertThat(second.success()).isTrue();
        assertThat(second.step("pay").reconciled()).isTrue();
        assertThat(second.step("pay").succeeded()).isTrue();
        assertThat(first.step("pay").failed()).as("the original is unchanged").isTrue();
    }

    @Test
    void aReconciledFailureSaysItDidNotGoThroughSoResumingCallsItAgain() {
        api.enqueue(ok("codespar_ship", "{}"), error(500, "internal_error"));
        PlanResult first = checkout.run(api.session);
        api.executeBodies();
        ToolResult didNotGoThrough = new ToolResult(false, null, "payment_not_found", 0, null, "codespar_pay", null,
                null, null);

        api.enqueue(ok("codespar_pay", "{\"id\":\"pay_2\"}"), ok("codespar_notify", "{}"));
        PlanResult second = checkout.resume(api.session, first.withOutcome("pay", didNotGoThrough));

        assertThat(api.executeBodies()).hasSize(2).first().asString().contains("codespar_pay");
        assertThat(second.success()).isTrue();
        assertThat(second.step("pay").reconciled()).isFalse();
    }

    @Test
    void aStepWhoseInputFunctionFailedIsRunOnResume() {
        AtomicBoolean broken = new AtomicBoolean(true);
        ToolPlan plan = ToolPlan.builder().pacing(pacing).step("pay", "codespar_pay", done -> {
            if (broken.get()) {
                throw new IllegalStateException("config not loaded");
            }
            return Map.of("amount", 1);
        }).build();
        PlanResult first = plan.run(api.session);
        assertThat(api.executions()).isZero();

        broken.set(false);
        api.enqueue(ok("codespar_pay", "{}"));
        PlanResult second = plan.resume(api.session, first);

        assertThat(second.success()).isTrue();
        assertThat(api.executions()).isEqualTo(1);
    }

    @Test
    void conditionsOfTheResumedStepsAreEvaluatedAgain() {
        ToolPlan plan = ToolPlan.builder().pacing(pacing)
                .step("pay", "codespar_pay", Map.of())
                .step("invoice", "codespar_invoice", Map.of()).when(done -> done.succeeded("pay"))
                .continueOnFailure().build();
        api.enqueue(refused("codespar_pay", "busy", "null"));
        PlanResult first = plan.run(api.session);
        assertThat(first.step("invoice").skipped()).isTrue();

        api.enqueue(ok("codespar_pay", "{}"), ok("codespar_invoice", "{}"));
        PlanResult second = plan.resume(api.session, first);

        assertThat(second.steps()).extracting(StepResult::status).containsOnly(StepStatus.SUCCEEDED);
        assertThat(api.executions()).isEqualTo(3);
    }

    @Test
    void withContinueOnFailureLaterSuccessesAreKeptAndOnlyTheFailedStepRunsAgain() {
        ToolPlan plan = ToolPlan.builder().pacing(pacing)
                .step("a", "codespar_a", Map.of()).step("b", "codespar_b", Map.of()).step("c", "codespar_c", Map.of())
                .continueOnFailure().build();
        api.enqueue(ok("codespar_a", "{}"), error(502, "provider_error"), ok("codespar_c", "{}"));
        PlanResult first = plan.run(api.session);
        api.executeBodies();

        api.enqueue(ok("codespar_b", "{}"));
        PlanResult second = plan.resume(api.session, first);

        assertThat(api.executeBodies()).containsExactly("{\"tool\":\"codespar_b\",\"input\":{}}");
        assertThat(second.success()).isTrue();
        assertThat(second.step("c")).isSameAs(first.step("c"));
    }

    @Test
    void aSuccessfulPlanResumesToItselfWithoutACall() {
        api.enqueue(ok("codespar_ship", "{}"), ok("codespar_pay", "{\"id\":\"p\"}"), ok("codespar_notify", "{}"));
        PlanResult first = checkout.run(api.session);
        int calls = api.executions();

        PlanResult again = checkout.resume(api.session, first);

        assertThat(api.executions()).isEqualTo(calls);
        assertThat(again.steps()).isEqualTo(first.steps());
        assertThat(again.success()).isTrue();
    }

    @Test
    void aResultOfAnotherPlanIsRefused() {
        api.enqueue(ok("codespar_x", "{}"));
        PlanResult other = ToolPlan.builder().pacing(pacing).step("x", "codespar_x", Map.of()).build().run(api.session);

        assertThatThrownBy(() -> checkout.resume(api.session, other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not of this plan");
    }

    @Test
    void onlyAFailedStepsOutcomeCanBeRecorded() {
        api.enqueue(ok("codespar_ship", "{}"), refused("codespar_pay", "busy", "null"));
        PlanResult first = checkout.run(api.session);
        ToolResult any = new ToolResult(true, null, null, 0, null, "t", null, null, null);

        assertThatThrownBy(() -> first.withOutcome("quote", any)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("quote is SUCCEEDED");
        assertThatThrownBy(() -> first.withOutcome("notify", any)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NOT_RUN");
        assertThatThrownBy(() -> first.withOutcome("nope", any)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> first.withOutcome("pay", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theResumedRunsDurationIsItsOwn() {
        api.enqueue(ok("codespar_ship", "{}"), error(503, "service_unavailable"));
        ToolPlan slow = ToolPlan.builder().pacing(pacing)
                .step("quote", "codespar_ship", Map.of()).step("pay", "codespar_pay", Map.of())
                .listener(new PlanListener() {
                    @Override
                    public void stepStarted(String step, String tool, int attempt) {
                        pacing.advance(Duration.ofMillis(100));
                    }
                }).build();
        PlanResult first = slow.run(api.session);
        api.enqueue(ok("codespar_pay", "{}"));

        PlanResult second = slow.resume(api.session, first);

        assertThat(first.duration()).isEqualTo(Duration.ofMillis(200));
        assertThat(second.duration()).isEqualTo(Duration.ofMillis(100));
        assertThat(second.step("quote").duration()).isEqualTo(Duration.ofMillis(100));
    }
}
