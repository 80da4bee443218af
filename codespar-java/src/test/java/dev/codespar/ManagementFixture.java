package dev.codespar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** A scripted API server and a client pointed at it, with a project set, for the management surface tests. */
public final class ManagementFixture implements AutoCloseable {

    public static final String KEY = "csk_test_fixtureKey000000000001";
    public static final String PROJECT = "prj_0123456789abcdef";

    public final MockWebServer server = new MockWebServer();
    public final CodeSparClient client;

    public ManagementFixture() {
        this(0);
    }

    public ManagementFixture(int maxRetries) {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client = builder(server).projectId(PROJECT).maxRetries(maxRetries).build();
    }

    public ManagementFixture enqueue(int status, String json) {
        MockResponse response = new MockResponse().setResponseCode(status);
        if (json != null) {
            response.setHeader("Content-Type", "application/json").setBody(json);
        }
        server.enqueue(response);
        return this;
    }

    public ManagementFixture enqueue(String json) {
        return enqueue(200, json);
    }

    /** The next request the server received; fails the test when none arrives within 5 seconds. */
    public RecordedRequest take() {
        try {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(request).as("a request reached the server").isNotNull();
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Takes the next request and checks what every management request carries. */
    public RecordedRequest take(String method, String path) {
        RecordedRequest request = take();
        assertThat(request.getMethod()).isEqualTo(method);
        assertThat(request.getPath()).isEqualTo(path);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.getHeader("x-codespar-project")).isEqualTo(PROJECT);
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        if (method.equals("POST") || method.equals("PATCH")) {
            assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        } else {
            assertThat(request.getBodySize()).isZero();
        }
        return request;
    }

    public int requestCount() {
        return server.getRequestCount();
    }

    /**
     * A builder pointed at a server with the fixture's key and no environment fallbacks, for a test that needs a
     * client configured otherwise (e.g. without a project).
     */
    public static CodeSparClient.Builder builder(MockWebServer server) {
        return CodeSparClient.builder()
                .apiKey(KEY)
                .baseUrl(server.url("/").toString())
                .environment(name -> null);
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
