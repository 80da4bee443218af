package dev.codespar;

import dev.codespar.metatools.MetaTools;
import dev.codespar.metatools.ChargeParams;
import dev.codespar.metatools.ChargeResult;
import dev.codespar.metatools.ShipParams;
import dev.codespar.metatools.ShipResult;
import dev.codespar.metatools.LedgerParams;
import dev.codespar.metatools.LedgerResult;
import dev.codespar.metatools.ShopParams;
import dev.codespar.metatools.ShopResult;
import dev.codespar.metatools.DiscoverResult;
import dev.codespar.metatools.ConnectionWizardParams;
import dev.codespar.metatools.ConnectionWizardResult;
import dev.codespar.metatools.TypedToolResult;
import dev.codespar.metatools.ConnectionState;
import static dev.codespar.Fixtures.json;
import static dev.codespar.Fixtures.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codespar.errors.ApiError;
import dev.codespar.errors.ForbiddenError;
import dev.codespar.errors.NeedsConnectionError;
import dev.codespar.errors.ServiceUnavailableError;
import dev.codespar.errors.UnprocessableEntityError;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every answer variant the servers send, including those the official SDKs disagree on. */
class ResponseParsingTest {

    private MockWebServer server;
    private CodeSparClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = Fixtures.client(server);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    private Session session() throws InterruptedException {
        return Fixtures.session(client, server);
    }

    @Test
    void aNumberNoDecimalCanHoldIsAnInvalidResponseNotANumberFormatException() throws Exception {
        Session s = session();
        server.enqueue(json("{\"success\":true,\"data\":{\"amount\":1e99999999999}}").setHeader("X-Request-Id", "req_n"));
        assertThatThrownBy(() -> s.execute("codespar_pay", java.util.Map.of()))
                .isInstanceOfSatisfying(dev.codespar.errors.ApiError.class, e -> {
                    assertThat(e.getCode()).isEqualTo("invalid_response");
                    assertThat(e.getRequestId()).isEqualTo("req_n");
                });
        server.enqueue(json("{\"success\":true,\"data\":{\"amount\":1e999999999}}"));
        assertThat(s.execute("codespar_pay", java.util.Map.of()).data().get("amount").decimalValue())
                .isEqualByComparingTo(new java.math.BigDecimal("1e999999999"));
    }

    @Test
    void createAnswersFullRuntimeAndOldShapes() {
        server.enqueue(json(201, Fixtures.CREATE_ANSWER));
        server.enqueue(json(201, "{\"id\":\"3f1c-uuid\",\"status\":\"active\"}"));
        server.enqueue(json(201, "{\"id\":\"ses_old\",\"servers\":[{\"id\":\"asaas\",\"name\":\"Asaas\","
                + "\"status\":\"ready\"},\"zoop\"],\"status\":\"provisioning\",\"expires_at\":\"2026-05-02T10:30:00Z\"}"));
        Session full = client.create("user_123");
        assertThat(full.getId()).isEqualTo("ses_HZb4d5yxIAxLawb4");
        assertThat(full.getUserId()).isEqualTo("user_123");
        assertThat(full.getServers()).containsExactly("zoop", "nuvem-fiscal", "melhor-envio", "z-api", "omie");
        assertThat(full.getStatus()).isEqualTo(SessionStatus.ACTIVE);
        assertThat(full.getCreatedAt()).isEqualTo(Instant.parse("2026-05-02T10:00:00Z"));
        Session runtime = client.create("user_rt");
        assertThat(runtime.getUserId()).as("falls back to the requested user").isEqualTo("user_rt");
        assertThat(runtime.getServers()).as("falls back to the requested servers (the default pair)")
                .containsExactly("zoop", "nuvem-fiscal");
        assertThat(runtime.getCreatedAt()).isNotNull();
        Session old = client.create("user_old");
        assertThat(old.getServers()).containsExactly("asaas", "zoop");
        assertThat(old.getStatus()).isEqualTo(SessionStatus.UNKNOWN);
    }

    @Test
    void toolResultsSuccessAndToolLevelFailureG3() throws Exception {
        Session s = session();
        server.enqueue(json("{\"success\":true,\"data\":{\"id\":\"pay_1\",\"status\":\"pending\",\"amount\":1000},"
                + "\"error\":null,\"duration\":412,\"server\":\"asaas\",\"tool\":\"codespar_pay\","
                + "\"tool_call_id\":\"tc_42\",\"called_at\":\"2026-05-02T10:00:01Z\",\"new_field\":[1]}")
                .setHeader("X-Request-Id", "req_ok"));
        server.enqueue(json("{\"success\":false,\"data\":null,\"error\":\"no_eligible_providers\",\"duration\":35,"
                + "\"server\":\"codespar\",\"tool\":\"codespar_pay\"}"));
        ToolResult ok = s.execute("codespar_pay", Map.of());
        assertThat(ok).isEqualTo(new ToolResult(true, ok.data(), null, 412, "asaas", "codespar_pay", "tc_42",
                Instant.parse("2026-05-02T10:00:01Z"), "req_ok"));
        assertThat(ok.data().path("id").asText()).isEqualTo("pay_1");
        assertThat(ok.code()).isEqualTo(ToolResultCode.NONE);
        ToolResult failed = s.execute("codespar_pay", Map.of());
        assertThat(failed.success()).isFalse();
        assertThat(failed.error()).isEqualTo("no_eligible_providers");
        assertThat(failed.data().isNull()).isTrue();
        assertThat(failed.toolCallId()).isNull();
        assertThat(failed.calledAt()).isNull();
        assertThat(failed.code()).isEqualTo(ToolResultCode.NONE);
    }

    @Test
    void toolResultCodesInData() throws Exception {
        Session s = session();
        server.enqueue(json("{\"success\":false,\"error\":\"policy_denied\",\"data\":{\"code\":\"policy_denied\","
                + "\"rule_id\":\"rule_7\",\"message\":\"Budget exceeded\"}}"));
        server.enqueue(json("{\"success\":false,\"data\":{\"code\":\"approval_required\",\"approval_id\":\"apr_1\","
                + "\"expires_at\":\"2026-05-02T11:00:00Z\",\"message\":\"Waiting for approval\"}}"));
        server.enqueue(json("{\"success\":false,\"data\":{\"code\":\"tool_not_mocked\",\"tool_name\":\"asaas/x\","
                + "\"message\":\"no mock\"}}"));
        server.enqueue(json("{\"success\":false,\"data\":{\"code\":\"brand_new_code\",\"message\":\"?\"}}"));
        server.enqueue(json("{\"success\":false,\"data\":{\"code\":\"policy_denied\",\"message\":\"no rule id\"}}"));
        server.enqueue(json("{\"success\":true,\"data\":{\"code\":\"BR-123\",\"id\":\"x\"}}"));
        server.enqueue(json("{\"success\":false,\"data\":{\"code\":\"mocks_engine_error\",\"message\":\"boom\"}}"));
        ToolResult denied = s.execute("codespar_pay", Map.of());
        assertThat(denied.isPolicyDenied()).isTrue();
        assertThat(denied.codeDetails()).get().satisfies(d -> {
            assertThat(d.ruleId()).isEqualTo("rule_7");
            assertThat(d.message()).isEqualTo("Budget exceeded");
        });
        ToolResult approval = s.execute("codespar_pay", Map.of());
        assertThat(approval.isApprovalRequired()).isTrue();
        assertThat(approval.codeDetails().orElseThrow().approvalId()).isEqualTo("apr_1");
        assertThat(approval.codeDetails().orElseThrow().expiresAt()).isEqualTo(Instant.parse("2026-05-02T11:00:00Z"));
        ToolResult notMocked = s.execute("asaas/x", Map.of());
        assertThat(notMocked.isToolNotMocked()).isTrue();
        assertThat(notMocked.codeDetails().orElseThrow().toolName()).isEqualTo("asaas/x");
        ToolResult unknown = s.execute("codespar_pay", Map.of());
        assertThat(unknown.code()).isEqualTo(ToolResultCode.UNKNOWN);
        assertThat(unknown.codeDetails().orElseThrow().rawCode()).isEqualTo("brand_new_code");
        assertThat(s.execute("codespar_pay", Map.of()).code()).as("sibling missing").isEqualTo(ToolResultCode.UNKNOWN);
        assertThat(s.execute("codespar_pay", Map.of()).code()).as("a success's own code field")
                .isEqualTo(ToolResultCode.NONE);
        assertThat(s.execute("codespar_pay", Map.of()).isMocksEngineError()).isTrue();
    }

    @Test
    void toolResultCodesInHttpBodiesAndPolicyDenials() throws Exception {
        Session s = session();
        server.enqueue(json(422, "{\"code\":\"mocks_exhausted\",\"message\":\"asaas/get_payment has no mock left\"}"));
        server.enqueue(json(503, "{\"code\":\"mocks_engine_error\",\"message\":\"engine down\"}"));
        server.enqueue(json(403, "{\"reason\":\"budget_exceeded\",\"ruleType\":\"budget\",\"ruleId\":\"rule_9\","
                + "\"approval_id\":\"apr_2\",\"expires_at\":\"2026-05-02T11:00:00Z\"}"));
        server.enqueue(json(422, "{\"error\":\"needs_connection\",\"message\":\"Connect asaas first\",\"status\":422,"
                + "\"request_id\":\"req_77\",\"connect_url\":\"https://connect.codespar.dev/x\"}"));
        assertThatThrownBy(() -> s.execute("asaas/get_payment", Map.of()))
                .isInstanceOfSatisfying(UnprocessableEntityError.class, e -> assertThat(ToolCodeDetails.of(e))
                        .get().extracting(ToolCodeDetails::code).isEqualTo(ToolResultCode.MOCKS_EXHAUSTED));
        assertThatThrownBy(() -> s.execute("asaas/get_payment", Map.of()))
                .isInstanceOfSatisfying(ServiceUnavailableError.class, e -> assertThat(ToolCodeDetails.of(e))
                        .get().extracting(ToolCodeDetails::code).isEqualTo(ToolResultCode.MOCKS_ENGINE_ERROR));
        assertThatThrownBy(() -> s.execute("codespar_pay", Map.of()))
                .isInstanceOfSatisfying(ForbiddenError.class, e -> {
                    assertThat(e.getCode()).isEqualTo("budget_exceeded");
                    ToolCodeDetails d = ToolCodeDetails.of(e).orElseThrow();
                    assertThat(d.code()).isEqualTo(ToolResultCode.POLICY_DENIED);
                    assertThat(d.ruleId()).isEqualTo("rule_9");
                    assertThat(d.approvalId()).isEqualTo("apr_2");
                    assertThat(d.message()).isEqualTo("budget_exceeded");
                });
        assertThatThrownBy(() -> s.execute("codespar_pay", Map.of()))
                .isInstanceOfSatisfying(NeedsConnectionError.class, e -> {
                    assertThat(e.getConnectUrl()).isEqualTo("https://connect.codespar.dev/x");
                    assertThat(e.getRequestId()).isEqualTo("req_77");
                    assertThat(ToolCodeDetails.of(e)).isEmpty();
                });
    }

    @Test
    void sendAnswerG4AndTheRuntimeChatLoopRecord() throws Exception {
        Session s = session();
        server.enqueue(json("{\"message\":\"Charged R$10 via Pix.\",\"iterations\":1,\"tool_calls\":[{\"id\":\"tc_1\","
                + "\"tool_name\":\"codespar_pay\",\"server_id\":\"asaas\",\"status\":\"success\",\"duration_ms\":412,"
                + "\"input\":{\"amount\":1000},\"output\":{\"id\":\"pix_1\"},\"error_code\":null},"
                + "{\"tool_name\":\"asaas/get_payment\",\"status\":\"error\",\"error_code\":\"mocks_exhausted\","
                + "\"output\":{\"error\":\"mocks_exhausted\"}},{\"tool_name\":\"x\",\"status\":\"weird\"}]}")
                .setHeader("X-Request-Id", "req_send"));
        SendResult r = s.send("Charge R$10");
        assertThat(r.message()).isEqualTo("Charged R$10 via Pix.");
        assertThat(r.iterations()).isEqualTo(1);
        assertThat(r.requestId()).isEqualTo("req_send");
        ToolCallRecord first = r.toolCalls().get(0);
        assertThat(first).isEqualTo(new ToolCallRecord("tc_1", "codespar_pay", "asaas", ToolCallStatus.SUCCESS, 412L,
                first.input(), first.output(), null));
        assertThat(first.input().path("amount").asInt()).isEqualTo(1000);
        ToolCallRecord drained = r.toolCalls().get(1);
        assertThat(drained.id()).isNull();
        assertThat(drained.durationMs()).isNull();
        assertThat(drained.isMocksExhausted()).isTrue();
        assertThat(r.toolCalls().get(2).status()).isEqualTo(ToolCallStatus.UNKNOWN);
    }

    @Test
    void connectionsInAllThreeShapes() throws Exception {
        Session s = session();
        server.enqueue(json("{\"servers\":[{\"id\":\"asaas\",\"name\":\"Asaas\",\"category\":\"payments\","
                + "\"country\":\"BR\",\"auth_type\":\"path_secret\",\"connected\":true},{\"id\":\"zoop\","
                + "\"connected\":false}],\"tools\":[{\"name\":\"codespar_pay\",\"description\":\"Pay via Pix\","
                + "\"input_schema\":{\"type\":\"object\"},\"server\":\"codespar\"},{\"name\":\"asaas/create_payment\"}]}"));
        server.enqueue(json("{\"data\":[{\"id\":\"asaas\",\"connected\":true,\"tools_count\":3,\"status\":\"ready\"}],"
                + "\"total\":1,\"session_id\":\"ses_1\"}"));
        // the runtime's rows: "<session id>-conn-<n>-<server>", read back as the server they name
        server.enqueue(json("{\"servers\":[{\"id\":\"" + s.getId() + "-conn-0-zoop\",\"connected\":true},"
                + "{\"id\":\"" + s.getId() + "-conn-1-nuvem-fiscal\",\"connected\":false}]}"));
        SessionConnections sdk = s.connections();
        assertThat(sdk.servers().get(0)).isEqualTo(new ConnectedServer("asaas", "Asaas", "payments", "BR",
                "path_secret", true));
        assertThat(sdk.isReady()).isFalse();
        assertThat(sdk.pendingServers()).containsExactly("zoop");
        assertThat(sdk.tools()).hasSize(2);
        assertThat(sdk.findTools("PIX")).extracting(SessionTool::name).containsExactly("codespar_pay");
        assertThat(sdk.tools().get(1).description()).isEmpty();
        SessionConnections old = s.connections();
        assertThat(old.isReady()).isTrue();
        assertThat(old.tools()).isEmpty();
        SessionConnections runtime = s.connections();
        assertThat(runtime.servers()).extracting(ConnectedServer::id).containsExactly("zoop", "nuvem-fiscal");
        assertThat(runtime.pendingServers()).containsExactly("nuvem-fiscal");
        assertThat(new SessionConnections(List.of(), List.of(), null).isReady()).as("empty is never ready").isFalse();
    }

    @Test
    void connectLinksAndProxyResults() throws Exception {
        Session s = session();
        server.enqueue(json("{\"link_token\":\"lnk_abc\",\"authorize_url\":\"https://auth.example/x\","
                + "\"expires_at\":\"2026-05-02T10:30:00Z\"}").setHeader("X-Request-Id", "req_l"));
        server.enqueue(json("{\"link_token\":\"lnk_abc\"}"));
        server.enqueue(json("{\"status\":200,\"data\":{\"id\":\"pay_1\"},\"headers\":{\"content-type\":"
                + "\"application/json\"},\"duration\":220,\"proxy_call_id\":\"pc_1\"}"));
        server.enqueue(json("{\"status\":404,\"data\":{\"errors\":[]}}"));
        assertThat(s.authorize("asaas", "https://app.example.com/connected")).isEqualTo(new ConnectLink("lnk_abc",
                "https://auth.example/x", Instant.parse("2026-05-02T10:30:00Z"), "req_l"));
        assertThatThrownBy(() -> s.authorize("asaas", "https://app.example.com/connected"))
                .isInstanceOf(ApiError.class).hasMessageContaining("authorize_url");
        ProxyResult proxied = s.proxyExecute(ProxyParams.builder("asaas", ProxyParams.Method.GET, "/v3/p").build());
        assertThat(proxied.status()).isEqualTo(200);
        assertThat(proxied.headers()).containsEntry("content-type", "application/json");
        assertThat(proxied.durationMs()).isEqualTo(220);
        assertThat(proxied.proxyCallId()).isEqualTo("pc_1");
        assertThat(proxied.data().path("id").asText()).isEqualTo("pay_1");
        ProxyResult notFound = s.proxyExecute(ProxyParams.builder("asaas", ProxyParams.Method.GET, "/v3/p").build());
        assertThat(notFound.isSuccessful()).isFalse();
        assertThat(notFound.headers()).isEmpty();
    }

    @Test
    void settlementStatusEnvelopesKeepTheirEnumsOpen() throws Exception {
        Session s = session();
        server.enqueue(json("{\"tool_call_id\":\"tc_1\",\"payment_status\":\"chargeback\",\"idempotency_key\":null,"
                + "\"original_status\":\"success\",\"events\":[{\"event_type\":\"x\",\"received_at\":\"not a date\"}]}"));
        server.enqueue(json("{}"));
        server.enqueue(json("{\"verification_status\":\"expired\",\"hosted_url\":null,\"original_status\":\"success\"}")
                .setHeader("X-Request-Id", "req_v"));
        PaymentStatusResult open = s.toolCalls().paymentStatus("tc_1");
        assertThat(open.paymentStatus()).isEqualTo(PaymentStatus.UNKNOWN);
        assertThat(open.events().get(0).receivedAt()).isNull();
        PaymentStatusResult empty = s.toolCalls().paymentStatus("tc_2");
        assertThat(empty.toolCallId()).isEqualTo("tc_2");
        assertThat(empty.paymentStatus()).isEqualTo(PaymentStatus.UNKNOWN);
        assertThat(empty.events()).isEmpty();
        VerificationStatusResult v = s.toolCalls().verificationStatus("tc_3");
        assertThat(v.verificationStatus()).isEqualTo(VerificationStatus.EXPIRED);
        assertThat(v.isTerminal()).isTrue();
        assertThat(v.requestId()).isEqualTo("req_v");
    }

    @Test
    void typedOutputsParseAndTolerateNewValues() throws Exception {
        Session s = session();
        server.enqueue(json("{\"success\":true,\"tool_call_id\":\"tc_c\",\"data\":{\"id\":\"ch_1\",\"status\":\"pending\","
                + "\"amount\":125.5,\"currency\":\"BRL\",\"method\":\"pix\",\"pix_copy_paste\":\"000201...\","
                + "\"raw\":{\"x\":1},\"extra\":true}}"));
        server.enqueue(json("{\"success\":true,\"data\":{\"use_case\":\"nfse\",\"search_strategy\":\"hybrid\","
                + "\"recommended\":{\"server_id\":\"nuvem-fiscal\",\"tool_name\":\"emitir_nfse\",\"cosine_distance\":0.12,"
                + "\"trigram_similarity\":null,\"connection_status\":\"pending_review\",\"known_pitfalls\":[\"cert\"],"
                + "\"recommended_plan\":[{\"step\":\"connect\",\"prereq\":true}]},\"related\":[],\"next_steps\":[\"x\"]}}"));
        server.enqueue(json("{\"success\":true,\"data\":{\"action\":\"initiate\",\"connections\":[],\"status\":null,"
                + "\"initiate\":{\"server_id\":\"asaas\",\"difficulty\":\"extreme\",\"status\":\"disconnected\","
                + "\"connect_url\":\"https://c\",\"instructions\":[\"a\"],\"required_secrets\":[{\"name\":\"api_key\"}],"
                + "\"known_pitfalls\":[],\"next_action\":\"open\"}}}"));
        server.enqueue(json("{\"success\":true,\"data\":{\"checkout_session_id\":\"cks_1\",\"status\":\"ready_for_payment\","
                + "\"total_minor\":4590,\"pix_copia_e_cola\":\"000201\"}}"));
        server.enqueue(json("{\"success\":true,\"data\":{\"receipts\":[{\"receipt_id\":\"rcpt_1\"}],\"count\":1}}"));
        server.enqueue(json("{\"success\":true,\"data\":{\"rail\":\"vtex\",\"products\":\"not a list\"}}"));
        server.enqueue(json("{\"success\":false,\"error\":\"invalid_args\",\"data\":{}}"));

        TypedToolResult<ChargeResult> charge = MetaTools.of(s).charge(ChargeParams.pix(BigDecimal.TEN, "BRL", "x",
                ChargeParams.Buyer.named("Ana")));
        assertThat(charge.output()).get().satisfies(c -> {
            assertThat(c.amount()).isEqualByComparingTo("125.5");
            assertThat(c.pixCopyPaste()).isEqualTo("000201...");
            assertThat(c.raw().path("x").asInt()).isEqualTo(1);
            assertThat(c.chargeUrl()).isNull();
        });
        assertThat(charge.toolCallId()).isEqualTo("tc_c");
        DiscoverResult d = MetaTools.of(s).discover("nfse").output().orElseThrow();
        assertThat(d.searchStrategy()).isEqualTo(DiscoverResult.SearchStrategy.UNKNOWN);
        assertThat(d.recommended().connectionStatus()).isEqualTo(ConnectionState.UNKNOWN);
        assertThat(d.recommended().cosineDistance()).isEqualTo(0.12);
        assertThat(d.recommended().trigramSimilarity()).isNull();
        assertThat(d.recommended().recommendedPlan().get(0).prereq()).isTrue();
        ConnectionWizardResult w = MetaTools.of(s).connectionWizard(ConnectionWizardParams.initiate("asaas")).output().orElseThrow();
        assertThat(w.initiate().difficulty()).isEqualTo(ConnectionWizardResult.Difficulty.UNKNOWN);
        assertThat(w.initiate().status()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(w.initiate().requiredSecrets()).containsExactly(new ConnectionWizardResult.Secret("api_key", null));
        assertThat(w.status()).isNull();
        ShopResult shop = MetaTools.of(s).shop(ShopParams.checkoutStatus("cks_1")).output().orElseThrow();
        assertThat(shop.status()).isEqualTo(ShopResult.CheckoutStatus.READY_FOR_PAYMENT);
        assertThat(shop.totalMinor()).isEqualTo(4590L);
        LedgerResult receipts = MetaTools.of(s).ledger(LedgerParams.receipts(null, 10)).output().orElseThrow();
        assertThat(receipts.count()).isEqualTo(1);
        TypedToolResult<ShopResult> unreadable = MetaTools.of(s).shop(ShopParams.search("café"));
        assertThat(unreadable.success()).isTrue();
        assertThat(unreadable.output()).as("data that does not fit is kept, not thrown").isEmpty();
        assertThat(unreadable.result().data().path("rail").asText()).isEqualTo("vtex");
        TypedToolResult<ShipResult> refused = MetaTools.of(s).ship(ShipParams.track("BR123"));
        assertThat(refused.success()).isFalse();
        assertThat(refused.error()).isEqualTo("invalid_args");
        assertThat(refused.output()).isEmpty();
        for (int i = 0; i < 7; i++) {
            take(server);
        }
    }
}
