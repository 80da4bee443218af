package dev.codespar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** A scripted API server and a client pointed at it, with a project set, for the management surface tests. */
final class ManagementFixture implements AutoCloseable {

    static final String KEY = "csk_test_fixtureKey000000000001";
    static final String PROJECT = "prj_0123456789abcdef";

    final MockWebServer server = new MockWebServer();
    final CodeSparClient client;

    ManagementFixture() {
        this(0);
    }

    ManagementFixture(int maxRetries) {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client = CodeSparClient.builder()
                .apiKey(KEY)
                .baseUrl(server.url("/").toString())
                .projectId(PROJECT)
                .maxRetries(maxRetries)
                .environment(name -> null)
                .build();
    }

    ManagementFixture enqueue(int status, String json) {
        MockResponse response = new MockResponse().setResponseCode(status);
        if (json != null) {
            response.setHeader("Content-Type", "application/json").setBody(json);
        }
        server.enqueue(response);
        return this;
    }

    ManagementFixture enqueue(String json) {
        return enqueue(200, json);
    }

    /** The next request the server received; fails the test when none arrives within 5 seconds. */
    RecordedRequest take() {
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
    RecordedRequest take(String method, String path) {
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

    int requestCount() {
        return server.getRequestCount();
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
