package dev.codespar.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.ToolResult;
import dev.codespar.plans.PlanResult;
import dev.codespar.plans.StepResult;
import dev.codespar.plans.StepStatus;
import dev.codespar.plans.ToolPlan;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A tool plan on the fake: a payment whose answer is lost after it went through is never called again, neither by the
 * plan's retries nor by a resumption, until its outcome is recorded; a step the server refused is retried.
 */
class ToolPlanOnFakeTest {

    private final FakeCodeSpar fake = FakeCodeSpar.start();
    private final CodeSparClient client = fake.clientBuilder().maxRetries(0).build();
    private final Session session = client.create("user_1", SessionConfig.builder().servers("asaas").build());

    private final ToolPlan plan = ToolPlan.builder()
            .step("pay", "codespar_pay", Inputs.PAY)
            .step("notify", "codespar_notify", done -> notify("Paid: " + done.data("pay").path("id").asText()))
            .retries(3, Duration.ofMillis(10))
            .build();

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    private static Map<String, Object> notify(String message) {
        Map<String, Object> input = new LinkedHashMap<>(Inputs.NOTIFY);
        input.put("message", message);
        return input;
    }

    @Test
    void aPaymentThatMayHaveGoneThroughIsNeverRepeated() throws Exception {
        fake.onTool("codespar_pay").respond(Map.of("id", "pay_1", "status", "pending"));
        fake.onTool("codespar_notify").respond(Map.of("sent", true));
        fake.failNext("gateway_timeout").onTool("codespar_pay").afterProcessing();

        PlanResult first = plan.run(session);

        StepResult pay = first.step("pay");
        assertThat(pay.status()).isEqualTo(StepStatus.FAILED);
        assertThat(pay.mayHaveRun()).isTrue();
        assertThat(pay.attempts()).isEqualTo(1);
        assertThat(first.step("notify").status()).isEqualTo(StepStatus.NOT_RUN);
        fake.journal().assertExecutedTimes("codespar_pay", 1);
        assertThatThrownBy(() -> plan.resume(session, first)).isInstanceOf(IllegalStateException.class);
        fake.journal().assertExecutedTimes("codespar_pay", 1);
        fake.journal().assertNotExecuted("codespar_notify");

        ToolResult found = new ToolResult(true,
                new ObjectMapper().readTree("{\"id\":\"pay_1\",\"status\":\"pending\"}"), null, 0, "asaas",
                "codespar_pay", null, null, null);
        PlanResult second = plan.resume(session, first.withOutcome("pay", found));

        assertThat(second.success()).as(second.toString()).isTrue();
        fake.journal().assertExecutedTimes("codespar_pay", 1);
        assertThat(fake.journal().assertExecutedOnce("codespar_notify").json().at("/input/message").asText())
                .isEqualTo("Paid: pay_1");
    }

    @Test
    void aStepTheServerRefusedIsRetriedByThePlan() {
        fake.onTool("codespar_pay").respond(Map.of("id", "pay_2", "status", "pending"));
        fake.onTool("codespar_notify").respond(Map.of("sent", true));
        fake.failTimes(2, "service_unavailable").onTool("codespar_notify").retryAfter(Duration.ZERO);

        PlanResult result = plan.run(session);

        assertThat(result.success()).as(result.toString()).isTrue();
        assertThat(result.step("notify").attempts()).isEqualTo(3);
        fake.journal().assertExecutedTimes("codespar_pay", 1);
        assertThat(fake.journal().executions("codespar_notify")).extracting(RecordedCall::status)
                .containsExactly(503, 503, 200);
    }
}
