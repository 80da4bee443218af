package dev.codespar.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codespar.CodeSparClient;
import dev.codespar.FakeTiming;
import dev.codespar.Session;
import dev.codespar.TestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** A scripted API with one open session and a client that does not retry by itself (the plan's retries show). */
final class PlanServer implements AutoCloseable {

    static final String EXECUTE = "/v1/sessions/ses_HZb4d5yxIAxLawb4/execute";

    final MockWebServer server = new MockWebServer();
    final CodeSparClient client;
    final Session session;

    PlanServer() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client = TestSupport.builder(server, new FakeTiming()).maxRetries(0).build();
        server.enqueue(TestSupport.sessionCreated());
        session = client.create("user_123");
        take();
    }

    static MockResponse ok(String tool, String dataJson) {
        return TestSupport.json(200, "{\"success\":true,\"data\":" + dataJson + ",\"error\":null,\"duration\":5,"
                + "\"server\":\"asaas\",\"tool\":\"" + tool + "\",\"tool_call_id\":\"tc_" + tool + "\"}");
    }

    static MockResponse refused(String tool, String error, String dataJson) {
        return TestSupport.json(200, "{\"success\":false,\"data\":" + dataJson + ",\"error\":\"" + error
                + "\",\"tool\":\"" + tool + "\"}");
    }

    static MockResponse error(int status, String code) {
        return TestSupport.json(status, "{\"error\":\"" + code + "\",\"message\":\"" + code + "\"}");
    }

    /** Tool arguments in the order given (a {@code Map.of} has none), so that bodies compare exactly. */
    static Map<String, Object> args(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

    PlanServer enqueue(MockResponse... responses) {
        for (MockResponse r : responses) {
            server.enqueue(r);
        }
        return this;
    }

    RecordedRequest take() {
        try {
            RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(r).as("a request reached the server").isNotNull();
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The bodies of the execute calls the server received so far (after the session's creation). */
    List<String> executeBodies() {
        List<String> out = new ArrayList<>();
        while (server.getRequestCount() - 1 > taken) {
            RecordedRequest r = take();
            taken++;
            assertThat(r.getPath()).isEqualTo(EXECUTE);
            out.add(r.getBody().readUtf8());
        }
        return out;
    }

    private int taken;

    int executions() {
        return server.getRequestCount() - 1;
    }

    @Override
    public void close() {
        client.close();
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
