package dev.codespar.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codespar.CodeSparClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs every example against a scripted server, so that the examples keep compiling and keep working. */
class ExamplesTest {

    private static final String SESSION = "{\"id\":\"ses_1\",\"user_id\":\"user_123\",\"servers\":[\"asaas\"],"
            + "\"status\":\"active\",\"created_at\":\"2026-05-02T10:00:00Z\"}";

    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    private static MockResponse sse(String body) {
        return new MockResponse().setHeader("Content-Type", "text/event-stream").setBody(body);
    }

    /** Runs an example against the scripted server, as a server that runs the tools, and expects status 0. */
    private String run(ExampleSupport.Body example) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodeSparClient client = CodeSparClient.builder().apiKey("csk_test_examples")
                .baseUrl(server.url("/").toString()).build();
        try (ExampleClient scripted = new ExampleClient(client, null, ExampleClient.Mode.RUNS_TOOLS,
                "a scripted server");
                PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            assertThat(example.run(scripted, out)).isZero();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private List<String> requests() throws InterruptedException {
        List<String> out = new ArrayList<>();
        for (RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS); r != null;
                r = server.takeRequest(100, TimeUnit.MILLISECONDS)) {
            out.add(r.getMethod() + " " + r.getPath());
        }
        return out;
    }

    @Test
    void payWithRateLimit() throws Exception {
        server.enqueue(json(201, SESSION));
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(429, "{\"error\":\"rate_limited\",\"message\":\"Too many requests\","
                    + "\"request_id\":\"req_429\"}").setHeader("Retry-After", "0"));
        }
        server.enqueue(json(200, "{\"success\":true,\"data\":{\"id\":\"pay_1\",\"status\":\"pending\"},"
                + "\"tool_call_id\":\"tc_42\"}"));
        server.enqueue(json(200, "{\"tool_call_id\":\"tc_42\",\"payment_status\":\"pending\"}"));
        server.enqueue(new MockResponse().setResponseCode(204));
        String out = run(PayWithRateLimitExample::run);
        assertThat(out).contains("rate limited after 3 attempts; trying again in 0 ms (request_id=req_429)")
                .contains("payment pay_1 accepted, tool call tc_42")
                .contains("settlement so far: PENDING");
        assertThat(requests()).containsExactly("POST /v1/sessions", "POST /v1/sessions/ses_1/execute",
                "POST /v1/sessions/ses_1/execute", "POST /v1/sessions/ses_1/execute",
                "POST /v1/sessions/ses_1/execute", "GET /v1/tool-calls/tc_42/payment-status",
                "DELETE /v1/sessions/ses_1");
    }

    @Test
    void connectAndRetry() throws Exception {
        server.enqueue(json(201, SESSION));
        server.enqueue(json(422, "{\"error\":\"needs_connection\",\"message\":\"Connect asaas first\","
                + "\"connect_url\":\"https://connect.codespar.dev/c/abc\"}"));
        server.enqueue(json(200, "{\"link_token\":\"lnk_abc\",\"authorize_url\":\"https://auth.example/x\","
                + "\"expires_at\":\"2026-05-02T10:30:00Z\"}"));
        server.enqueue(json(200, "{\"servers\":[{\"id\":\"asaas\",\"connected\":true}],\"tools\":[]}"));
        server.enqueue(json(200, "{\"success\":true,\"data\":{\"id\":\"pay_9\"}}"));
        server.enqueue(new MockResponse().setResponseCode(204));
        String out = run(ConnectAndRetryExample::run);
        assertThat(out).contains("Please connect your Asaas account: https://connect.codespar.dev/c/abc")
                .contains("(or https://auth.example/x, valid until 2026-05-02T10:30:00Z)")
                .contains("connected; calling the tool again")
                .contains("payment created: pay_9")
                .contains("MCP endpoint: " + server.url("/v1/sessions/ses_1/mcp"))
                .doesNotContain("csk_test_examples");
        assertThat(requests()).containsExactly("POST /v1/sessions", "POST /v1/sessions/ses_1/execute",
                "POST /v1/connect/start", "GET /v1/sessions/ses_1/connections", "POST /v1/sessions/ses_1/execute",
                "DELETE /v1/sessions/ses_1");
    }

    @Test
    void streamAgentReply() throws Exception {
        server.enqueue(json(201, SESSION));
        server.enqueue(sse("event: user_message\ndata: {\"content\":\"Charge R$10\"}\n\n"
                + "event: assistant_text\ndata: {\"content\":\"Charging \",\"iteration\":1}\n\n"
                + "event: tool_use\ndata: {\"id\":\"toolu_1\",\"name\":\"codespar_pay\",\"input\":{}}\n\n"
                + "event: tool_result\ndata: {\"id\":\"tc_1\",\"tool_name\":\"codespar_pay\",\"status\":\"success\"}\n\n"
                + "event: assistant_text\ndata: {\"content\":\"done.\",\"iteration\":2}\n\n"
                + "event: done\ndata: {\"message\":\"Charging done.\",\"iterations\":2,\"tool_calls\":[{\"id\":\"tc_1\","
                + "\"tool_name\":\"codespar_pay\",\"status\":\"success\"}]}\n\n"));
        server.enqueue(json(200, "{\"message\":\"I charged Ana R$10 via Pix.\",\"iterations\":1,\"tool_calls\":[]}"));
        server.enqueue(new MockResponse().setResponseCode(204));
        String out = run(StreamAgentReplyExample::run);
        assertThat(out).contains("Charging \n[calling codespar_pay]\n[codespar_pay: SUCCESS]\ndone.\n"
                + "(done: 1 tool calls, 2 turns)").contains("summary: I charged Ana R$10 via Pix.");
        assertThat(requests()).containsExactly("POST /v1/sessions", "POST /v1/sessions/ses_1/send",
                "POST /v1/sessions/ses_1/send", "DELETE /v1/sessions/ses_1");
    }

    @Test
    void pixPayment() throws Exception {
        server.enqueue(json(201, SESSION));
        server.enqueue(json(200, "{\"success\":true,\"tool_call_id\":\"tc_pix\",\"data\":{\"id\":\"ch_1\","
                + "\"status\":\"pending\",\"amount\":10.00,\"currency\":\"BRL\",\"method\":\"pix\","
                + "\"pix_copy_paste\":\"00020126580014br.gov.bcb.pix\"}}"));
        server.enqueue(sse("event: snapshot\ndata: {\"tool_call_id\":\"tc_pix\",\"payment_status\":\"pending\"}\n\n"
                + ": heartbeat 1767225600000\n\n"
                + "event: update\ndata: {\"tool_call_id\":\"tc_pix\",\"payment_status\":\"succeeded\"}\n\n"
                + "event: done\ndata: {}\n\n"));
        server.enqueue(new MockResponse().setResponseCode(204));
        String out = run(PixPaymentExample::run);
        assertThat(out).contains("Pix copia e cola for the buyer: 00020126580014br.gov.bcb.pix")
                .contains("SNAPSHOT: PENDING").contains("UPDATE: SUCCEEDED").contains("settled as SUCCEEDED");
        assertThat(requests()).containsExactly("POST /v1/sessions", "POST /v1/sessions/ses_1/execute",
                "GET /v1/tool-calls/tc_pix/payment-status/stream", "DELETE /v1/sessions/ses_1");
    }

    @Test
    void supportTicket() throws Exception {
        server.enqueue(json(201, SESSION));
        server.enqueue(json(500, "{\"error\":\"internal_error\",\"message\":\"boom\",\"request_id\":\"req_500\"}"));
        server.enqueue(json(404, "{\"error\":{\"code\":\"not_found\",\"message\":\"Tool call not found\"}}")
                .setHeader("X-Request-Id", "req_404"));
        server.enqueue(sse("event: snapshot\ndata: {\"verification_status\":\"review\"}\n\n")
                .setHeader("X-Request-Id", "req_sse"));
        server.enqueue(new MockResponse().setResponseCode(204));
        String out = run(SupportTicketExample::run);
        assertThat(out)
                .contains("ticket: raw Asaas call failed; request_id=req_500 code=internal_error status=500 attempts=1")
                .contains("ticket: KYC status failed; request_id=req_404 code=not_found status=404 attempts=1")
                .contains("  KYC: REVIEW")
                .contains("ticket: KYC status stream broke after 1 events; request_id=req_sse");
        assertThat(requests()).containsExactly("POST /v1/sessions", "POST /v1/sessions/ses_1/proxy_execute",
                "GET /v1/tool-calls/tc_kyc_1/verification-status",
                "GET /v1/tool-calls/tc_kyc_1/verification-status/stream", "DELETE /v1/sessions/ses_1");
    }
}
