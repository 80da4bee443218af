package dev.codespar;

import dev.codespar.metatools.MetaTools;
import dev.codespar.metatools.ChargeParams;
import dev.codespar.metatools.ShipParams;
import dev.codespar.metatools.LedgerParams;
import dev.codespar.metatools.IssueParams;
import dev.codespar.metatools.ShopParams;
import dev.codespar.metatools.DiscoverParams;
import dev.codespar.metatools.ConnectionWizardParams;
import static dev.codespar.Fixtures.json;
import static dev.codespar.Fixtures.sse;
import static dev.codespar.Fixtures.take;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Golden wire tests: every request the session surface sends, byte for byte, with its headers. */
class SessionWireTest {

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

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put((String) kv[i], kv[i + 1]);
        }
        return map;
    }

    private static void assertCommonHeaders(RecordedRequest r, String accept) {
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + Fixtures.KEY);
        assertThat(r.getHeader("User-Agent")).startsWith("codespar-java/");
        assertThat(r.getHeader("Accept")).isEqualTo(accept);
        if (r.getBodySize() > 0) {
            assertThat(r.getHeader("Content-Type")).isEqualTo("application/json");
        } else {
            assertThat(r.getHeader("Content-Type")).isNull();
        }
    }

    @Test
    void createWithMocksSendsGoldenG1() throws Exception {
        server.enqueue(json(201, "{\"id\":\"ses_1\",\"status\":\"active\"}"));
        client.create("user_demo", SessionConfig.builder()
                .servers("asaas")
                .mocks(ordered(
                        "asaas/create_payment", ordered("id", "pay_test_42", "status", "PENDING"),
                        "asaas/get_payment", List.of(ordered("id", "pay_test_42", "status", "PENDING"),
                                ordered("id", "pay_test_42", "status", "CONFIRMED"))))
                .build());
        RecordedRequest r = take(server);
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getPath()).isEqualTo("/v1/sessions");
        assertThat(r.getBody().readUtf8()).isEqualTo("{\"servers\":[\"asaas\"],\"user_id\":\"user_demo\","
                + "\"mocks\":{\"asaas/create_payment\":{\"id\":\"pay_test_42\",\"status\":\"PENDING\"},"
                + "\"asaas/get_payment\":[{\"id\":\"pay_test_42\",\"status\":\"PENDING\"},"
                + "{\"id\":\"pay_test_42\",\"status\":\"CONFIRMED\"}]}}");
        assertCommonHeaders(r, "application/json");
        assertThat(r.getHeader("x-codespar-project")).isNull();
    }

    @Test
    void createFromPresetSendsGoldenG2AndEmptyMocksAreSent() throws Exception {
        server.enqueue(json(201, Fixtures.CREATE_ANSWER));
        server.enqueue(json(201, Fixtures.CREATE_ANSWER));
        client.create("user_123", SessionConfig.builder().preset(Preset.BRAZILIAN).build());
        client.create("user_123", SessionConfig.builder().servers(List.of()).mocks(Map.of())
                .metadata(Map.of("order", "42")).build());
        assertThat(take(server).getBody().readUtf8()).isEqualTo(
                "{\"servers\":[\"zoop\",\"nuvem-fiscal\",\"melhor-envio\",\"z-api\",\"omie\"],\"user_id\":\"user_123\"}");
        assertThat(take(server).getBody().readUtf8())
                .isEqualTo("{\"servers\":[],\"user_id\":\"user_123\",\"mocks\":{},\"metadata\":{\"order\":\"42\"}}");
    }

    @Test
    void everyRequestOfASessionCarriesItsOwnProjectOverTheClients() throws Exception {
        try (CodeSparClient scoped = Fixtures.builder(server, new FakeTiming())
                .projectId("prj_AAAAAAAAAAAAAAAA").build()) {
            Session mine = Fixtures.session(scoped, server,
                    SessionConfig.builder().projectId("prj_BBBBBBBBBBBBBBBB").build());
            Session inherited = Fixtures.session(scoped, server);
            assertThat(mine.getProjectId()).isEqualTo("prj_BBBBBBBBBBBBBBBB");
            assertThat(inherited.getProjectId()).isEqualTo("prj_AAAAAAAAAAAAAAAA");

            server.enqueue(json("{\"success\":true}"));
            server.enqueue(json("{\"status\":200}"));
            server.enqueue(json("{\"message\":\"ok\"}"));
            server.enqueue(sse("event: done\ndata: {}\n\n"));
            server.enqueue(json("{\"servers\":[]}"));
            server.enqueue(json("{\"link_token\":\"lnk_1\",\"authorize_url\":\"https://a\"}"));
            server.enqueue(json("{}"));
            server.enqueue(json("{}"));
            server.enqueue(sse("event: done\n\n"));
            server.enqueue(sse("event: done\n\n"));
            server.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(204));
            mine.execute("codespar_pay", Map.of());
            mine.proxyExecute(ProxyParams.builder("asaas", ProxyParams.Method.GET, "/v3/payments").build());
            mine.send("hi");
            try (EventStream<StreamEvent> s = mine.sendStream("hi")) {
                s.forEach(e -> { });
            }
            mine.connections();
            mine.authorize("asaas", "https://app.example.com/connected");
            mine.toolCalls().paymentStatus("tc_1");
            mine.toolCalls().verificationStatus("tc_1");
            try (EventStream<StatusEvent<PaymentStatusResult>> s = mine.toolCalls().paymentStatusStream("tc_1")) {
                s.forEach(e -> { });
            }
            try (EventStream<StatusEvent<VerificationStatusResult>> s = mine.toolCalls().verificationStatusStream("tc_1")) {
                s.forEach(e -> { });
            }
            mine.close();
            for (int i = 0; i < 11; i++) {
                RecordedRequest r = take(server);
                assertThat(r.getHeader("x-codespar-project")).as(r.getMethod() + " " + r.getPath())
                        .isEqualTo("prj_BBBBBBBBBBBBBBBB");
            }
            assertThat(mine.mcp().headers()).containsEntry("x-codespar-project", "prj_BBBBBBBBBBBBBBBB");
        }
    }

    @Test
    void executeSendsGoldenG3() throws Exception {
        Session session = Fixtures.session(client, server);
        server.enqueue(json("{\"success\":true}"));
        session.execute("codespar_pay", ordered("action", "pay", "amount", 1000, "currency", "BRL", "method", "pix",
                "description", "Order 42", "recipient", "ana@example.com"));
        RecordedRequest r = take(server);
        assertThat(r.getPath()).isEqualTo("/v1/sessions/ses_HZb4d5yxIAxLawb4/execute");
        assertThat(r.getBody().readUtf8()).isEqualTo("{\"tool\":\"codespar_pay\",\"input\":{\"action\":\"pay\","
                + "\"amount\":1000,\"currency\":\"BRL\",\"method\":\"pix\",\"description\":\"Order 42\","
                + "\"recipient\":\"ana@example.com\"}}");
        assertCommonHeaders(r, "application/json");
    }

    @Test
    void proxyExecuteSendsGoldenG9AndOmitsAbsentFields() throws Exception {
        Session session = Fixtures.session(client, server);
        server.enqueue(json("{\"status\":200}"));
        server.enqueue(json("{\"status\":200}"));
        session.proxyExecute(ProxyParams.builder("asaas", ProxyParams.Method.POST, "/v3/payments")
                .body(Map.of("value", 10)).build());
        session.proxyExecute(ProxyParams.builder("asaas", ProxyParams.Method.GET, "/v3/payments")
                .param("limit", 10).param("offset", 0).header("X-Extra", "1").build());
        RecordedRequest r = take(server);
        assertThat(r.getPath()).isEqualTo("/v1/sessions/ses_HZb4d5yxIAxLawb4/proxy_execute");
        assertThat(r.getBody().readUtf8())
                .isEqualTo("{\"server\":\"asaas\",\"endpoint\":\"/v3/payments\",\"method\":\"POST\",\"body\":{\"value\":10}}");
        assertThat(take(server).getBody().readUtf8()).isEqualTo("{\"server\":\"asaas\",\"endpoint\":\"/v3/payments\","
                + "\"method\":\"GET\",\"params\":{\"limit\":10,\"offset\":0},\"headers\":{\"X-Extra\":\"1\"}}");
    }

    @Test
    void sendAsksForJsonAndSendStreamForEvents() throws Exception {
        Session session = Fixtures.session(client, server);
        server.enqueue(json("{\"message\":\"ok\"}"));
        server.enqueue(sse("event: done\ndata: {}\n\n"));
        session.send("Charge R$10 via Pix");
        try (EventStream<StreamEvent> events = session.sendStream("Charge R$10 via Pix")) {
            events.forEach(e -> { });
        }
        RecordedRequest json = take(server);
        assertThat(json.getPath()).isEqualTo("/v1/sessions/ses_HZb4d5yxIAxLawb4/send");
        assertThat(json.getBody().readUtf8()).isEqualTo("{\"message\":\"Charge R$10 via Pix\"}");
        assertCommonHeaders(json, "application/json");
        RecordedRequest stream = take(server);
        assertThat(stream.getPath()).isEqualTo("/v1/sessions/ses_HZb4d5yxIAxLawb4/send");
        assertThat(stream.getBody().readUtf8()).isEqualTo("{\"message\":\"Charge R$10 via Pix\"}");
        assertCommonHeaders(stream, "text/event-stream");
    }

    @Test
    void authorizeSendsGoldenG9WithTheUserIdOfTheCreateAnswer() throws Exception {
        server.enqueue(json(201, "{\"id\":\"ses_1\",\"user_id\":\"usr_recorded\"}"));
        Session session = client.create("user_123");
        take(server);
        server.enqueue(json("{\"link_token\":\"lnk_abc\",\"authorize_url\":\"https://x\"}"));
        server.enqueue(json("{\"link_token\":\"lnk_abc\",\"authorize_url\":\"https://x\"}"));
        session.authorize("asaas", "https://app.example.com/connected");
        session.authorize("asaas", "https://app.example.com/connected", "payments:write");
        RecordedRequest r = take(server);
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getPath()).isEqualTo("/v1/connect/start");
        assertThat(r.getBody().readUtf8()).isEqualTo("{\"server_id\":\"asaas\",\"user_id\":\"usr_recorded\","
                + "\"redirect_uri\":\"https://app.example.com/connected\"}");
        assertCommonHeaders(r, "application/json");
        assertThat(take(server).getBody().readUtf8()).isEqualTo("{\"server_id\":\"asaas\",\"user_id\":\"usr_recorded\","
                + "\"redirect_uri\":\"https://app.example.com/connected\",\"scopes\":\"payments:write\"}");
    }

    @Test
    void readsUseGetWithoutBodyAndPercentEncodeToolCallIds() throws Exception {
        Session session = Fixtures.session(client, server);
        server.enqueue(json("{\"servers\":[]}"));
        server.enqueue(json("{}"));
        server.enqueue(json("{}"));
        server.enqueue(sse("event: done\n\n"));
        server.enqueue(sse("event: done\n\n"));
        session.connections();
        session.toolCalls().paymentStatus("tc/1 x");
        session.toolCalls().verificationStatus("tc_2");
        session.toolCalls().paymentStatusStream("tc_3").forEach(e -> { });
        session.toolCalls().verificationStatusStream("tc_4").forEach(e -> { });
        String[][] expected = {
            {"/v1/sessions/ses_HZb4d5yxIAxLawb4/connections", "application/json"},
            {"/v1/tool-calls/tc%2F1%20x/payment-status", "application/json"},
            {"/v1/tool-calls/tc_2/verification-status", "application/json"},
            {"/v1/tool-calls/tc_3/payment-status/stream", "text/event-stream"},
            {"/v1/tool-calls/tc_4/verification-status/stream", "text/event-stream"},
        };
        for (String[] e : expected) {
            RecordedRequest r = take(server);
            assertThat(r.getMethod()).isEqualTo("GET");
            assertThat(r.getPath()).isEqualTo(e[0]);
            assertThat(r.getBodySize()).isZero();
            assertCommonHeaders(r, e[1]);
        }
    }

    @Test
    void closeDeletesTheSession() throws Exception {
        Session session = Fixtures.session(client, server);
        server.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(204));
        session.close();
        session.close();
        RecordedRequest r = take(server);
        assertThat(r.getMethod()).isEqualTo("DELETE");
        assertThat(r.getPath()).isEqualTo("/v1/sessions/ses_HZb4d5yxIAxLawb4");
        assertThat(r.getBodySize()).isZero();
        assertThat(server.getRequestCount()).as("idempotent once closed").isEqualTo(2);
    }

    @Test
    void typedMetaToolsSendTheirWireShapes() throws Exception {
        Session session = Fixtures.session(client, server);
        for (int i = 0; i < 8; i++) {
            server.enqueue(json("{\"success\":true,\"data\":{}}"));
        }
        MetaTools.of(session).charge(ChargeParams.pix(new BigDecimal("125.00"), "BRL", "Order 42",
                ChargeParams.Buyer.named("Ana").withEmail("ana@example.com")).withDueDate(LocalDate.of(2026, 5, 10)));
        MetaTools.of(session).ship(ShipParams.quote(new ShipParams.Address("01310-100", "São Paulo", "SP", "BR", "Av. Paulista", "1"),
                ShipParams.Address.of("20040-020"), List.of(ShipParams.Item.ofWeight(500)))
                .withServiceLevel(ShipParams.ServiceLevel.CHEAPEST));
        MetaTools.of(session).ledger(LedgerParams.entry("BRL", List.of(new LedgerParams.Leg("@wallet/u1", 1000)),
                List.of(new LedgerParams.Leg("@merchant/acme", 1000))).withDescription("Order 42"));
        MetaTools.of(session).issue(IssueParams.control("card_1", IssueParams.Control.FREEZE, "lost"));
        MetaTools.of(session).shop(ShopParams.checkout("acme", List.of(new ShopParams.Item("sku_1", 2, null)))
                .withAddress(new ShopParams.Address("01310-100", null, "1", null, null, null, null)));
        MetaTools.of(session).discover(DiscoverParams.of("emitir NFS-e").withCountry("BR").withLimit(5));
        MetaTools.of(session).connectionWizard(ConnectionWizardParams.initiate("asaas").withReturnTo("/dashboard/connections"));
        MetaTools.of(session).connectionWizard(new ConnectionWizardParams(null, null, null, null, null));
        String[] expected = {
            "{\"tool\":\"codespar_charge\",\"input\":{\"amount\":125.00,\"currency\":\"BRL\",\"method\":\"pix\","
                    + "\"description\":\"Order 42\",\"buyer\":{\"name\":\"Ana\",\"email\":\"ana@example.com\"},"
                    + "\"due_date\":\"2026-05-10\"}}",
            "{\"tool\":\"codespar_ship\",\"input\":{\"action\":\"quote\",\"origin\":{\"postal_code\":\"01310-100\","
                    + "\"city\":\"São Paulo\",\"state\":\"SP\",\"country\":\"BR\",\"line_1\":\"Av. Paulista\","
                    + "\"number\":\"1\"},\"destination\":{\"postal_code\":\"20040-020\"},\"items\":[{\"weight_g\":500}],"
                    + "\"service_level\":\"cheapest\"}}",
            "{\"tool\":\"codespar_ledger\",\"input\":{\"action\":\"entry\",\"asset\":\"BRL\",\"source\":[{\"account\":"
                    + "\"@wallet/u1\",\"amount\":1000}],\"destination\":[{\"account\":\"@merchant/acme\",\"amount\":1000}],"
                    + "\"description\":\"Order 42\"}}",
            "{\"tool\":\"codespar_issue\",\"input\":{\"action\":\"card-control\",\"card_id\":\"card_1\","
                    + "\"control\":\"freeze\",\"reason\":\"lost\"}}",
            "{\"tool\":\"codespar_shop\",\"input\":{\"action\":\"checkout\",\"merchant\":\"acme\",\"items\":[{"
                    + "\"variant_id\":\"sku_1\",\"quantity\":2}],\"address\":{\"cep\":\"01310-100\",\"number\":\"1\"}}}",
            "{\"tool\":\"codespar_discover\",\"input\":{\"use_case\":\"emitir NFS-e\",\"country\":\"BR\",\"limit\":5}}",
            "{\"tool\":\"codespar_manage_connections\",\"input\":{\"action\":\"initiate\",\"server_id\":\"asaas\","
                    + "\"return_to\":\"/dashboard/connections\"}}",
            "{\"tool\":\"codespar_manage_connections\",\"input\":{}}",
        };
        for (String body : expected) {
            RecordedRequest r = take(server);
            assertThat(r.getPath()).isEqualTo("/v1/sessions/ses_HZb4d5yxIAxLawb4/execute");
            assertThat(r.getBody().readUtf8()).isEqualTo(body);
        }
    }

    @Test
    void mcpEndpointCarriesTheKeyButNeverPrintsIt() throws Exception {
        Session session = Fixtures.session(client, server);
        McpEndpoint mcp = session.mcp();
        assertThat(mcp.url()).isEqualTo(server.url("/v1/sessions/ses_HZb4d5yxIAxLawb4/mcp").toString());
        assertThat(mcp.headers()).containsExactly(Map.entry("Authorization", "Bearer " + Fixtures.KEY));
        assertThat(mcp.toString()).doesNotContain(Fixtures.KEY).contains("[redacted]");
        assertThat(session.toString()).doesNotContain(Fixtures.KEY);
        assertThat(server.getRequestCount()).as("mcp() makes no call").isEqualTo(1);
    }
}
