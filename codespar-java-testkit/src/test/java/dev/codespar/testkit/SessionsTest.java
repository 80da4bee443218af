package dev.codespar.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.CodeSparClient;
import dev.codespar.Preset;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.SessionStatus;
import dev.codespar.ToolResult;
import dev.codespar.errors.BadRequestError;
import dev.codespar.errors.InvalidRequestError;
import dev.codespar.errors.NotConnectedError;
import dev.codespar.errors.NotFoundError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sessions and execute through the real SDK client, and the exact wire of the answers. */
class SessionsTest {

    private static final Map<String, Object> PAY = Inputs.PAY;

    /** The execute request of golden example G3. */
    static final String G3_PAY = "{\"tool\":\"codespar_pay\",\"input\":{\"action\":\"pay\","
            + "\"amount\":1000,\"currency\":\"BRL\",\"method\":\"pix\",\"description\":\"Order 42\","
            + "\"recipient\":\"ana@example.com\"}}";

    private FakeCodeSpar fake;
    private CodeSparClient client;
    private Raw raw;

    @BeforeEach
    void start() {
        fake = FakeCodeSpar.builder().clock(Clock.fixed(Instant.parse("2026-05-02T10:00:00Z"), ZoneOffset.UTC))
                .start();
        client = fake.client();
        raw = new Raw(fake);
    }

    @AfterEach
    void stop() {
        raw.close();
        client.close();
        fake.close();
    }

    @Test
    void listensOnLoopbackAndWiresAClient() {
        assertThat(fake.baseUrl()).isEqualTo("http://127.0.0.1:" + fake.port());
        assertThat(client.getBaseUrl()).isEqualTo(fake.baseUrl());
        assertThat(fake.url("/v1/sessions").toString()).isEqualTo(fake.baseUrl() + "/v1/sessions");
        assertThat(fake.apiKey()).startsWith("csk_test_fake");
    }

    @Test
    void createAnswers201WithTheFullRow() {
        Raw.Reply r = raw.post("/v1/sessions",
                "{\"servers\":[\"zoop\",\"nuvem-fiscal\",\"melhor-envio\",\"z-api\",\"omie\"],\"user_id\":\"user_123\"}");

        assertThat(r.code()).isEqualTo(201);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.header("X-Request-Id")).matches("req_[0-9a-f]{16}");
        JsonNode row = r.json();
        assertThat(row.get("id").asText()).matches("ses_[A-Za-z0-9]{16}");
        assertThat(row.fieldNames()).toIterable().containsExactly("id", "org_id", "project_id", "user_id",
                "servers", "status", "created_at", "closed_at");
        assertThat(row.get("org_id").asText()).isEqualTo("org_fake");
        assertThat(row.get("project_id").asText()).isEqualTo("prj_fake000000000000");
        assertThat(row.get("user_id").asText()).isEqualTo("user_123");
        assertThat(row.get("servers").toString())
                .isEqualTo("[\"zoop\",\"nuvem-fiscal\",\"melhor-envio\",\"z-api\",\"omie\"]");
        assertThat(row.get("status").asText()).isEqualTo("active");
        assertThat(row.get("created_at").asText()).isEqualTo("2026-05-02T10:00:00Z");
        assertThat(row.get("closed_at").isNull()).isTrue();
    }

    @Test
    void sdkCreateExecuteClose() {
        Session session = client.create("user_1", SessionConfig.builder().preset(Preset.BRAZILIAN).build());

        assertThat(session.getId()).startsWith("ses_");
        assertThat(session.getUserId()).isEqualTo("user_1");
        assertThat(session.getServers()).containsExactly("zoop", "nuvem-fiscal", "melhor-envio", "z-api", "omie");
        assertThat(session.getStatus()).isEqualTo(SessionStatus.ACTIVE);
        assertThat(session.getCreatedAt()).isEqualTo(Instant.parse("2026-05-02T10:00:00Z"));

        ToolResult paid = session.execute("codespar_pay", PAY);
        assertThat(paid.success()).isTrue();
        assertThat(paid.error()).isNull();
        assertThat(paid.server()).isEqualTo("zoop");
        assertThat(paid.tool()).isEqualTo("codespar_pay");
        assertThat(paid.toolCallId()).matches("tc_[A-Za-z0-9]{16}");
        assertThat(paid.calledAt()).isEqualTo(Instant.parse("2026-05-02T10:00:00Z"));
        assertThat(paid.data().get("id").asText()).startsWith("pay_");
        assertThat(paid.data().get("status").asText()).isEqualTo("pending");
        assertThat(paid.data().get("amount").asInt()).isEqualTo(1000);
        assertThat(paid.data().get("recipient").asText()).isEqualTo("ana@example.com");
        assertThat(paid.requestId()).isEqualTo(fake.journal().executions("codespar_pay").get(0).requestId());

        session.close();

        RecordedCall close = fake.journal().last();
        assertThat(close.method()).isEqualTo("DELETE");
        assertThat(close.path()).isEqualTo("/v1/sessions/" + session.getId());
        assertThat(close.status()).isEqualTo(204);
        assertThat(fake.session(session.getId()).orElseThrow().status()).isEqualTo("closed");
    }

    @Test
    void toolResultWireHasEveryFieldOfG3() {
        String id = raw.session("asaas");
        Raw.Reply r = raw.post("/v1/sessions/" + id + "/execute", G3_PAY);

        assertThat(r.code()).isEqualTo(200);
        assertThat(r.json().fieldNames()).toIterable().containsExactly("success", "data", "error", "duration",
                "server", "tool", "tool_call_id", "called_at");
        assertThat(r.json().get("error").isNull()).isTrue();
    }

    @Test
    void aClosedSessionIsNotFound() {
        Session session = client.create("user_1", SessionConfig.builder().servers("asaas").build());
        session.close();

        NotFoundError e = (NotFoundError) catchApi(() -> session.execute("codespar_pay", PAY));
        assertThat(e.getCode()).isEqualTo("not_found");
        assertThat(e.getStatus()).isEqualTo(404);
        assertThat(e.getRequestId()).isEqualTo(fake.journal().last().requestId());
        assertThat(e.getAttempts()).isEqualTo(1);

        Raw.Reply again = raw.call(raw.request("/v1/sessions/" + session.getId()).delete().build());
        assertThat(again.code()).isEqualTo(404);
        assertThat(again.json().get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void anUnknownSessionIsNotFound() {
        Raw.Reply r = raw.post("/v1/sessions/ses_nope/execute", "{\"tool\":\"codespar_pay\",\"input\":{}}");

        assertThat(r.code()).isEqualTo(404);
        assertThat(r.json().get("error").asText()).isEqualTo("not_found");
        assertThat(r.json().get("status").asInt()).isEqualTo(404);
        assertThat(r.json().get("request_id").asText()).isEqualTo(r.header("X-Request-Id"));
    }

    @Test
    void expireSessionMakesItNotFound() {
        Session session = client.create("user_1", SessionConfig.builder().servers("asaas").build());
        fake.expireSession(session.getId());

        assertThatThrownBy(() -> session.execute("codespar_pay", PAY)).isInstanceOf(NotFoundError.class)
                .hasMessageContaining("expired");
        assertThat(fake.session(session.getId()).orElseThrow().status()).isEqualTo("expired");
    }

    @Test
    void sessionsExpireAfterThirtyIdleMinutesAndToolCallsKeepThemAlive() {
        Session session = client.create("user_1", SessionConfig.builder().servers("asaas").build());

        fake.advanceTime(Duration.ofMinutes(20));
        assertThat(session.execute("codespar_pay", PAY).success()).isTrue();
        fake.advanceTime(Duration.ofMinutes(20));
        assertThat(session.execute("codespar_pay", PAY).success()).isTrue();
        fake.advanceTime(Duration.ofMinutes(31));

        assertThatThrownBy(() -> session.execute("codespar_pay", PAY)).isInstanceOf(NotFoundError.class);
        assertThat(fake.now()).isEqualTo(Instant.parse("2026-05-02T11:11:00Z"));
    }

    @Test
    void missingAmountIsAnInvalidRequest() {
        Session session = client.create("user_1", SessionConfig.builder().servers("asaas").build());

        InvalidRequestError e = (InvalidRequestError) catchApi(
                () -> session.execute("codespar_pay", Map.of("action", "pay", "currency", "BRL")));

        assertThat(e.getStatus()).isEqualTo(400);
        assertThat(e.getServerMessage()).isEqualTo("Missing required field: amount");
        assertThat(e.getRequestId()).startsWith("req_");
        assertThat(e.getAttempts()).isEqualTo(1);
    }

    @Test
    void unknownServersAreRefusedWithTheirIds() {
        BadRequestError e = (BadRequestError) catchApi(
                () -> client.create("user_1", SessionConfig.builder().servers("asaas", "nope").build()));

        assertThat(e.getCode()).isEqualTo("unknown_servers");
        assertThat(e.getBody().get("unknown").toString()).isEqualTo("[\"nope\"]");
    }

    @Test
    void createValidatesItsBody() {
        assertThat(raw.post("/v1/sessions", "{\"servers\":[],\"user_id\":\"u\"}").json().get("message").asText())
                .isEqualTo("servers must list at least 1 server");
        assertThat(raw.post("/v1/sessions", "{\"servers\":[\"asaas\"]}").json().get("message").asText())
                .isEqualTo("Missing required field: user_id");
        assertThat(raw.post("/v1/sessions", "not json").code()).isEqualTo(400);
    }

    @Test
    void serversAddedToTheCatalogAreAccepted() {
        try (FakeCodeSpar custom = FakeCodeSpar.builder().server("my-psp", "payments", "api_key").start();
                CodeSparClient c = custom.client()) {
            Session session = c.create("user_1", SessionConfig.builder().servers("my-psp").build());
            assertThat(session.execute("codespar_pay", PAY).server()).isEqualTo("my-psp");
        }
    }

    @Test
    void noServerOfTheRightKindIsAToolFailure() {
        Session session = client.create("user_1", SessionConfig.builder().servers("nuvem-fiscal").build());

        ToolResult r = session.execute("codespar_pay", PAY);

        assertThat(r.success()).isFalse();
        assertThat(r.error()).isEqualTo("no_eligible_providers");
        assertThat(r.data().isNull()).isTrue();
    }

    @Test
    void rawToolsRunOnTheirServerOrAreNotRegistered() {
        Session session = client.create("user_1", SessionConfig.builder().servers("asaas").build());

        ToolResult ok = session.execute("asaas/create_payment", Map.of("value", 10));
        ToolResult unknown = session.execute("do_magic", Map.of());

        assertThat(ok.success()).isTrue();
        assertThat(ok.server()).isEqualTo("asaas");
        assertThat(ok.data().get("input").get("value").asInt()).isEqualTo(10);
        assertThat(unknown.error()).isEqualTo("Tool not registered: do_magic");
        // a server/tool whose server is not in the session: the SDK raises NotConnectedError naming the server
        NotConnectedError missing = org.assertj.core.api.Assertions.catchThrowableOfType(NotConnectedError.class,
                () -> session.execute("zoop/create_payment", Map.of()));
        assertThat(missing.getPendingServers()).containsExactly("zoop");
        assertThat(missing.getMessage()).contains("Tool not registered: zoop/create_payment");
    }

    @Test
    void metaToolsHaveProviderLikeDefaults() {
        Session session = client.create("user_1",
                SessionConfig.builder().servers("asaas", "nuvem-fiscal", "melhor-envio", "z-api").build());

        assertThat(session.execute("codespar_charge", Inputs.CHARGE).data().get("charge_url").asText())
                .startsWith(fake.baseUrl() + "/checkout/chg_");
        assertThat(session.execute("codespar_invoice", Inputs.INVOICE).server()).isEqualTo("nuvem-fiscal");
        assertThat(session.execute("codespar_ship", Inputs.SHIP_QUOTE).data().get("cost_minor").asInt())
                .isEqualTo(2240);
        assertThat(session.execute("codespar_notify", Inputs.NOTIFY)
                .data().get("status").asText()).isEqualTo("sent");
        assertThat(session.execute("codespar_kyc", Inputs.KYC).data().get("hosted_url")
                .asText()).startsWith(fake.baseUrl() + "/kyc/ver_");
        assertThat(session.execute("codespar_list_tools", Map.of()).data().get("tools").size()).isPositive();
    }

    @Test
    void paymentStatusActionReadsTheSettledStatus() {
        Session session = client.create("user_1", SessionConfig.builder().servers("asaas").build());
        ToolResult paid = session.execute("codespar_pay", PAY);
        fake.settlePayment(paid.toolCallId(), "succeeded");

        ToolResult status = session.execute("codespar_pay",
                Map.of("action", "status", "payment_id", paid.data().get("id").asText()));

        assertThat(status.data().get("status").asText()).isEqualTo("succeeded");
        assertThat(status.data().get("settled").asBoolean()).isTrue();
    }

    @Test
    void theProjectHeaderScopesTheSession() {
        try (CodeSparClient scoped = fake.clientBuilder().projectId("prj_0123456789abcdef").build()) {
            Session session = scoped.create("user_1", SessionConfig.builder().servers("asaas").build());
            assertThat(fake.session(session.getId()).orElseThrow().projectId()).isEqualTo("prj_0123456789abcdef");
            assertThat(fake.journal().last().header("x-codespar-project")).isEqualTo("prj_0123456789abcdef");
        }
    }

    @Test
    void requestsWithoutAKeyAreUnauthorized() {
        Raw.Reply r = raw.call(new okhttp3.Request.Builder().url(fake.url("/v1/sessions"))
                .post(okhttp3.RequestBody.create("{}", okhttp3.MediaType.get("application/json"))).build());

        assertThat(r.code()).isEqualTo(401);
        assertThat(r.json().get("error").asText()).isEqualTo("unauthorized");
        assertThat(r.json().get("request_id").asText()).isEqualTo(r.header("X-Request-Id"));
    }

    @Test
    void unknownEndpointsAreNotFound() {
        Raw.Reply r = raw.get("/v1/nothing/here");

        assertThat(r.code()).isEqualTo(404);
        assertThat(r.json().get("message").asText()).isEqualTo("No such endpoint: GET /v1/nothing/here");
    }

    @Test
    void everyAnswerHasItsOwnRequestId() {
        Session session = client.create("user_1", SessionConfig.builder().servers("asaas").build());
        session.execute("codespar_pay", PAY);
        session.execute("codespar_pay", PAY);

        assertThat(fake.journal().all()).extracting(RecordedCall::requestId).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("req_[0-9a-f]{16}"));
    }

    @Test
    void resetForgetsEverything() {
        Session session = client.create("user_1", SessionConfig.builder().servers("asaas").build());
        fake.onTool("codespar_pay").toolError("nope");
        fake.failNext("internal_error");
        fake.advanceTime(Duration.ofMinutes(5));

        fake.reset();

        assertThat(fake.sessions()).isEmpty();
        assertThat(fake.journal().size()).isZero();
        assertThat(fake.now()).isEqualTo(Instant.parse("2026-05-02T10:00:00Z"));
        assertThatThrownBy(() -> session.execute("codespar_pay", PAY)).isInstanceOf(NotFoundError.class);
        Session fresh = client.create("user_1", SessionConfig.builder().servers("asaas").build());
        assertThat(fresh.execute("codespar_pay", PAY).success()).isTrue();
    }

    static dev.codespar.errors.ApiError catchApi(Runnable call) {
        try {
            call.run();
        } catch (dev.codespar.errors.ApiError e) {
            return e;
        }
        throw new AssertionError("expected an ApiError");
    }
}
