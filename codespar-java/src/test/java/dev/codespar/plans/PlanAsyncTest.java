package dev.codespar.plans;

import static dev.codespar.plans.PlanServer.error;
import static dev.codespar.plans.PlanServer.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The asynchronous run follows the same rules, and its waits hold no thread. */
class PlanAsyncTest {

    private final PlanServer api = new PlanServer();
    private final FakePacing pacing = new FakePacing();

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void runAsyncComputesArgumentsRetriesWhatIsSafeAndStopsAtAStepThatMayHaveRun() throws Exception {
        api.enqueue(ok("codespar_ship", "{\"price\":5}"), error(503, "service_unavailable"),
                ok("codespar_pay", "{\"id\":\"pay_1\"}"), error(504, "gateway_timeout"));
        ToolPlan plan = ToolPlan.builder().pacing(pacing).retries(3, Duration.ofMillis(100))
                .step("quote", "codespar_ship", Map.of())
                .step("pay", "codespar_pay", done -> Map.of("amount", done.data("quote").path("price").asLong()))
                .step("invoice", "codespar_invoice", done -> Map.of("payment", done.data("pay").path("id").asText()))
                .step("notify", "codespar_notify", Map.of())
                .build();

        CompletableFuture<PlanResult> future = plan.runAsync(api.session);
        PlanResult result = future.get(5, TimeUnit.SECONDS);

        assertThat(api.executeBodies()).containsExactly("{\"tool\":\"codespar_ship\",\"input\":{}}",
                "{\"tool\":\"codespar_pay\",\"input\":{\"amount\":5}}",
                "{\"tool\":\"codespar_pay\",\"input\":{\"amount\":5}}",
                "{\"tool\":\"codespar_invoice\",\"input\":{\"payment\":\"pay_1\"}}");
        assertThat(result.steps()).extracting(StepResult::status).containsExactly(StepStatus.SUCCEEDED,
                StepStatus.SUCCEEDED, StepStatus.FAILED, StepStatus.NOT_RUN);
        assertThat(result.step("pay").attempts()).isEqualTo(2);
        assertThat(result.step("invoice").attempts()).isEqualTo(1);
        assertThat(result.step("invoice").mayHaveRun()).isTrue();
        assertThat(pacing.waits).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void resumeAsyncKeepsWhatSucceededAndRefusesAStepThatMayHaveRun() throws Exception {
        ToolPlan plan = ToolPlan.builder().pacing(pacing)
                .step("a", "codespar_a", Map.of()).step("b", "codespar_b", Map.of()).build();
        api.enqueue(ok("codespar_a", "{}"), error(429, "rate_limited"));
        PlanResult first = plan.runAsync(api.session).get(5, TimeUnit.SECONDS);
        api.executeBodies();

        api.enqueue(ok("codespar_b", "{}"));
        PlanResult second = plan.resumeAsync(api.session, first).get(5, TimeUnit.SECONDS);
        assertThat(api.executeBodies()).containsExactly("{\"tool\":\"codespar_b\",\"input\":{}}");
        assertThat(second.success()).isTrue();

        api.enqueue(ok("codespar_a", "{}"), error(500, "internal_error"));
        PlanResult mayHaveRun = plan.runAsync(api.session).get(5, TimeUnit.SECONDS);
        int calls = api.executions();
        Throwable refused = catchThrowable(() -> plan.resumeAsync(api.session, mayHaveRun).get(5, TimeUnit.SECONDS));
        assertThat(refused).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(api.executions()).isEqualTo(calls);
    }
}
