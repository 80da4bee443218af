package dev.codespar.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Plain OkHttp + Jackson against the fake, for endpoints the SDK does not cover (yet) and for exact wire checks. */
final class Raw implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    /** One answer, read whole. */
    record Reply(int code, okhttp3.Headers headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            return headers.get(name);
        }
    }

    final OkHttpClient http;
    private final FakeCodeSpar fake;

    Raw(FakeCodeSpar fake) {
        this(fake, Duration.ofSeconds(10));
    }

    Raw(FakeCodeSpar fake, Duration readTimeout) {
        this.fake = fake;
        this.http = new OkHttpClient.Builder().readTimeout(readTimeout).retryOnConnectionFailure(false).build();
    }

    Request.Builder request(String path) {
        return new Request.Builder().url(fake.url(path)).header("Authorization", "Bearer " + fake.apiKey());
    }

    Reply get(String path) {
        return call(request(path).get().build());
    }

    Reply post(String path, String json) {
        return call(request(path).post(RequestBody.create(json, JSON_TYPE)).build());
    }

    Reply call(Request request) {
        try (Response r = http.newCall(request).execute()) {
            return new Reply(r.code(), r.headers(), r.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a response without reading it; the caller closes it. */
    Response open(Request request) throws IOException {
        return http.newCall(request).execute();
    }

    /** Creates a session and returns its id. */
    String session(String... servers) {
        StringBuilder list = new StringBuilder();
        for (String s : servers) {
            list.append(list.length() == 0 ? "" : ",").append('"').append(s).append('"');
        }
        Reply r = post("/v1/sessions", "{\"servers\":[" + list + "],\"user_id\":\"user_1\"}");
        if (r.code() != 201) {
            throw new AssertionError("create failed: " + r);
        }
        return r.json().get("id").asText();
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
