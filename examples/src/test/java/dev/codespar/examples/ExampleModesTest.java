package dev.codespar.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codespar.CodeSparClient;
import dev.codespar.testkit.Dialect;
import dev.codespar.testkit.FakeCodeSpar;
import dev.codespar.testkit.RecordedCall;
import dev.codespar.testkit.SessionInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every example against the three embedded servers a user can pick without a key: the fake that runs the tools
 * ({@code world}), the hosted API in test mode and the open-source runtime in test mode without meta-tools. Each
 * runs to status 0 and says what the server did; a failed call ends with status 1 and the request id, or why there
 * is none.
 */
class ExampleModesTest {

    private static final String PAY = "POST /v1/sessions/{s}/execute 200 codespar_pay";
    private static final String RAW_PAY = "POST /v1/sessions/{s}/execute 200 asaas/create_payment";
    private static final String MISSING_PAY = "codespar_pay is not registered on this server";
    private static final String RUNTIME_SAYS = "the server answered \"Tool not registered: %s\" (server oss-runtime):"
            + " it does not register the meta-tool %s, and in test mode it answers only mocked server/tool calls;"
            + " paying through asaas/create_payment from the session's mock";

    /** One run: its status, its transcript, and every request the fake received. */
    private record Run(int status, String out, List<String> calls, List<RecordedCall> journal, String session) {

        /** The create body's mocks, by tool name. */
        List<String> mockedTools() {
            List<String> tools = new java.util.ArrayList<>();
            journal.get(0).json().path("mocks").fieldNames().forEachRemaining(tools::add);
            return tools;
        }
    }

    private static Run run(String mode, String title, ExampleSupport.Body body) {
        try (ExampleClient example = ExampleSupport.client(env(mode))) {
            return run(example, title, body);
        }
    }

    private static Run run(ExampleClient example, String title, ExampleSupport.Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = ExampleSupport.run(example, title, body, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        FakeCodeSpar fake = example.embeddedFake().orElseThrow();
        List<SessionInfo> sessions = fake.sessions();
        String session = sessions.isEmpty() ? "-" : sessions.get(0).id();
        List<RecordedCall> journal = fake.journal().all();
        List<String> calls = journal.stream().map(c -> c.method() + " " + c.path().replace(session, "{s}") + " "
                + c.status() + (c.tool() == null ? "" : " " + c.tool())).collect(Collectors.toList());
        return new Run(status, bytes.toString(StandardCharsets.UTF_8), calls, journal, session);
    }

    private static java.util.function.Function<String, String> env(String mode) {
        return Map.of(ExampleSupport.FAKE_VARIABLE, mode)::get;
    }

    private static boolean runtime(String mode) {
        return mode.equals("runtime-test");
    }

    // ---------------------------------------------------------------- the quickstart

    @ParameterizedTest
    @ValueSource(strings = {"hosted-test", "runtime-test"})
    void quickstartInTestModeDeclaresItsMocksAndSaysWhatTheServerDid(String mode) {
        Run run = run(mode, "CodeSpar quickstart", Quickstart::run);

        assertThat(run.status()).isZero();
        assertThat(run.mockedTools()).containsExactly("codespar_pay", "asaas/create_payment");
        assertThat(run.out()).contains("Test mode: this server answers tools only from the mocks a session declares")
                .contains("     done            1 iteration(s), 0 tool call(s)")
                .endsWith("Session closed. Done.\n");
        if (runtime(mode)) {
            assertThat(run.calls()).containsExactly("POST /v1/sessions 201",
                    "POST /v1/sessions/{s}/execute 200 codespar_pay", RAW_PAY, RAW_PAY,
                    "POST /v1/sessions/{s}/send 200", "POST /v1/sessions/{s}/execute 200 codespar_ship", "DELETE /v1/sessions/{s} 204");
            assertThat(run.out()).contains("2. Meta-tool missing    codespar_pay is not registered on this server\n   "
                            + String.format(RUNTIME_SAYS, "codespar_pay", "codespar_pay"))
                    .containsPattern("2\\. Payment executed     asaas/create_payment -> pay_test_42 PENDING via mock"
                            + "  tool_call_id=" + run.session() + "-[0-9a-f]{8} \\(answered from the session's mock\\)")
                    .contains("3. Rate limits          asaas/create_payment -> pay_test_42 (no 429 this time")
                    .contains("5. Meta-tool missing    codespar_ship: \"Tool not registered: codespar_ship\"")
                    .contains("6. Support ticket       no request id from this server (the open-source runtime"
                            + " sends none): quote the session id " + run.session());
        } else {
            assertThat(run.calls()).containsExactly("POST /v1/sessions 201", PAY, PAY,
                    "POST /v1/sessions/{s}/send 200", "POST /v1/sessions/{s}/execute 422 codespar_ship",
                    "DELETE /v1/sessions/{s} 204");
            assertThat(run.out()).containsPattern("2\\. Payment executed     codespar_pay -> pay_test_42 pending via"
                            + " mock  tool_call_id=tc_\\w+ \\(answered from the session's mock\\)")
                    .doesNotContain("Meta-tool missing")
                    .contains("5. Shipping refused     codespar_ship: tool_not_mocked (UnprocessableEntityError): the"
                            + " server is in test mode and the session has no mock for it")
                    .contains("6. Support ticket       quote request_id=" + run.journal().get(4).requestId()
                            + " (from the refused shipping quote)");
        }
    }

    @Test
    void quickstartAgainstTheWorldFakeDeclaresNoMocks() {
        Run run = run("world", "CodeSpar quickstart", Quickstart::run);

        assertThat(run.status()).isZero();
        assertThat(run.journal().get(0).json().has("mocks")).isFalse();
        assertThat(run.calls()).containsExactly("POST /v1/sessions 201", PAY,
                "POST /v1/sessions/{s}/execute 429 codespar_pay", PAY, "POST /v1/sessions/{s}/send 200",
                "POST /v1/sessions/{s}/execute 422 codespar_ship", "DELETE /v1/sessions/{s} 204");
        assertThat(run.out()).doesNotContain("Test mode").contains("5. Needs connection");
    }

    @Test
    void quickstartOnARuntimeWithTheMetaToolsRegisteredUsesThem() {
        FakeCodeSpar fake = FakeCodeSpar.builder().dialect(Dialect.RUNTIME).runtimeTestMode(true).start();
        try (ExampleClient example = new ExampleClient(fake.client(), fake, ExampleClient.Mode.MOCKS_ONLY,
                "a runtime with the platform's meta-tools")) {
            Run run = run(example, "CodeSpar quickstart", Quickstart::run);

            // the runtime's execute runs a registered meta-tool itself: no fallback to the provider tool
            assertThat(run.status()).isZero();
            assertThat(run.calls()).containsExactly("POST /v1/sessions 201", PAY, PAY,
                    "POST /v1/sessions/{s}/send 200", "POST /v1/sessions/{s}/execute 200 codespar_ship",
                    "DELETE /v1/sessions/{s} 204");
            assertThat(run.out()).doesNotContain("Meta-tool missing").contains("2. Payment executed     codespar_pay")
                    .contains("5. Shipping quoted      codespar_ship").endsWith("Session closed. Done.\n");
        }
    }

    @Test
    void aRefusedMetaToolThatIsRegisteredIsNotTakenForAMissingOne() {
        try (ExampleClient example = ExampleSupport.client(env("world"))) {
            example.fake().orElseThrow().onTool("codespar_pay").toolError("Tool not registered: codespar_pay");

            Run run = run(example, "CodeSpar quickstart", Quickstart::run);

            // outside test mode the answer is a refusal like any other: status 1, no fallback call
            assertThat(run.status()).isEqualTo(1);
            assertThat(run.out()).contains("2. Payment refused      codespar_pay: Tool not registered: codespar_pay");
            assertThat(run.calls()).containsExactly("POST /v1/sessions 201", PAY, "DELETE /v1/sessions/{s} 204");
        }
    }

    // ---------------------------------------------------------------- the other examples

    @ParameterizedTest
    @ValueSource(strings = {"world", "hosted-test", "runtime-test"})
    void connectAndRetry(String mode) {
        Run run = run(mode, "ConnectAndRetryExample", ConnectAndRetryExample::run);

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("MCP endpoint: ");
        if (mode.equals("world")) {
            assertThat(run.calls()).containsExactly("POST /v1/sessions 201",
                    "POST /v1/sessions/{s}/execute 422 asaas/create_payment", "POST /v1/connect/start 200",
                    "GET /v1/sessions/{s}/connections 200", "GET /v1/sessions/{s}/connections 200", RAW_PAY,
                    "DELETE /v1/sessions/{s} 204");
            assertThat(run.out()).contains("Please connect your Asaas account: ", "connected; calling the tool again")
                    .containsPattern("payment created: asaas_\\w+\n");
        } else {
            assertThat(run.mockedTools()).containsExactly("asaas/create_payment");
            assertThat(run.calls()).containsExactly("POST /v1/sessions 201", RAW_PAY, "DELETE /v1/sessions/{s} 204");
            assertThat(run.out()).contains("payment created: pay_test_42 (answered from the session's mock)\n"
                    + "(test mode: the server asked for no connection; against a live project a new user is first"
                    + " answered needs_connection with a connect_url)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"world", "hosted-test", "runtime-test"})
    void pixPayment(String mode) {
        Run run = run(mode, "PixPaymentExample", PixPaymentExample::run);

        assertThat(run.status()).isZero();
        switch (mode) {
            case "world":
                assertThat(run.calls()).hasSize(4).startsWith("POST /v1/sessions 201",
                        "POST /v1/sessions/{s}/execute 200 codespar_charge").endsWith("DELETE /v1/sessions/{s} 204");
                assertThat(run.calls().get(2)).matches("GET /v1/tool-calls/tc_\\w+/payment-status/stream 200");
                assertThat(run.out()).contains("SNAPSHOT: PENDING", "UPDATE: SUCCEEDED", "settled as SUCCEEDED");
                break;
            case "hosted-test":
                assertThat(run.mockedTools()).containsExactly("codespar_charge", "asaas/create_payment");
                assertThat(run.calls()).containsExactly("POST /v1/sessions 201",
                        "POST /v1/sessions/{s}/execute 200 codespar_charge", "DELETE /v1/sessions/{s} 204");
                assertThat(run.out()).contains("Pix copia e cola for the buyer: " + TestMode.PIX_CODE
                        + " (answered from the session's mock)\n(test mode: a mocked charge never settles");
                break;
            default:
                assertThat(run.calls()).containsExactly("POST /v1/sessions 201",
                        "POST /v1/sessions/{s}/execute 200 codespar_charge", RAW_PAY, "DELETE /v1/sessions/{s} 204");
                assertThat(run.out()).contains(String.format(RUNTIME_SAYS, "codespar_charge", "codespar_charge")
                        + "\nPix copia e cola for the buyer: " + TestMode.PIX_CODE
                        + " (answered from the session's mock)\n(test mode: a mocked payment never settles");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"world", "hosted-test", "runtime-test"})
    void payWithRateLimit(String mode) {
        Run run = run(mode, "PayWithRateLimitExample", PayWithRateLimitExample::run);

        assertThat(run.status()).isZero();
        switch (mode) {
            case "world":
                String limited = "POST /v1/sessions/{s}/execute 429 codespar_pay";
                assertThat(run.calls()).hasSize(7).startsWith("POST /v1/sessions 201", limited, limited, limited, PAY)
                        .endsWith("DELETE /v1/sessions/{s} 204");
                assertThat(run.calls().get(5)).matches("GET /v1/tool-calls/tc_\\w+/payment-status 200");
                assertThat(run.out()).contains("rate limited after 3 attempts; trying again in 1000 ms (request_id="
                        + run.journal().get(3).requestId() + ")").contains("settlement so far: PENDING");
                break;
            case "hosted-test":
                assertThat(run.calls()).containsExactly("POST /v1/sessions 201", PAY, "DELETE /v1/sessions/{s} 204");
                assertThat(run.out()).containsPattern("payment pay_test_42 accepted, tool call tc_\\w+ \\(answered"
                        + " from the session's mock\\)\n\\(test mode: no rate limit came");
                break;
            default:
                assertThat(run.calls()).containsExactly("POST /v1/sessions 201",
                        "POST /v1/sessions/{s}/execute 200 codespar_pay", RAW_PAY, "DELETE /v1/sessions/{s} 204");
                assertThat(run.out()).contains(MISSING_PAY + "\n   " + String.format(RUNTIME_SAYS, "codespar_pay",
                        "codespar_pay") + "\npayment pay_test_42 accepted, tool call " + run.session());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"world", "hosted-test", "runtime-test"})
    void supportTicket(String mode) {
        Run run = run(mode, "SupportTicketExample", SupportTicketExample::run);

        assertThat(run.status()).isZero();
        if (runtime(mode)) {
            assertThat(run.calls()).containsExactly("POST /v1/sessions 201",
                    "POST /v1/sessions/{s}/proxy_execute 404", "GET /v1/tool-calls/tc_kyc_1/verification-status 404",
                    "GET /v1/tool-calls/tc_kyc_1/verification-status/stream 404", "DELETE /v1/sessions/{s} 204");
            assertThat(run.out()).contains("ticket: KYC status failed; request_id=none code=null status=404"
                            + " attempts=1 (Route GET:/v1/tool-calls/tc_kyc_1/verification-status not found)")
                    .contains("(request_id=none: this server sends no request ids, as the open-source runtime; quote"
                            + " the time and the session id " + run.session() + " instead)");
        } else {
            assertThat(run.calls()).containsExactly("POST /v1/sessions 201",
                    "POST /v1/sessions/{s}/proxy_execute 200", "GET /v1/tool-calls/tc_kyc_1/verification-status 404",
                    "GET /v1/tool-calls/tc_kyc_1/verification-status/stream 404", "DELETE /v1/sessions/{s} 204");
            assertThat(run.out()).contains("raw Asaas call: ok\nticket: KYC status failed; request_id="
                    + run.journal().get(2).requestId() + " code=not_found status=404 attempts=1\n")
                    .doesNotContain("request_id=none");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"world", "hosted-test", "runtime-test"})
    void streamAgentReply(String mode) {
        Run run = run(mode, "StreamAgentReplyExample", StreamAgentReplyExample::run);

        assertThat(run.status()).isZero();
        assertThat(run.calls()).containsExactly("POST /v1/sessions 201", "POST /v1/sessions/{s}/send 200",
                "POST /v1/sessions/{s}/send 200", "DELETE /v1/sessions/{s} 204");
        if (mode.equals("world")) {
            assertThat(run.out()).contains("[calling codespar_pay]\n[codespar_pay: SUCCESS]\n"
                    + "Charged R$10.00 via Pix; the receipt is on its way.\n(done: 1 tool calls, 2 turns)");
        } else {
            assertThat(run.mockedTools()).containsExactly("codespar_pay", "asaas/create_payment");
            assertThat(run.out()).contains("(done: 0 tool calls, 1 turns)").contains("summary: ");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"world", "hosted-test", "runtime-test"})
    void mandateSpend(String mode) {
        Run run = run(mode, "MandateSpendExample", MandateSpendExample::run);

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("offline: agent signature VERIFIED, issuer signature VERIFIED, verified=true");
        String did = "GET /v1/agents/did%3Aweb%3Aid.codespar.dev%3Aorg_demo%3Aa1/did.json";
        switch (mode) {
            case "world":
                assertThat(run.calls()).startsWith(did + " 200", "POST /v1/consents/init 200").hasSize(5);
                assertThat(run.out()).contains("R$ 150.00 refused: budget_exceeded (per_tx_cap), nothing charged");
                break;
            case "hosted-test":
                assertThat(run.calls()).containsExactly(did + " 200");
                assertThat(run.out()).contains(", verified=true\nno fake consumer here to approve a consent");
                break;
            default:
                assertThat(run.calls()).containsExactly(did + " 404");
                assertThat(run.out()).contains("online: this server publishes no DID document for"
                        + " did:web:id.codespar.dev:org_demo:a1 (HTTP 404); the offline check with pinned keys stands");
        }
    }

    // ---------------------------------------------------------------- real failures

    private static final Map<String, ExampleSupport.Body> EXAMPLES = Map.of(
            "CodeSpar quickstart", Quickstart::run,
            "ConnectAndRetryExample", ConnectAndRetryExample::run,
            "PixPaymentExample", PixPaymentExample::run,
            "PayWithRateLimitExample", PayWithRateLimitExample::run,
            "SupportTicketExample", SupportTicketExample::run,
            "StreamAgentReplyExample", StreamAgentReplyExample::run);

    @Test
    void aServerErrorOnCreateEndsEveryExampleWithStatusOneAndItsRequestId() {
        EXAMPLES.forEach((title, body) -> {
            try (ExampleClient example = ExampleSupport.client(env("hosted-test"))) {
                FakeCodeSpar fake = example.embeddedFake().orElseThrow();
                fake.failNext("internal_error").onPath("/v1/sessions");

                Run run = run(example, title, body);

                assertThat(run.status()).as(title).isEqualTo(1);
                RecordedCall failed = fake.journal().last();
                assertThat(failed.status()).isEqualTo(500);
                assertThat(run.calls()).as(title).containsExactly("POST /v1/sessions 500");
                assertThat(run.out()).as(title).contains("FAILED: internal_error (500)")
                        .contains("        quote request_id=" + failed.requestId() + " in a support ticket")
                        .doesNotContain("Done.");
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"hosted-test", "runtime-test"})
    void aServerErrorOnThePaymentIsNotAnsweredFromTheFallback(String mode) {
        try (ExampleClient example = ExampleSupport.client(env(mode))) {
            FakeCodeSpar fake = example.embeddedFake().orElseThrow();
            fake.failNext("internal_error").onPath("/v1/sessions/*/execute");

            Run run = run(example, "PayWithRateLimitExample", PayWithRateLimitExample::run);

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.calls()).containsExactly("POST /v1/sessions 201",
                    "POST /v1/sessions/{s}/execute 500 codespar_pay", "DELETE /v1/sessions/{s} 204");
            assertThat(run.out()).contains("FAILED: internal_error (500)").doesNotContain("accepted")
                    .doesNotContain("paying through");
        }
    }

    @Test
    void aRefusedKeyOnTheRuntimeEndsWithStatusOneAndSaysThereIsNoRequestId() {
        FakeCodeSpar fake = FakeCodeSpar.builder().dialect(Dialect.RUNTIME).runtimeTestMode(true)
                .runtimeMetaTools(false).start();
        CodeSparClient wrongKey = CodeSparClient.builder().apiKey("csk_test_not_this_servers_key_0001")
                .baseUrl(fake.baseUrl()).build();
        try (ExampleClient example = new ExampleClient(wrongKey, fake, ExampleClient.Mode.MOCKS_ONLY, "a runtime")) {
            Run run = run(example, "CodeSpar quickstart", Quickstart::run);

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.calls()).containsExactly("POST /v1/sessions 401");
            assertThat(run.journal().get(0).requestId()).isNull();
            assertThat(run.out()).contains("FAILED: ")
                    .contains("        no request id: the server answered 401 without one (the open-source runtime"
                            + " sends none)")
                    .doesNotContain("csk_test_not_this_servers_key_0001");
        }
    }

    @Test
    void aServerWithoutTestModeRefusesTheMocksAndTheExampleStopsWithoutMovingMoney() {
        FakeCodeSpar fake = FakeCodeSpar.builder().dialect(Dialect.RUNTIME).runtimeTestMode(false).start();
        try (ExampleClient example = new ExampleClient(fake.client(), fake, ExampleClient.Mode.MOCKS_ONLY,
                "a runtime with test mode off")) {
            Run run = run(example, "PayWithRateLimitExample", PayWithRateLimitExample::run);

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.calls()).containsExactly("POST /v1/sessions 501");
            assertThat(run.out()).contains("FAILED: mocks_not_permitted (501)")
                    .contains("this server runs tools for real (its test mode is off): the example declares mocks"
                            + " and stops here rather than move money");
        }
    }

    @Test
    void anUnknownFakeIsRefusedBeforeAnythingStarts() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = ExampleSupport.run(env("staging"), false, "SupportTicketExample", SupportTicketExample::run,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("NOT STARTED: CODESPAR_EXAMPLES_FAKE is world,"
                + " hosted-test or runtime-test, not staging\n");
    }
}
