package dev.codespar.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/sessions/{id}/send}, JSON and event stream (raw OkHttp: the SDK's send is not on main yet). */
class SendTest {

    private FakeCodeSpar fake;
    private Raw raw;
    private String session;

    @BeforeEach
    void start() {
        fake = FakeCodeSpar.start();
        raw = new Raw(fake, Duration.ofSeconds(5));
        session = raw.session("asaas");
    }

    @AfterEach
    void stop() {
        raw.close();
        fake.close();
    }

    private Request sendRequest(String message, boolean stream) {
        return raw.request("/v1/sessions/" + session + "/send")
                .header("Accept", stream ? "text/event-stream" : "application/json")
                .post(RequestBody.create("{\"message\":\"" + message + "\"}", MediaType.get("application/json")))
                .build();
    }

    private List<SseFrames.Frame> stream(String message) throws IOException {
        try (Response r = raw.open(sendRequest(message, true))) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("text/event-stream");
            assertThat(r.header("X-Request-Id")).startsWith("req_");
            return new SseFrames(r.body().source()).rest();
        }
    }

    @Test
    void jsonSendAnswersASendResult() {
        Raw.Reply r = raw.call(sendRequest("  hi  ", false));

        assertThat(r.code()).isEqualTo(200);
        assertThat(r.json().toString()).isEqualTo("{\"message\":\"Received: hi\",\"iterations\":1,\"tool_calls\":[]}");
    }

    @Test
    void aScriptedTurnCallsToolsThroughTheEngine() {
        fake.onSend().callTool("codespar_pay", Inputs.PAY)
                .reply("Charged R$10 via Pix.");

        JsonNode result = raw.call(sendRequest("charge me", false)).json();

        assertThat(result.get("message").asText()).isEqualTo("Charged R$10 via Pix.");
        assertThat(result.get("iterations").asInt()).isEqualTo(2);
        JsonNode call = result.get("tool_calls").get(0);
        assertThat(call.fieldNames()).toIterable().containsExactly("id", "tool_name", "server_id", "status",
                "duration_ms", "input", "output", "error_code");
        assertThat(call.get("id").asText()).startsWith("tc_");
        assertThat(call.get("tool_name").asText()).isEqualTo("codespar_pay");
        assertThat(call.get("server_id").asText()).isEqualTo("asaas");
        assertThat(call.get("status").asText()).isEqualTo("success");
        assertThat(call.get("output").get("id").asText()).startsWith("pay_");
        assertThat(call.get("error_code").isNull()).isTrue();
        assertThat(raw.get("/v1/tool-calls/" + call.get("id").asText() + "/payment-status").json()
                .get("payment_status").asText()).isEqualTo("pending");
    }

    @Test
    void theStreamSpeaksTheTypeScriptDialectWithHeartbeats() throws IOException {
        fake.onSend().callTool("codespar_pay", Inputs.PAY).reply("Done.");

        List<SseFrames.Frame> frames = stream("pay");

        assertThat(frames).extracting(f -> f.isComment() ? ":" + f.comment().split(" ")[0] : f.event())
                .containsExactly("user_message", ":heartbeat", "tool_use", "tool_result", "assistant_text", "done");
        assertThat(frames.get(0).json().toString()).isEqualTo("{\"content\":\"pay\"}");
        assertThat(frames.get(1).comment()).matches("heartbeat \\d{13}");
        assertThat(frames.get(2).json().get("name").asText()).isEqualTo("codespar_pay");
        assertThat(frames.get(2).json().get("id").asText())
                .isEqualTo(frames.get(3).json().get("id").asText());
        assertThat(frames.get(3).json().has("type")).isFalse();
        assertThat(frames.get(3).json().get("tool_name").asText()).isEqualTo("codespar_pay");
        assertThat(frames.get(4).json().toString()).isEqualTo("{\"content\":\"Done.\",\"iteration\":2}");
        JsonNode done = frames.get(5).json();
        assertThat(done.get("message").asText()).isEqualTo("Done.");
        assertThat(done.get("tool_calls").get(0).get("status").asText()).isEqualTo("success");
    }

    @Test
    void aFailingTurnIsAnErrorEventOrAnHttpError() throws IOException {
        fake.onSend().failWith("chat_loop_failed", "model call failed");

        List<SseFrames.Frame> frames = stream("hi");
        Raw.Reply json = raw.call(sendRequest("hi", false));

        SseFrames.Frame last = frames.get(frames.size() - 1);
        assertThat(last.event()).isEqualTo("error");
        assertThat(last.json().toString()).isEqualTo("{\"error\":\"chat_loop_failed\",\"message\":\"model call failed\"}");
        assertThat(frames).extracting(SseFrames.Frame::event).doesNotContain("done");
        assertThat(json.code()).isEqualTo(500);
        assertThat(json.json().get("error").asText()).isEqualTo("chat_loop_failed");
    }

    @Test
    void toolFailuresBecomeErrorRecords() {
        fake.requireConnection("melhor-envio");
        session = raw.session("asaas", "melhor-envio");
        fake.failNext("provider_error").onTool("codespar_pay");
        fake.onSend().callTool("codespar_pay", Inputs.pay(1))
                .callTool("codespar_ship", Map.of()).callTool("codespar_pay", Map.of());

        JsonNode calls = raw.call(sendRequest("go", false)).json().get("tool_calls");

        assertThat(calls.get(0).get("status").asText()).isEqualTo("error");
        assertThat(calls.get(0).get("error_code").asText()).isEqualTo("provider_error");
        assertThat(calls.get(1).get("error_code").asText()).isEqualTo("needs_connection");
        assertThat(calls.get(1).get("output").get("code").asText()).isEqualTo("needs_connection");
        assertThat(calls.get(1).get("output").get("connect_url").asText()).startsWith(fake.baseUrl() + "/connect/lnk_");
        assertThat(calls.get(1).get("server_id").asText()).isEqualTo("melhor-envio");
        assertThat(calls.get(2).get("error_code").asText()).isEqualTo("invalid_request");
        assertThat(fake.journal().size()).as("tool calls inside a send are not HTTP requests").isEqualTo(3);
    }

    @Test
    void mockedSessionsAnswerTheAgentsToolCallsFromMocks() {
        String body = "{\"servers\":[\"asaas\"],\"user_id\":\"u\",\"mocks\":{\"codespar_pay\":{\"id\":\"pay_m\"}}}";
        session = raw.post("/v1/sessions", body).json().get("id").asText();
        fake.onSend().callTool("codespar_pay", Map.of()).callTool("codespar_ship", Map.of());

        JsonNode calls = raw.call(sendRequest("go", false)).json().get("tool_calls");

        assertThat(calls.get(0).get("output").get("id").asText()).isEqualTo("pay_m");
        assertThat(calls.get(0).get("server_id").asText()).isEqualTo("mock");
        assertThat(calls.get(1).get("error_code").asText()).isEqualTo("tool_not_mocked");
    }

    @Test
    void aMissingMessageIsInvalid() {
        Raw.Reply r = raw.post("/v1/sessions/" + session + "/send", "{\"message\":\"   \"}");

        assertThat(r.code()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).isEqualTo("Missing required field: message");
    }

    @Test
    void aTruncatedStreamEndsCleanlyWithoutDone() throws IOException {
        fake.injectNext(Fault.TRUNCATE_STREAM).onPath("/v1/sessions/*/send");

        List<SseFrames.Frame> frames = stream("hi");

        assertThat(frames).extracting(SseFrames.Frame::event).contains("user_message", "assistant_text")
                .doesNotContain("done");
    }

    @Test
    void aStreamDroppedMidBodyFailsTheRead() throws IOException {
        fake.injectNext(Fault.DISCONNECT_MID_BODY).onPath("/v1/sessions/*/send");

        try (Response r = raw.open(sendRequest("hi", true))) {
            SseFrames frames = new SseFrames(r.body().source());
            assertThat(frames.next().event()).isEqualTo("user_message");
            assertThatThrownBy(frames::rest).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aStalledStreamGoesSilentAfterItsFirstEvent() throws IOException {
        fake.injectNext(Fault.STALL).onPath("/v1/sessions/*/send");

        try (Raw impatient = new Raw(fake, Duration.ofMillis(300));
                Response r = impatient.open(sendRequest("hi", true))) {
            SseFrames frames = new SseFrames(r.body().source());
            assertThat(frames.next().event()).isEqualTo("user_message");
            assertThatThrownBy(frames::next).isInstanceOf(java.net.SocketTimeoutException.class);
        }
    }

    @Test
    void aSlowlyDrippedStreamIsComplete() throws IOException {
        fake.injectNext(Fault.SLOW_DRIP).onPath("/v1/sessions/*/send").drip(16, Duration.ofMillis(1));

        assertThat(stream("hi")).extracting(SseFrames.Frame::event).endsWith("done");
    }

    @Test
    void anErrorBeforeTheStreamIsAnOrdinaryJsonAnswer() {
        fake.failNext("rate_limited").onPath("/v1/sessions/*/send");

        Raw.Reply r = raw.call(sendRequest("hi", true));

        assertThat(r.code()).isEqualTo(429);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.json().get("error").asText()).isEqualTo("rate_limited");
    }
}
