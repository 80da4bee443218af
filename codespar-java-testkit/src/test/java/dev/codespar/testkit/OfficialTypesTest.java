package dev.codespar.testkit;

import static dev.codespar.testkit.Shapes.Field.opt;
import static dev.codespar.testkit.Shapes.Field.req;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One test per call of the contract: the hosted fake's answer has every field, kind and enum value the official
 * TypeScript types ({@code @codespar/types}) and the API's zod schemas ({@code @codespar/api-types}) require, so an
 * official client reading it finds what it would find on the real API.
 */
class OfficialTypesTest {

    private static final Shapes.Field[] TOOL_CALL_RECORD = {req("id", "string"), req("tool_name", "string"),
        req("server_id", "string"), req("status", "string-enum", "success", "error"), req("duration_ms", "number"),
        req("error_code", "string?")};
    private static final Shapes.Field[] SEND_RESULT = {req("message", "string"), req("tool_calls", "array"),
        req("iterations", "number")};
    private static final Shapes.Field[] SESSION_ROW = {req("id", "string"), req("org_id", "string"),
        req("project_id", "string"), req("user_id", "string"), req("servers", "array"),
        req("status", "string-enum", "active", "closed", "error"), req("created_at", "string"),
        opt("closed_at", "string")};

    private FakeCodeSpar fake;
    private Raw raw;
    private String session;

    @BeforeEach
    void start() {
        fake = FakeCodeSpar.start();
        raw = new Raw(fake);
        session = raw.session("asaas", "persona");
    }

    @AfterEach
    void stop() {
        raw.close();
        fake.close();
    }

    private static void conforms(String shape, JsonNode node, Shapes.Field... fields) {
        assertThat(Shapes.check(shape, node, List.of(fields))).as(String.valueOf(node)).isEmpty();
    }

    private JsonNode pay() {
        return raw.post("/v1/sessions/" + session + "/execute", SessionsTest.G3_PAY).json();
    }

    @Test
    void createSessionAnswersASessionRow() {
        JsonNode row = raw.post("/v1/sessions", "{\"servers\":[\"asaas\"],\"user_id\":\"u\"}").json();
        conforms("SessionRow", row, SESSION_ROW);
        assertThat(row.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void executeAnswersAnExecuteToolResponseWithEveryField() {
        JsonNode r = pay();
        conforms("ExecuteToolResponse", r, req("success", "boolean"), req("error", "string?"),
                req("duration", "number"), req("server", "string"), req("tool", "string"),
                req("tool_call_id", "string"), req("called_at", "string"));
        assertThat(r.has("data")).isTrue();
    }

    @Test
    void proxyExecuteAnswersAProxyResult() {
        JsonNode r = raw.post("/v1/sessions/" + session + "/proxy_execute",
                "{\"server\":\"asaas\",\"endpoint\":\"/v3/payments\",\"method\":\"POST\",\"body\":{\"value\":10}}")
                .json();
        conforms("ProxyResult", r, req("status", "number"), req("headers", "object"), req("duration", "number"),
                opt("proxy_call_id", "string"));
        assertThat(r.has("data")).isTrue();
    }

    @Test
    void sendAnswersASendResultOfToolCallRecords() {
        fake.onSend().callTool("codespar_pay", Inputs.PAY).callTool("codespar_ship", Map.of());
        JsonNode r = raw.call(raw.request("/v1/sessions/" + session + "/send").header("Accept", "application/json")
                .post(okhttp3.RequestBody.create("{\"message\":\"hi\"}", okhttp3.MediaType.get("application/json")))
                .build()).json();
        conforms("SendResult", r, SEND_RESULT);
        for (JsonNode call : r.get("tool_calls")) {
            conforms("ToolCallRecord", call, TOOL_CALL_RECORD);
            assertThat(call.has("input") && call.has("output")).isTrue();
        }
    }

    @Test
    void theSendStreamYieldsTheSixEventShapes() throws IOException {
        fake.onSend().callTool("codespar_pay", Inputs.PAY).reply("Done.");
        List<SseFrames.Frame> frames;
        try (Response r = raw.open(raw.request("/v1/sessions/" + session + "/send")
                .header("Accept", "text/event-stream")
                .post(okhttp3.RequestBody.create("{\"message\":\"hi\"}", okhttp3.MediaType.get("application/json")))
                .build())) {
            frames = new SseFrames(r.body().source()).rest();
        }
        for (SseFrames.Frame f : frames) {
            if (f.isComment()) {
                continue;
            }
            JsonNode d = f.json();
            switch (f.event()) {
                case "user_message" -> conforms("user_message", d, req("content", "string"));
                case "assistant_text" -> conforms("assistant_text", d, req("content", "string"),
                        req("iteration", "number"));
                case "tool_use" -> conforms("tool_use", d, req("id", "string"), req("name", "string"),
                        req("input", "object"));
                case "tool_result" -> conforms("tool_result (ToolCallRecord)", d, TOOL_CALL_RECORD);
                case "done" -> conforms("done (SendResult)", d, SEND_RESULT);
                default -> throw new AssertionError("not one of the six: " + f.event());
            }
        }
        assertThat(frames).filteredOn(f -> !f.isComment()).extracting(SseFrames.Frame::event)
                .containsExactly("user_message", "tool_use", "tool_result", "assistant_text", "done");
    }

    @Test
    void connectionsListServerConnectionsAndTools() {
        JsonNode r = raw.get("/v1/sessions/" + session + "/connections").json();
        for (JsonNode s : r.get("servers")) {
            conforms("ServerConnection", s, req("id", "string"), req("name", "string"), req("category", "string"),
                    req("country", "string"), req("auth_type", "string-enum", "oauth", "api_key", "cert", "none"),
                    req("connected", "boolean"));
        }
        for (JsonNode t : r.get("tools")) {
            conforms("Tool", t, req("name", "string"), req("description", "string"), req("input_schema", "object"),
                    req("server", "string"));
        }
    }

    @Test
    void connectStartAnswersALinkThatBecomesAnAuthResult() {
        JsonNode r = raw.post("/v1/connect/start", "{\"server_id\":\"asaas\",\"user_id\":\"u\","
                + "\"redirect_uri\":\"http://localhost/cb\"}").json();
        conforms("connect/start", r, req("link_token", "string"), req("authorize_url", "string"),
                req("expires_at", "string"));
    }

    @Test
    void paymentStatusAnswersAPaymentStatusResult() {
        String id = pay().get("tool_call_id").asText();
        fake.settlePayment(id, "succeeded");
        JsonNode r = raw.get("/v1/tool-calls/" + id + "/payment-status").json();
        conforms("PaymentStatusResult", r, req("tool_call_id", "string"), req("payment_status", "string-enum",
                "pending", "succeeded", "failed", "refunded", "updated", "unknown"), req("idempotency_key", "string?"),
                req("original_status", "string"), req("events", "array"));
        conforms("PaymentStatusEvent", r.get("events").get(0), req("event_type", "string"),
                req("received_at", "string"), req("provider", "string?"), req("provider_action", "string?"),
                req("payment_id", "string?"));
    }

    @Test
    void verificationStatusAnswersAVerificationStatusResult() {
        String id = raw.post("/v1/sessions/" + session + "/execute", "{\"tool\":\"codespar_kyc\",\"input\":"
                + "{\"check_type\":\"identity\",\"buyer\":{\"email\":\"a@b.c\"}}}").json().get("tool_call_id").asText();
        fake.settleVerification(id, "approved");
        JsonNode r = raw.get("/v1/tool-calls/" + id + "/verification-status").json();
        conforms("VerificationStatusResult", r, req("tool_call_id", "string"), req("verification_status",
                "string-enum", "pending", "approved", "rejected", "expired", "review", "unknown"),
                req("idempotency_key", "string?"), req("original_status", "string"), req("hosted_url", "string?"),
                req("events", "array"));
        conforms("VerificationStatusEvent", r.get("events").get(0), req("event_type", "string"),
                req("received_at", "string"), req("provider", "string?"), req("verification_id", "string?"));
    }

    @Test
    void theStatusStreamsCarryTheSameEnvelope() throws IOException {
        String id = pay().get("tool_call_id").asText();
        fake.settlePayment(id, "succeeded");
        try (Response r = raw.open(raw.request("/v1/tool-calls/" + id + "/payment-status/stream").build())) {
            List<SseFrames.Frame> frames = new SseFrames(r.body().source()).rest();
            assertThat(frames).extracting(SseFrames.Frame::event).containsExactly("snapshot", "done");
            conforms("snapshot", frames.get(0).json(), req("tool_call_id", "string"),
                    req("payment_status", "string"), req("idempotency_key", "string?"),
                    req("original_status", "string"), req("events", "array"));
        }
    }

    @Test
    void errorsAnswerTheErrorResponseSchema() {
        JsonNode r = raw.post("/v1/sessions/ses_nope/execute", "{\"tool\":\"x\"}").json();
        conforms("ErrorResponse", r, req("error", "string"), opt("message", "string"));
    }

    @Test
    void managementAnswersTheApiTypesSchemas() {
        JsonNode project = raw.post("/v1/projects", "{\"name\":\"P\",\"slug\":\"p-1\"}").json();
        conforms("ProjectRow", project, req("id", "string"), req("org_id", "string"), req("name", "string"),
                req("slug", "string"), req("is_default", "boolean"), req("environment", "string-enum", "live", "test"),
                req("created_at", "string"));
        assertThat(raw.get("/v1/projects").json().get("projects").size()).isEqualTo(2);
        JsonNode key = raw.post("/v1/api-keys", "{\"name\":\"k\"}").json();
        conforms("CreatedApiKey", key, req("id", "string"), req("name", "string"), req("prefix", "string"),
                req("full_key", "string"), req("created_at", "string"), opt("warning", "string"));
        assertThat(key.get("revoked_at").isNull() && key.get("last_used_at").isNull()).isTrue();
        for (JsonNode row : raw.get("/v1/api-keys").json().get("keys")) {
            conforms("ApiKeyRow", row, req("id", "string"), req("name", "string"), req("prefix", "string"),
                    req("created_at", "string"), req("last_used_at", "string?"), req("revoked_at", "string?"));
        }
        JsonNode connection = raw.post("/v1/connections", "{\"server_id\":\"asaas\",\"secret\":\"s\"}").json();
        conforms("ConnectionRow", connection, req("id", "string"), req("user_id", "string"),
                req("server_id", "string"), req("auth_type", "string"), req("status", "string-enum", "pending",
                        "connected", "revoked", "expired"), req("display_name", "string?"), req("created_at", "string"),
                req("connected_at", "string?"), req("revoked_at", "string?"), req("expires_at", "string?"),
                opt("connection_metadata", "object"), opt("cert_metadata", "object"));
        JsonNode servers = raw.get("/v1/servers?limit=3").json();
        conforms("ListServersResponse", servers, req("total", "number"), req("filtered", "number"),
                req("servers", "array"));
        for (JsonNode s : servers.get("servers")) {
            conforms("ServerRow", s, req("id", "string"), req("name", "string"), req("pkg", "string"),
                    req("category", "string"), req("country", "string"), req("auth_type", "string"),
                    req("tools_count", "number"), req("description", "string?"), req("status", "string"));
        }
        JsonNode sessions = raw.get("/v1/sessions").json();
        assertThat(sessions.has("next_before")).isTrue();
        for (JsonNode s : sessions.get("sessions")) {
            conforms("SessionRow", s, SESSION_ROW);
        }
        conforms("SessionDetail", raw.get("/v1/sessions/" + session).json(), req("tool_calls_count", "number"));
        pay();
        for (JsonNode c : raw.get("/v1/sessions/" + session + "/logs").json().get("tool_calls")) {
            conforms("ToolCallRow", c, req("id", "string"), req("session_id", "string"), req("server_id", "string"),
                    req("tool_name", "string"), req("status", "string-enum", "running", "success", "error"),
                    req("duration_ms", "number?"), req("error_code", "string?"), req("called_at", "string"));
        }
    }
}
