package dev.codespar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** Shared setup of the MockWebServer tests. */
final class Fixtures {

    static final String KEY = "csk_test_abc123";

    /** Golden G2: a full create answer. */
    static final String CREATE_ANSWER = "{\"id\":\"ses_HZb4d5yxIAxLawb4\",\"org_id\":\"org_1\","
            + "\"project_id\":\"prj_0123456789abcdef\",\"user_id\":\"user_123\","
            + "\"servers\":[\"zoop\",\"nuvem-fiscal\",\"melhor-envio\",\"z-api\",\"omie\"],\"status\":\"active\","
            + "\"created_at\":\"2026-05-02T10:00:00Z\",\"closed_at\":null}";

    private Fixtures() {}

    /** A client for the server with a virtual clock; no retries unless the test asks for them. */
    static CodeSparClient.Builder builder(MockWebServer server, FakeTiming timing) {
        return CodeSparClient.builder()
                .apiKey(KEY)
                .baseUrl(server.url("/").toString())
                .environment(name -> null)
                .timing(timing)
                .maxRetries(0);
    }

    static CodeSparClient client(MockWebServer server) {
        return builder(server, new FakeTiming()).build();
    }

    static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    static MockResponse json(int status, String body) {
        return json(body).setResponseCode(status);
    }

    static MockResponse sse(String body) {
        return new MockResponse().setHeader("Content-Type", "text/event-stream").setBody(body);
    }

    /** Creates the G2 session and consumes its request. */
    static Session session(CodeSparClient client, MockWebServer server) throws InterruptedException {
        return session(client, server, SessionConfig.defaults());
    }

    static Session session(CodeSparClient client, MockWebServer server, SessionConfig config)
            throws InterruptedException {
        server.enqueue(json(201, CREATE_ANSWER));
        Session session = client.create("user_123", config);
        take(server);
        return session;
    }

    static RecordedRequest take(MockWebServer server) throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the server").isNotNull();
        return request;
    }
}
