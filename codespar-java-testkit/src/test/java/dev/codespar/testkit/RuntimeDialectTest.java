package dev.codespar.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The open-source runtime's wire, byte for byte where the runtime's captures fix it. */
class RuntimeDialectTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    private static final MediaType JSON = MediaType.get("application/json");

    private FakeCodeSpar fake;
    private Raw raw;

    @BeforeEach
    void start() {
        fake = FakeCodeSpar.builder().dialect(Dialect.RUNTIME).start();
        raw = new Raw(fake);
    }

    @AfterEach
    void stop() {
        raw.close();
        fake.close();
    }

    private FakeCodeSpar testMode() {
        raw.close();
        fake.close();
        fake = FakeCodeSpar.builder().dialect(Dialect.RUNTIME).runtimeTestMode(true).start();
        raw = new Raw(fake);
        return fake;
    }

    private String create(String body) {
        Raw.Reply r = raw.post("/v1/sessions", body);
        assertThat(r.code()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private Raw.Reply execute(String session, String tool, String input) {
        return raw.post("/v1/sessions/" + session + "/execute", "{\"tool\":\"" + tool + "\",\"input\":" + input + "}");
    }

    @Test
    void createAnswersIdAndStatusOnlyWithoutRequestIds() {
        Raw.Reply r = raw.post("/v1/sessions", "{\"servers\":[\"asaas\"],\"user_id\":\"user_123\"}");

        assertThat(r.code()).isEqualTo(201);
        assertThat(r.json().fieldNames()).toIterable().containsExactly("id", "status");
        assertThat(r.json().get("id").asText()).matches(UUID);
        assertThat(r.json().get("status").asText()).isEqualTo("active");
        assertThat(r.header("X-Request-Id")).isNull();
        assertThat(r.header("x-api-version")).isEqualTo("v1");
        assertThat(r.header("vary")).isEqualTo("Origin");
        assertThat(r.header("Keep-Alive")).isEqualTo("timeout=72");
        assertThat(r.header("content-type")).isEqualTo("application/json; charset=utf-8");
        assertThat(fake.journal().last().requestId()).isNull();
        assertThat(fake.session(r.json().get("id").asText()).orElseThrow().servers()).containsExactly("asaas");
    }

    @Test
    void createTakesAnyBodyAndDefaultsTheUser() {
        String id = create("{}");
        Raw.Reply noBody = raw.call(raw.request("/v1/sessions").post(RequestBody.create(new byte[0], null)).build());

        assertThat(fake.session(id).orElseThrow().userId()).isEqualTo("anonymous");
        assertThat(fake.session(id).orElseThrow().servers()).isEmpty();
        assertThat(noBody.code()).isEqualTo(201);
        assertThat(raw.post("/sessions", "{\"servers\":[\"asaas\",\"asaas\",\"zoop\"]}").code())
                .as("the runtime serves every route without /v1 too").isEqualTo(201);
        assertThat(fake.sessions().get(2).servers()).containsExactly("asaas", "zoop");
    }

    @Test
    void mocksAreRefusedWith501WithoutTestMode() {
        Raw.Reply r = raw.post("/v1/sessions", "{\"servers\":[\"asaas\"],\"mocks\":{}}");

        assertThat(r.code()).isEqualTo(501);
        assertThat(r.body()).isEqualTo("{\"code\":\"mocks_not_permitted\",\"message\":\"Mocks are not permitted in this"
                + " deployment. Set CODESPAR_TEST_MODE_ENABLED=true to enable.\"}");
    }

    @Test
    void goldenExampleG1ReplaysAsOnTheRuntime() {
        testMode();
        String id = create("{\"servers\":[\"asaas\"],\"user_id\":\"user_demo\",\"mocks\":{"
                + "\"asaas/create_payment\":{\"id\":\"pay_test_42\",\"status\":\"PENDING\"},"
                + "\"asaas/get_payment\":[{\"id\":\"pay_test_42\",\"status\":\"PENDING\"},"
                + "{\"id\":\"pay_test_42\",\"status\":\"CONFIRMED\"}]}}");

        Raw.Reply created = execute(id, "asaas/create_payment", "{\"value\":10}");
        assertThat(created.code()).isEqualTo(200);
        JsonNode result = created.json();
        assertThat(result.fieldNames()).toIterable().containsExactly("success", "data", "error", "duration", "server",
                "tool", "tool_call_id", "called_at");
        assertThat(result.get("data").toString()).isEqualTo("{\"id\":\"pay_test_42\",\"status\":\"PENDING\"}");
        assertThat(result.get("duration").asInt()).isZero();
        assertThat(result.get("server").asText()).isEqualTo("mock");
        assertThat(result.get("tool").asText()).isEqualTo("asaas/create_payment");
        assertThat(result.get("tool_call_id").asText()).matches(id + "-[0-9a-f]{8}");
        assertThat(result.get("called_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(execute(id, "asaas/get_payment", "{}").json().at("/data/status").asText()).isEqualTo("PENDING");
        assertThat(execute(id, "asaas/get_payment", "{}").json().at("/data/status").asText()).isEqualTo("CONFIRMED");
        Raw.Reply drained = execute(id, "asaas/get_payment", "{}");
        assertThat(drained.code()).isEqualTo(422);
        assertThat(drained.body()).isEqualTo("{\"code\":\"mocks_exhausted\",\"message\":\"mock store exhausted for tool"
                + " asaas/get_payment after 2 calls\"}");
    }

    @Test
    void testModeGatesEveryRawToolOfEverySession() {
        testMode();
        String plain = create("{\"servers\":[\"asaas\"]}");
        String empty = create("{\"servers\":[\"asaas\"],\"mocks\":{\"asaas/get_payment\":[]}}");

        Raw.Reply notMocked = execute(plain, "asaas/refund_payment", "{}");
        Raw.Reply engine = execute(empty, "asaas/get_payment", "{}");

        assertThat(notMocked.code()).isEqualTo(422);
        assertThat(notMocked.body()).isEqualTo("{\"code\":\"tool_not_mocked\",\"tool_name\":\"asaas/refund_payment\","
                + "\"message\":\"tool asaas/refund_payment has no matching mock in this session; declare a mock"
                + " entry or omit the mocks field\"}");
        assertThat(engine.code()).isEqualTo(503);
        assertThat(engine.json().get("code").asText()).isEqualTo("mocks_engine_error");
        assertThat(execute(plain, "codespar_list_tools", "{}").json().get("server").asText())
                .as("the built-in bypasses the gate").isEqualTo("oss-runtime");
    }

    @Test
    void rawToolsRunOnDeclaredServersOnlyAndReportTheSubTool() {
        String id = create("{\"servers\":[\"asaas\"]}");

        JsonNode bridged = execute(id, "asaas/create_payment", "{\"value\":10}").json();
        JsonNode undeclared = execute(id, "zoop/charge", "{}").json();

        assertThat(bridged.get("success").asBoolean()).isTrue();
        assertThat(bridged.get("server").asText()).isEqualTo("asaas");
        assertThat(bridged.get("tool").asText()).isEqualTo("create_payment");
        assertThat(undeclared.toString()).startsWith("{\"success\":false,\"data\":{},\"error\":\"Tool not registered: "
                + "zoop/charge\",\"duration\":0,\"server\":\"oss-runtime\",\"tool\":\"zoop/charge\"");
        assertThat(execute(id, "asaas/", "{}").json().get("error").asText()).isEqualTo("Tool not registered: asaas/");
    }

    @Test
    void metaToolsAreRegisteredHooksUnlessTheBuilderSaysOtherwise() {
        String id = create("{\"servers\":[\"asaas\"]}");
        JsonNode paid = execute(id, "codespar_pay", "{\"action\":\"pay\",\"amount\":1000,\"currency\":\"BRL\","
                + "\"description\":\"d\",\"recipient\":\"ana@example.com\"}").json();
        JsonNode refused = execute(id, "codespar_pay", "{\"action\":\"pay\"}").json();

        assertThat(paid.get("success").asBoolean()).isTrue();
        assertThat(paid.get("server").asText()).isEqualTo("asaas");
        assertThat(refused.get("success").asBoolean()).as("a throwing hook is a failed result, never a 400").isFalse();
        assertThat(refused.get("error").asText()).isEqualTo("Invalid parameter: Missing required field: amount");
        assertThat(refused.get("data").toString()).isEqualTo("{}");

        try (FakeCodeSpar bare = FakeCodeSpar.builder().dialect(Dialect.RUNTIME).runtimeMetaTools(false).start();
                Raw r = new Raw(bare)) {
            String s = r.post("/v1/sessions", "{}").json().get("id").asText();
            JsonNode none = r.post("/v1/sessions/" + s + "/execute", "{\"tool\":\"codespar_pay\",\"input\":{}}").json();
            assertThat(none.get("error").asText()).isEqualTo("Tool not registered: codespar_pay");
            assertThat(none.get("server").asText()).isEqualTo("oss-runtime");
        }
    }

    @Test
    void executeRefusalsAreSentences() {
        String id = create("{}");

        Raw.Reply noTool = raw.post("/v1/sessions/" + id + "/execute", "{\"input\":{}}");
        Raw.Reply unknown = execute("nope", "asaas/x", "{}");

        assertThat(noTool.code()).isEqualTo(400);
        assertThat(noTool.body()).isEqualTo("{\"error\":\"tool field is required\"}");
        assertThat(unknown.code()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"Session not found or closed\"}");
    }

    @Test
    void connectionRowsAreNumberedAndFollowTheSessionStatus() {
        String id = create("{\"servers\":[\"asaas\",\"nuvem-fiscal\"]}");

        String open = raw.get("/v1/sessions/" + id + "/connections").body();
        assertThat(raw.call(raw.request("/v1/sessions/" + id).delete().build()).code()).isEqualTo(204);
        String closed = raw.get("/v1/sessions/" + id + "/connections").body();

        assertThat(open).isEqualTo("{\"servers\":[{\"id\":\"" + id + "-conn-0-asaas\",\"connected\":true},{\"id\":\""
                + id + "-conn-1-nuvem-fiscal\",\"connected\":true}]}");
        assertThat(closed).contains("\"connected\":false");
        assertThat(raw.get("/v1/sessions/nope/connections").body()).isEqualTo("{\"error\":\"Session not found\"}");
    }

    @Test
    void closeIsIdempotentAndTheFrameworkRefusesAnEmptyJsonBody() {
        String id = create("{}");
        Request bare = raw.request("/v1/sessions/" + id).delete().build();
        Request typed = raw.request("/v1/sessions/" + id).header("Content-Type", "application/json").delete().build();

        Raw.Reply refused = raw.call(typed);
        assertThat(refused.code()).isEqualTo(400);
        assertThat(refused.body()).isEqualTo("{\"statusCode\":400,\"code\":\"FST_ERR_CTP_EMPTY_JSON_BODY\","
                + "\"error\":\"Bad Request\",\"message\":\"Body cannot be empty when content-type is set to"
                + " 'application/json'\"}");
        assertThat(refused.header("Connection")).isEqualTo("close");
        assertThat(fake.session(id).orElseThrow().status()).isEqualTo("active");
        assertThat(raw.call(bare).code()).isEqualTo(204);
        assertThat(raw.call(bare).code()).isEqualTo(204);
        assertThat(raw.call(raw.request("/v1/sessions/nope").delete(RequestBody.create("{}", JSON)).build()).body())
                .isEqualTo("{\"error\":\"Session not found\"}");
    }

    @Test
    void routesTheRuntimeLacksAreTheFrameworks404() {
        String id = create("{}");

        for (String path : List.of("/v1/projects", "/v1/sessions/", "/v1/sessions/" + id, "/V1/sessions")) {
            Raw.Reply r = raw.get(path);
            assertThat(r.code()).isEqualTo(404);
            assertThat(r.body()).isEqualTo("{\"message\":\"Route GET:" + path + " not found\",\"error\":\"Not Found\","
                    + "\"statusCode\":404}");
        }
        assertThat(raw.post("/v1/sessions/" + id + "/proxy_execute", "{}").code()).isEqualTo(404);
        assertThat(raw.post("/v1/sessions/" + id + "/close", "{}").code()).isEqualTo(404);
        assertThat(raw.post("/v1/connect/start", "{}").code()).isEqualTo(404);
    }

    @Test
    void theFrameworkParsesJsonBodiesBeforeAnyHandler() {
        Raw.Reply broken = raw.post("/v1/sessions", "not json");
        Raw.Reply plainText = raw.call(raw.request("/v1/sessions/x/execute")
                .post(RequestBody.create("{\"tool\":\"a/b\"}", MediaType.get("text/plain"))).build());

        assertThat(broken.code()).isEqualTo(400);
        assertThat(broken.json().get("code").asText()).isEqualTo("FST_ERR_CTP_INVALID_JSON_BODY");
        assertThat(broken.json().get("message").asText())
                .isEqualTo("Body is not valid JSON but content-type is set to 'application/json'");
        assertThat(plainText.code()).as("unknown session first").isEqualTo(404);
        String id = create("{}");
        Raw.Reply text = raw.call(raw.request("/v1/sessions/" + id + "/execute")
                .post(RequestBody.create("{\"tool\":\"a/b\"}", MediaType.get("text/plain"))).build());
        assertThat(text.body()).as("a text body carries no JSON").isEqualTo("{\"error\":\"tool field is required\"}");
    }

    @Test
    void anUnknownKeyOrAnotherSpellingOfBearerIsRefused() {
        for (String auth : List.of("Bearer csk_test_wrong", "bearer " + fake.apiKey(), "Basic abc")) {
            Raw.Reply r = raw.call(new Request.Builder().url(fake.url("/v1/sessions")).header("Authorization", auth)
                    .post(RequestBody.create("{}", JSON)).build());
            assertThat(r.code()).isEqualTo(401);
            assertThat(r.body()).isEqualTo("{\"error\":\"Missing or invalid Bearer token\"}");
        }
        Raw.Reply preflight = raw.call(new Request.Builder().url(fake.url("/v1/sessions"))
                .method("OPTIONS", null).build());
        assertThat(preflight.code()).isEqualTo(204);
        assertThat(preflight.header("access-control-allow-methods")).isEqualTo("GET,HEAD,POST");
    }

    @Test
    void jsonSendHasTheRuntimesRecordsAndKeyOrder() {
        String id = create("{\"servers\":[\"asaas\"]}");
        fake.onSend().callTool("asaas/create_payment", Map.of("value", 10)).callTool("zoop/charge", Map.of())
                .reply("Done.");

        Raw.Reply r = raw.call(raw.request("/v1/sessions/" + id + "/send").header("Accept", "application/json")
                .post(RequestBody.create("{\"message\":\"  go  \"}", JSON)).build());

        JsonNode result = r.json();
        assertThat(result.fieldNames()).toIterable().containsExactly("message", "tool_calls", "iterations");
        JsonNode ok = result.get("tool_calls").get(0);
        assertThat(ok.fieldNames()).toIterable().containsExactly("tool_name", "server_id", "status", "duration_ms",
                "input", "output");
        assertThat(ok.get("tool_name").asText()).isEqualTo("asaas__create_payment");
        JsonNode failed = result.get("tool_calls").get(1);
        assertThat(failed.get("tool_name").asText()).isEqualTo("zoop__charge");
        assertThat(failed.get("server_id").asText()).isEqualTo("zoop");
        assertThat(failed.get("output").toString()).isEqualTo("{\"error\":\"Tool not registered: zoop/charge\"}");
        assertThat(failed.get("error_code").asText()).isEqualTo("Tool not registered: zoop/charge");
        assertThat(result.get("iterations").asInt()).isEqualTo(2);

        fake.onSend().failWith("model_down", "fake model refused");
        Raw.Reply down = raw.call(raw.request("/v1/sessions/" + id + "/send")
                .post(RequestBody.create("{\"message\":\"x\"}", JSON)).build());
        assertThat(down.code()).isEqualTo(500);
        assertThat(down.body()).isEqualTo("{\"error\":\"chat_loop_failed\",\"message\":\"fake model refused\"}");
    }

    @Test
    void theStreamSpeaksTheRuntimesFramesWithoutHeartbeats() throws IOException {
        testMode();
        String id = create("{\"servers\":[\"asaas\"],\"mocks\":{\"asaas/create_payment\":{\"id\":\"pay_1\"}}}");
        fake.onSend().callTool("asaas/create_payment", Map.of("value", 10)).callTool("asaas/get_payment", Map.of())
                .reply("Done: 2 results");

        List<SseFrames.Frame> frames;
        try (Response r = raw.open(raw.request("/v1/sessions/" + id + "/send").header("Accept", "text/event-stream")
                .post(RequestBody.create("{\"message\":\"pay\"}", JSON)).build())) {
            assertThat(r.header("Content-Type")).isEqualTo("text/event-stream");
            assertThat(r.header("x-api-version")).isNull();
            assertThat(r.header("X-Request-Id")).isNull();
            frames = new SseFrames(r.body().source()).rest();
        }

        assertThat(frames).extracting(SseFrames.Frame::event).containsExactly("user_message", "tool_use",
                "tool_result", "tool_use", "tool_result", "assistant_text", "done");
        JsonNode use = frames.get(1).json();
        assertThat(use.fieldNames()).toIterable().containsExactly("id", "name", "input", "iteration");
        assertThat(use.get("name").asText()).isEqualTo("asaas__create_payment");
        JsonNode ok = frames.get(2).json();
        assertThat(ok.toString()).isEqualTo("{\"tool_use_id\":\"" + use.get("id").asText()
                + "\",\"content\":{\"id\":\"pay_1\"},\"is_error\":false,\"iteration\":1}");
        assertThat(frames.get(4).json().get("content").toString()).isEqualTo("{\"error\":\"tool_not_mocked\"}");
        assertThat(frames.get(4).json().get("is_error").asBoolean()).isTrue();
        assertThat(frames.get(5).json().toString()).isEqualTo("{\"content\":\"Done: 2 results\",\"iteration\":2}");
        JsonNode done = frames.get(6).json();
        assertThat(done.fieldNames()).toIterable().containsExactly("result");
        assertThat(done.at("/result/tool_calls/1/error_code").asText()).isEqualTo("tool_not_mocked");
    }

    @Test
    void aFailingStreamEndsWithAnErrorMessageOnly() throws IOException {
        String id = create("{}");
        fake.onSend().failWith("chat_loop_failed", "400 fake model refused");

        try (Response r = raw.open(raw.request("/v1/sessions/" + id + "/send").header("Accept", "text/event-stream")
                .post(RequestBody.create("{\"message\":\"ERR\"}", JSON)).build())) {
            List<SseFrames.Frame> frames = new SseFrames(r.body().source()).rest();
            assertThat(frames).extracting(SseFrames.Frame::event).containsExactly("user_message", "error");
            assertThat(frames.get(1).json().toString()).isEqualTo("{\"message\":\"400 fake model refused\"}");
        }
    }

    @Test
    void anAgentCallToAnUnregisteredMetaToolIsAnUnknownToolName() {
        try (FakeCodeSpar bare = FakeCodeSpar.builder().dialect(Dialect.RUNTIME).runtimeMetaTools(false).start();
                Raw r = new Raw(bare)) {
            String s = r.post("/v1/sessions", "{}").json().get("id").asText();
            bare.onSend().callTool("codespar_pay", Map.of("amount", 1));

            JsonNode call = r.post("/v1/sessions/" + s + "/send", "{\"message\":\"pay\"}").json().at("/tool_calls/0");

            assertThat(call.toString()).isEqualTo("{\"tool_name\":\"codespar_pay\",\"server_id\":\"\","
                    + "\"status\":\"error\",\"duration_ms\":0,\"input\":{\"amount\":1},\"output\":null,"
                    + "\"error_code\":\"unknown_tool_name: codespar_pay\"}");
        }
    }
}
