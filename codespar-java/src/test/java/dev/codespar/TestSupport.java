package dev.codespar;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;

/** Shared set-up for the SDK's own tests. */
public final class TestSupport {

    /** The secret part of {@link #KEY}: what the leak checks search every log line, message and byte sent for. */
    public static final String SECRET_PART = "SECRET0123456789abcdef";

    /** A syntactically valid test key; every test asserts it never leaks. */
    public static final String KEY = "csk_test_" + SECRET_PART;

    private TestSupport() {}

    /** A builder pointed at the server with the test key, fake timing and no environment. */
    public static CodeSparClient.Builder builder(MockWebServer server, FakeTiming timing) {
        return CodeSparClient.builder()
                .apiKey(KEY)
                .baseUrl(server.url("/").toString())
                .environment(name -> null)
                .timing(timing);
    }

    /** Options for a stream's idle timeout only. */
    public static RequestOptions idle(java.time.Duration timeout) {
        return RequestOptions.builder().streamIdleTimeout(timeout).build();
    }

    public static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status)
                .setHeader("Content-Type", "application/json")
                .setBody(body);
    }

    public static MockResponse sessionCreated() {
        return json(201, "{\"id\":\"ses_HZb4d5yxIAxLawb4\",\"user_id\":\"user_123\",\"servers\":[\"asaas\"],"
                + "\"status\":\"active\",\"created_at\":\"2026-05-02T10:00:00Z\"}");
    }

    public static MockResponse toolOk() {
        return json(200, "{\"success\":true,\"data\":{\"id\":\"pay_1\"},\"error\":null,\"duration\":412,"
                + "\"server\":\"asaas\",\"tool\":\"codespar_pay\",\"tool_call_id\":\"tc_42\","
                + "\"called_at\":\"2026-05-02T10:00:01Z\"}");
    }
}
