package dev.codespar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void createExecuteClose() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setResponseCode(201).setBody("{\"id\":\"ses_1\",\"status\":\"active\"}"));
            server.enqueue(new MockResponse().setBody("{\"success\":true,\"data\":{\"id\":\"pay_1\"},\"error\":null,\"duration\":3,\"server\":\"asaas\",\"tool\":\"codespar_pay\",\"tool_call_id\":\"tc_1\",\"called_at\":\"2026-05-02T10:00:01Z\"}").addHeader("X-Request-Id", "req_9"));
            server.enqueue(new MockResponse().setResponseCode(204));
            try (CodeSparClient client = CodeSparClient.builder().apiKey("csk_test_abc").baseUrl(server.url("/").toString()).build()) {
                Session s = client.create("user_1", SessionConfig.builder().servers("asaas").build());
                ToolResult r = s.execute("codespar_pay", Map.of("amount", 1000));
                s.close();
                assertThat(r.success()).isTrue();
                assertThat(r.requestId()).isEqualTo("req_9");
                assertThat(r.data().path("id").asText()).isEqualTo("pay_1");
            }
            RecordedRequest create = server.takeRequest(1, TimeUnit.SECONDS);
            assertThat(create.getPath()).isEqualTo("/v1/sessions");
            assertThat(create.getBody().readUtf8()).isEqualTo("{\"servers\":[\"asaas\"],\"user_id\":\"user_1\"}");
            assertThat(create.getHeader("Authorization")).isEqualTo("Bearer csk_test_abc");
            assertThat(create.getHeader("User-Agent")).startsWith("codespar-java/");
            RecordedRequest exec = server.takeRequest(1, TimeUnit.SECONDS);
            assertThat(exec.getPath()).isEqualTo("/v1/sessions/ses_1/execute");
            assertThat(exec.getBody().readUtf8()).isEqualTo("{\"tool\":\"codespar_pay\",\"input\":{\"amount\":1000}}");
            RecordedRequest del = server.takeRequest(1, TimeUnit.SECONDS);
            assertThat(del.getMethod()).isEqualTo("DELETE");
        }
    }
}
