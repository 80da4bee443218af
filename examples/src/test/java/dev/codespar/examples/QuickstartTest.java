package dev.codespar.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codespar.testkit.FakeCodeSpar;
import dev.codespar.testkit.RecordedCall;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's main job, run in CI against the embedded fake. */
class QuickstartTest {

    private static String transcript(ExampleClient example, int[] status) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        status[0] = ExampleSupport.run(example, "CodeSpar quickstart", Quickstart::run,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runsAgainstTheEmbeddedFakeAndPrintsEveryStep() {
        int[] status = new int[1];
        try (ExampleClient example = ExampleSupport.client(name -> null)) {
            FakeCodeSpar fake = example.fake().orElseThrow();

            String out = transcript(example, status);

            assertThat(status[0]).isZero();
            assertThat(out).startsWith("CodeSpar quickstart against an embedded FakeCodeSpar at " + fake.baseUrl());
            String session = fake.sessions().get(0).id();
            assertThat(out).contains("1. Session created      " + session + "  servers=[asaas, melhor-envio]");
            assertThat(out).containsPattern("2\\. Payment executed     codespar_pay -> pay_\\w+ pending via asaas"
                    + "  tool_call_id=tc_\\w+");

            RecordedCall limited = fake.journal().executions("codespar_pay").get(1);
            RecordedCall retried = fake.journal().executions("codespar_pay").get(2);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(retried.status()).isEqualTo(200);
            assertThat(out).contains("after 2 attempts")
                    .contains("attempt 1: 429 rate_limited  request_id=" + limited.requestId())
                    .contains("attempt 2: 200 ok  request_id=" + retried.requestId());

            assertThat(fake.journal().calls("POST", "/v1/sessions/" + session + "/send")).singleElement()
                    .satisfies(call -> assertThat(call.header("Accept")).isEqualTo("text/event-stream"));
            assertThat(out).contains("4. Streamed reply       sendStream(\"Charge R$10 via Pix to ana@example.com\")\n"
                    + "     user_message    Charge R$10 via Pix to ana@example.com\n"
                    + "     tool_use        codespar_pay {")
                    .containsPattern("     tool_result     codespar_pay -> SUCCESS in \\d+ ms\n"
                            + "     assistant_text  Charged R\\$10\\.00 via Pix to ana@example\\.com\\.\n"
                            + "     done            \\d+ iteration\\(s\\), 1 tool call\\(s\\)\n");

            RecordedCall ship = fake.journal().assertExecutedOnce("codespar_ship");
            assertThat(ship.errorCode()).isEqualTo("needs_connection");
            assertThat(out).contains("5. Needs connection     codespar_ship: Connect melhor-envio first")
                    .containsPattern("     " + fake.baseUrl() + "/connect/lnk_\\w+\n");
            assertThat(out).contains("6. Support ticket       quote request_id=" + ship.requestId());
            assertThat(out).endsWith("Session closed. Done.\n");
            assertThat(fake.journal().last().method()).isEqualTo("DELETE");
        }
    }

    @Test
    void withATestKeyAgainstTheRealApiPaymentsAreAnsweredFromASessionMock() {
        int[] status = new int[1];
        // a FakeCodeSpar standing in for the real API: the quickstart does not know it is a fake
        try (FakeCodeSpar api = FakeCodeSpar.start();
                ExampleClient example = new ExampleClient(api.client(), null, ExampleClient.Mode.MOCKS_ONLY,
                        "the API")) {
            String out = transcript(example, status);

            assertThat(status[0]).isZero();
            assertThat(api.journal().calls("POST", "/v1/sessions").get(0).body())
                    .contains("\"mocks\":{\"codespar_pay\":{");
            assertThat(out).contains("2. Payment executed     codespar_pay -> pay_test_42 pending via mock")
                    .contains("3. Rate limits          codespar_pay -> pay_test_42 (no 429 this time")
                    .contains("4. Streamed reply")
                    .contains("5. Shipping refused     codespar_ship: tool_not_mocked (UnprocessableEntityError)");
            RecordedCall ship = api.journal().assertExecutedOnce("codespar_ship");
            assertThat(out).contains("6. Support ticket       quote request_id=" + ship.requestId());
        }
    }

    @Test
    void withALiveKeyNoMoneyMoves() {
        int[] status = new int[1];
        try (FakeCodeSpar api = FakeCodeSpar.builder().apiKey("csk_live_quickstart0123456789").start();
                ExampleClient example = new ExampleClient(api.client(), null, ExampleClient.Mode.LIVE, "the API")) {
            String out = transcript(example, status);

            assertThat(status[0]).isZero();
            assertThat(out).contains("never moves real money").contains("2. Connections          ready=")
                    .endsWith("Session closed. Done.\n");
            assertThat(api.journal().calls("POST", "/v1/sessions/*/execute")).isEmpty();
            assertThat(api.journal().calls("POST", "/v1/sessions/*/send")).isEmpty();
            assertThat(api.journal().last().method()).isEqualTo("DELETE");
        }
    }

    @Test
    void aFailedStepIsReportedWithItsRequestIdAndExitsNonZero() {
        int[] status = new int[1];
        try (ExampleClient example = ExampleSupport.client(name -> null)) {
            FakeCodeSpar fake = example.fake().orElseThrow();
            fake.failNext("forbidden").onPath("/v1/sessions");

            String out = transcript(example, status);

            assertThat(status[0]).isEqualTo(1);
            assertThat(out).contains("FAILED: forbidden (403)")
                    .contains("quote request_id=" + fake.journal().last().requestId());
        }
    }

    @Test
    void aRefusedPaymentExitsNonZero() {
        int[] status = new int[1];
        try (ExampleClient example = ExampleSupport.client(name -> null)) {
            example.fake().orElseThrow().onTool("codespar_pay").toolError("no_eligible_providers");

            String out = transcript(example, status);

            assertThat(status[0]).isEqualTo(1);
            assertThat(out).contains("2. Payment refused      codespar_pay: no_eligible_providers");
        }
    }

    @Test
    void withAKeyTheExamplesUseTheRealApi() {
        Map<String, String> env = Map.of("CODESPAR_API_KEY", "csk_test_from_env");
        try (ExampleClient example = ExampleSupport.client(env::get)) {
            assertThat(example.fake()).isEmpty();
            assertThat(example.isLive()).isFalse();
            assertThat(example.answersFromMocks()).isTrue();
            assertThat(example.describe()).isEqualTo("the server at " + example.client().getBaseUrl()
                    + " (CODESPAR_API_KEY is set, a test key: test mode)");
        }
    }

    @Test
    void moneyMovingExamplesRefuseALiveKey() {
        Map<String, String> live = Map.of("CODESPAR_API_KEY", "csk_live_from_env");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ExampleSupport.testClient(live::get))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("never with a csk_live_ key");
        try (ExampleClient test = ExampleSupport.testClient(Map.of("CODESPAR_API_KEY", "csk_test_x")::get)) {
            assertThat(test.isLive()).isFalse();
        }
    }

    @Test
    void closingTheHolderStopsTheFake() {
        ExampleClient example = ExampleSupport.client(name -> "  ");
        FakeCodeSpar fake = example.fake().orElseThrow();

        int before = fake.journal().size();
        example.close();

        // no request reaches it any more (the freed port may be taken by another process at once, so the check is
        // what the fake sees, not whether something still listens there)
        okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
        try (okhttp3.Response ignored = http.newCall(new okhttp3.Request.Builder()
                .url(fake.baseUrl() + "/v1/sessions").build()).execute()) {
            // something else answered on the reused port
        } catch (java.io.IOException expected) {
            // refused: nothing listens
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        assertThat(fake.journal().size()).isEqualTo(before);
    }
}
