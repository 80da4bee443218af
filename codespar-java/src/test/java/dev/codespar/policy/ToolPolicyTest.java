package dev.codespar.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.TestSupport;
import dev.codespar.ToolResult;
import dev.codespar.ToolResultCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Guardrails before the network: every decision, and no request on a denial. */
class ToolPolicyTest {

    private static final String CREATED = "{\"id\":\"ses_1\",\"user_id\":\"u\",\"servers\":[\"asaas\"],"
            + "\"status\":\"active\"}";

    private MockWebServer server;
    private CodeSparClient client;
    private final List<String> executed = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile MockResponse executeAnswer = TestSupport.toolOk();

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getPath().equals("/v1/sessions")) {
                    return TestSupport.json(201, CREATED);
                }
                executed.add(request.getBody().readUtf8());
                return executeAnswer;
            }
        });
        server.start();
        client = CodeSparClient.builder().apiKey(TestSupport.KEY).baseUrl(server.url("/").toString()).maxRetries(0)
                .build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    private Session session(ToolPolicy policy) {
        return client.create("u", SessionConfig.builder().servers("asaas").policy(policy).build());
    }

    private static Map<String, Object> pay(Object amount, String currency) {
        return Map.of("action", "pay", "amount", amount, "currency", currency, "method", "pix",
                "description", "Order 42", "recipient", "ana@example.com");
    }

    private static void assertDenied(ToolResult r, String ruleId, String messagePart) {
        assertThat(r.success()).isFalse();
        assertThat(r.isPolicyDenied()).isTrue();
        assertThat(r.code()).isEqualTo(ToolResultCode.POLICY_DENIED);
        assertThat(r.codeDetails().orElseThrow().ruleId()).isEqualTo(ruleId);
        assertThat(r.codeDetails().orElseThrow().message()).contains(messagePart);
        assertThat(r.error()).startsWith("policy_denied: ");
        assertThat(r.server()).isEqualTo("policy");
        assertThat(r.toolCallId()).as("never reached a server").isNull();
        assertThat(r.requestId()).isNull();
    }

    @Test
    void aDeniedCallMakesNoRequestBlockingOrAsync() throws Exception {
        Session s = session(ToolPolicy.deny("codespar_pay"));
        assertDenied(s.execute("codespar_pay", pay(1000, "BRL")), "tool_denied", "may not be used");
        assertDenied(s.executeAsync("codespar_pay", pay(1000, "BRL")).get(5, TimeUnit.SECONDS), "tool_denied",
                "codespar_pay");
        assertThat(s.execute("codespar_ship", Map.of("action", "quote")).success()).isTrue();
        assertThat(executed).hasSize(1).allSatisfy(body -> assertThat(body).contains("codespar_ship"));
    }

    @Test
    void allowAndDenyListsMatchNamesAndWholeServers() {
        Session s = session(ToolPolicy.allowOnly("codespar_pay", "asaas/*"));
        assertThat(s.execute("codespar_pay", pay(1, "BRL")).success()).isTrue();
        assertThat(s.execute("asaas/create_payment", Map.of()).success()).isTrue();
        assertDenied(s.execute("zoop/charge", Map.of()), "tool_not_allowed", "[codespar_pay, asaas/*]");
        assertDenied(s.execute("asaasx/create", Map.of()), "tool_not_allowed", "asaasx/create");
        Session d = session(ToolPolicy.deny("asaas/*"));
        assertDenied(d.execute("asaas/refund", Map.of()), "tool_denied", "asaas/refund");
        assertThat(executed).hasSize(2);
    }

    @Test
    void aPerCallCapReadsMinorAndMajorUnitsAndRefusesWhatItCannotCheck() {
        Session s = session(ToolPolicy.maxAmountPerCall(Map.of("BRL", 50_000L, "CLP", 10_000L, "USDC", 5_000_000L)));
        assertThat(s.execute("codespar_pay", pay(50_000, "BRL")).success()).isTrue();
        assertDenied(s.execute("codespar_pay", pay(50_001, "BRL")), "amount_cap", "over the per-call cap of 50000");
        assertDenied(s.execute("codespar_pay", pay(100, "USD")), "amount_cap", "payments in USD are not allowed");
        assertDenied(s.execute("codespar_pay", Map.of("action", "pay", "currency", "BRL", "copia_e_cola", "000201")),
                "amount_cap", "has no readable amount");
        assertThat(s.execute("codespar_pay", Map.of("action", "status", "payment_id", "pay_1")).success())
                .as("a status query moves nothing").isTrue();
        // codespar_charge is in major units: R$ 500,00 is 50 000 minor units
        assertThat(s.execute("codespar_charge", Map.of("amount", new BigDecimal("500.00"), "currency", "BRL"))
                .success()).isTrue();
        assertDenied(s.execute("codespar_charge", Map.of("amount", new BigDecimal("500.01"), "currency", "brl")),
                "amount_cap", "50001");
        assertThat(s.execute("codespar_charge", Map.of("amount", 10_000, "currency", "CLP")).success())
                .as("no minor unit in CLP").isTrue();
        assertDenied(s.execute("codespar_charge", Map.of("amount", new BigDecimal("0.5"), "currency", "CLP")),
                "amount_cap", "not a whole number");
        assertThat(s.execute("codespar_crypto_pay", Map.of("amount", "5", "currency", "USDC")).success()).isTrue();
        assertDenied(s.execute("codespar_crypto_pay", Map.of("amount", "5.000001", "currency", "USDC")),
                "amount_cap", "5000001");
        assertThat(s.execute("asaas/create_payment", Map.of("value", 999_999)).success())
                .as("provider-native amounts are not read: pair caps with an allow list").isTrue();
        assertThat(executed).hasSize(6);
    }

    @Test
    void aSessionCapReservesAtOnceAndGivesBackWhatProvablyDidNotRun() {
        Session s = session(ToolPolicy.maxSpendPerSession("BRL", 70_000));
        assertThat(s.execute("codespar_pay", pay(30_000, "BRL")).success()).isTrue();
        executeAnswer = TestSupport.json(200, "{\"success\":false,\"error\":\"no_eligible_providers\"}");
        assertThat(s.execute("codespar_pay", pay(30_000, "BRL")).error()).as("refused by the server")
                .isEqualTo("no_eligible_providers");
        executeAnswer = TestSupport.toolOk();
        assertThat(s.execute("codespar_pay", pay(30_000, "BRL")).success()).as("the refused one was given back")
                .isTrue();
        assertDenied(s.execute("codespar_pay", pay(30_000, "BRL")), "spend_cap", "10000 is left");
        assertThat(executed).hasSize(3);
    }

    @Test
    void aFiveHundredKeepsTheReservationBecauseThePaymentMayHaveGoneThrough() {
        Session s = session(ToolPolicy.maxSpendPerSession("BRL", 50_000));
        executeAnswer = TestSupport.json(500, "{\"error\":\"internal_error\",\"message\":\"boom\"}");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> s.execute("codespar_pay", pay(40_000, "BRL"))))
                .isInstanceOf(dev.codespar.errors.InternalServerError.class);
        executeAnswer = TestSupport.toolOk();
        assertDenied(s.execute("codespar_pay", pay(20_000, "BRL")), "spend_cap", "10000 is left");
        Session other = session(ToolPolicy.maxSpendPerSession("BRL", 50_000));
        assertThat(other.execute("codespar_pay", pay(20_000, "BRL")).success()).as("caps are per policy instance")
                .isTrue();
    }

    @Test
    void racingCallsCannotBothSlipUnderASessionCap() throws Exception {
        ToolPolicy cap = ToolPolicy.maxSpendPerSession("BRL", 100_000);
        Session s = session(cap);
        List<CompletableFuture<ToolResult>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(s.executeAsync("codespar_pay", pay(10_000, "BRL")));
        }
        long allowed = 0;
        for (CompletableFuture<ToolResult> c : calls) {
            allowed += c.get(10, TimeUnit.SECONDS).success() ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(10);
        assertThat(executed).hasSize(10);
    }

    @Test
    void approvalsGateTheCallsThatMatchWithoutBlockingTheAsyncCaller() throws Exception {
        CompletableFuture<Boolean> human = new CompletableFuture<>();
        AtomicReference<ToolCall> asked = new AtomicReference<>();
        Session s = session(ToolPolicy.requireApproval(call -> call.argument("amount").asLong() > 20_000, call -> {
            asked.set(call);
            return human;
        }));
        assertThat(s.execute("codespar_pay", pay(1_000, "BRL")).success()).as("below the threshold").isTrue();
        CompletableFuture<ToolResult> pending = s.executeAsync("codespar_pay", pay(30_000, "BRL"));
        assertThat(pending).as("waits for the person, not on this thread").isNotDone();
        assertThat(asked.get().arguments().path("amount").asInt()).isEqualTo(30_000);
        assertThat(executed).hasSize(1);
        human.complete(true);
        assertThat(pending.get(5, TimeUnit.SECONDS).success()).isTrue();
        assertThat(executed).hasSize(2);

        Session declined = session(ToolPolicy.requireApproval(call -> true,
                call -> CompletableFuture.completedFuture(false)));
        assertDenied(declined.execute("codespar_pay", pay(1, "BRL")), "approval", "a person declined it");
        Session broken = session(ToolPolicy.requireApproval(call -> true, call -> {
            throw new IllegalStateException("approvals service down");
        }));
        assertDenied(broken.execute("codespar_pay", pay(1, "BRL")), "approval", "approvals service down");
        assertThat(executed).hasSize(2);
    }

    @Test
    void combinedPoliciesStopAtTheFirstDenialAndGiveBackEarlierReservations() {
        ToolPolicy spend = ToolPolicy.maxSpendPerSession("BRL", 40_000);
        Session s = session(spend.and(ToolPolicy.of(call -> call.argument("recipient").asText().endsWith("@blocked.com")
                ? PolicyDecision.deny("recipient", "this recipient is blocked") : PolicyDecision.allow())));
        Map<String, Object> blocked = new java.util.HashMap<>(pay(30_000, "BRL"));
        blocked.put("recipient", "x@blocked.com");
        assertDenied(s.execute("codespar_pay", blocked), "recipient", "blocked");
        assertThat(s.execute("codespar_pay", pay(30_000, "BRL")).success())
                .as("the denied call's reservation was given back").isTrue();
        assertThat(executed).hasSize(1);
    }

    @Test
    void aPolicyThatFailsDeniesAndTheGivenArgumentsAreWhatItSees() throws Exception {
        Session s = session(call -> {
            throw new IllegalStateException("rules engine down");
        });
        assertDenied(s.execute("codespar_pay", pay(1, "BRL")), "policy_error", "rules engine down");
        CountDownLatch seen = new CountDownLatch(1);
        AtomicReference<ToolCall> got = new AtomicReference<>();
        Session watched = session(ToolPolicy.of(call -> {
            got.set(call);
            seen.countDown();
            return PolicyDecision.allow();
        }));
        com.fasterxml.jackson.databind.JsonNode modelArgs = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"amount\":1000.0,\"currency\":\"BRL\",\"note\":\"as the model wrote it\"}");
        watched.execute(new ToolCall(watched.getId(), "codespar_pay", modelArgs, "call_7"));
        assertThat(seen.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(got.get().arguments()).isSameAs(modelArgs);
        assertThat(got.get().callId()).isEqualTo("call_7");
        assertThat(executed.get(executed.size() - 1)).contains("\"amount\":1000.0");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> watched.execute(
                new ToolCall("ses_other", "codespar_pay", modelArgs, null))))
                .isInstanceOf(dev.codespar.errors.InvalidRequestError.class).hasMessageContaining("ses_other");
    }

    @Test
    void withPolicyIsTheSameSessionUnderAnotherGuardrail() throws Exception {
        Session plain = session(null);
        Session guarded = plain.withPolicy(ToolPolicy.deny("codespar_pay"));
        assertThat(guarded.getId()).isEqualTo(plain.getId());
        assertThat(plain.getPolicy()).isNull();
        assertDenied(guarded.execute("codespar_pay", pay(1, "BRL")), "tool_denied", "codespar_pay");
        assertThat(plain.execute("codespar_pay", pay(1, "BRL")).success()).isTrue();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setResponseCode(204);
            }
        });
        guarded.close();
        plain.close();
        assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull(); // create
        assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull(); // the one execute
        RecordedRequest close = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(close.getMethod()).isEqualTo("DELETE");
        assertThat(server.takeRequest(200, TimeUnit.MILLISECONDS)).as("one close for both").isNull();
    }
}
