package dev.codespar.plans;

import static dev.codespar.plans.PlanServer.error;
import static dev.codespar.plans.PlanServer.ok;
import static dev.codespar.plans.PlanServer.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codespar.CodeSparClient;
import dev.codespar.FakeTiming;
import dev.codespar.Session;
import dev.codespar.TestSupport;
import dev.codespar.errors.ApiError;
import dev.codespar.errors.GatewayTimeoutError;
import dev.codespar.errors.InternalServerError;
import dev.codespar.errors.NetworkError;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plan's retries apply only where the failed call provably did not run and a repeat could answer otherwise.
 * Each case queues the same failure three times (more than enough for two retries) and counts the calls the server
 * received: one call means the plan did not repeat it.
 */
class PlanRetryTest {

    private final PlanServer api = new PlanServer();
    private final FakePacing pacing = new FakePacing();

    @AfterEach
    void close() {
        api.close();
    }

    private PlanResult payWithTwoRetries() {
        return ToolPlan.builder().pacing(pacing).retries(2, Duration.ofSeconds(1))
                .step("pay", "codespar_pay", Map.of("amount", 1000, "currency", "BRL"))
                .build().run(api.session);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                // failed results: the tool refused and did nothing
                Arguments.of("failed result", (Supplier<MockResponse>) () -> refused("codespar_pay", "provider_busy",
                        "null"), 3, false),
                Arguments.of("unknown code", (Supplier<MockResponse>) () -> refused("codespar_pay", "x",
                        "{\"code\":\"brand_new\"}"), 3, false),
                Arguments.of("policy_denied", (Supplier<MockResponse>) () -> refused("codespar_pay", "policy_denied",
                        "{\"code\":\"policy_denied\",\"rule_id\":\"r1\",\"message\":\"no\"}"), 1, false),
                Arguments.of("approval_required", (Supplier<MockResponse>) () -> refused("codespar_pay",
                        "approval_required", "{\"code\":\"approval_required\",\"approval_id\":\"apr_1\","
                                + "\"expires_at\":\"2026-05-02T11:00:00Z\",\"message\":\"ask\"}"), 1, false),
                Arguments.of("mocks_exhausted", (Supplier<MockResponse>) () -> refused("codespar_pay",
                        "mocks_exhausted",
                        "{\"code\":\"mocks_exhausted\",\"message\":\"drained\"}"), 1, false),
                // the server said it did not take the request
                Arguments.of("503", (Supplier<MockResponse>) () -> error(503, "service_unavailable"), 3, false),
                Arguments.of("502", (Supplier<MockResponse>) () -> error(502, "provider_error"), 3, false),
                Arguments.of("429 rate_limited", (Supplier<MockResponse>) () -> error(429, "rate_limited"), 3, false),
                Arguments.of("429 quota_exceeded", (Supplier<MockResponse>) () -> error(429, "quota_exceeded"), 1,
                        false),
                Arguments.of("400", (Supplier<MockResponse>) () -> error(400, "invalid_request"), 1, false),
                Arguments.of("422 needs_connection", (Supplier<MockResponse>) () -> error(422, "needs_connection"), 1,
                        false),
                // the work may have been done: never repeated
                Arguments.of("500", (Supplier<MockResponse>) () -> error(500, "internal_error"), 1, true),
                Arguments.of("504", (Supplier<MockResponse>) () -> error(504, "gateway_timeout"), 1, true),
                Arguments.of("reset after the request", (Supplier<MockResponse>) () -> new MockResponse()
                        .setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST), 1, true),
                Arguments.of("answer cut mid-body", (Supplier<MockResponse>) () -> ok("codespar_pay", "{}")
                        .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY), 1, true),
                Arguments.of("unreadable 200", (Supplier<MockResponse>) () -> new MockResponse().setResponseCode(200)
                        .setHeader("Content-Type", "application/json").setBody("{\"data\":{}}"), 1, true));
    }

    @ParameterizedTest(name = "{0}: {2} call(s)")
    @MethodSource("failures")
    void isRepeatedOnlyWhenItProvablyDidNotRun(String name, Supplier<MockResponse> failure, int calls,
            boolean mayHaveRun) {
        api.enqueue(failure.get(), failure.get(), failure.get());

        StepResult pay = payWithTwoRetries().step("pay");

        assertThat(api.executions()).as("calls to the server").isEqualTo(calls);
        assertThat(pay.status()).isEqualTo(StepStatus.FAILED);
        assertThat(pay.attempts()).isEqualTo(calls);
        assertThat(pay.mayHaveRun()).isEqualTo(mayHaveRun);
        assertThat(pacing.waits).hasSize(calls - 1);
    }

    @Test
    void aRetriedStepThatSucceedsReportsItsAttemptsAndTheDoublingWaits() {
        api.enqueue(error(503, "service_unavailable"), error(502, "provider_error"),
                ok("codespar_pay", "{\"id\":\"p\"}"));

        StepResult pay = payWithTwoRetries().step("pay");

        assertThat(pay.succeeded()).isTrue();
        assertThat(pay.attempts()).isEqualTo(3);
        assertThat(pacing.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(pay.duration()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void theServersRetryAfterWinsWhenLongerThanTheBackoff() {
        api.enqueue(error(429, "rate_limited").setHeader("Retry-After", "7"), ok("codespar_pay", "{}"));

        assertThat(payWithTwoRetries().success()).isTrue();
        assertThat(pacing.waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void aServerWaitLongerThanFiveMinutesIsNotSleptTheStepFailsToBeResumed() {
        api.enqueue(error(503, "service_unavailable").setHeader("Retry-After", "301"), ok("codespar_pay", "{}"));

        StepResult pay = payWithTwoRetries().step("pay");

        assertThat(pay.failed()).isTrue();
        assertThat(pay.mayHaveRun()).isFalse();
        assertThat(api.executions()).isEqualTo(1);
        assertThat(pacing.waits).isEmpty();
    }

    @Test
    void aCallThatNeverReachedTheServerIsRepeated() throws IOException {
        // a POST on a fresh connection each time, so that the closed port refuses it before anything is written
        try (CodeSparClient client = TestSupport.builder(api.server, new FakeTiming()).maxRetries(0)
                .maxPostConnectionIdle(Duration.ZERO).build()) {
            api.enqueue(TestSupport.sessionCreated());
            Session session = client.create("user_123");
            api.server.shutdown();

            StepResult pay = ToolPlan.builder().pacing(pacing).retries(2, Duration.ofSeconds(1))
                    .step("pay", "codespar_pay", Map.of("amount", 1000)).build().run(session).step("pay");

            assertThat(pay.attempts()).isEqualTo(3);
            assertThat(pay.mayHaveRun()).isFalse();
            NetworkError e = (NetworkError) pay.error().orElseThrow();
            assertThat(e.wasRequestSent()).isFalse();
            assertThat(pacing.waits).hasSize(2);
        }
    }

    @Test
    void aCallRefusedByAClosedClientIsNotRepeated() {
        api.client.close();

        StepResult pay = payWithTwoRetries().step("pay");

        assertThat(pay.attempts()).isEqualTo(1);
        assertThat(((NetworkError) pay.error().orElseThrow()).isClientClosed()).isTrue();
        assertThat(pay.mayHaveRun()).isFalse();
    }

    @Test
    void theErrorOfAStepThatMayHaveRunIsTheSdksTypedError() {
        api.enqueue(error(504, "gateway_timeout"));
        StepResult timeout = payWithTwoRetries().step("pay");
        api.enqueue(error(500, "internal_error"));
        StepResult internal = payWithTwoRetries().step("pay");

        assertThat(timeout.error().orElseThrow()).isInstanceOf(GatewayTimeoutError.class);
        assertThat(internal.error().orElseThrow()).isInstanceOf(InternalServerError.class);
        assertThat(((ApiError) timeout.error().orElseThrow()).mayHaveBeenProcessed()).isTrue();
    }

    @Test
    void withoutRetriesNothingIsRepeated() {
        api.enqueue(error(503, "service_unavailable"), ok("codespar_pay", "{}"));

        PlanResult result = ToolPlan.builder().pacing(pacing).step("pay", "codespar_pay", Map.of()).build()
                .run(api.session);

        assertThat(result.step("pay").failed()).isTrue();
        assertThat(api.executions()).isEqualTo(1);
    }
}
