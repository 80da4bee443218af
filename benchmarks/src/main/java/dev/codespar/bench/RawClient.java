package dev.codespar.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The floor: the same calls written by hand with OkHttp 4.12 and Jackson, the way a careful engineer would (one
 * client, one mapper, cached readers and writers, the base URL parsed once, databinding straight into records),
 * sending the same headers and bodies and reading the answers into objects with the same fields as the SDK's.
 */
public final class RawClient implements AutoCloseable {

    private static final MediaType JSON = MediaType.get("application/json");

    /** The create body, in the SDK's key order. */
    public record CreateBody(List<String> servers, @JsonProperty("user_id") String userId) {}

    /** The execute body. */
    public record ExecuteBody(String tool, Map<String, Object> input) {}

    /** The created session. */
    public record RawSession(String id, @JsonProperty("user_id") String userId, List<String> servers, String status,
            @JsonProperty("created_at") Instant createdAt) {}

    /** A tool result; {@code requestId} comes from the header. */
    public record RawToolResult(boolean success, JsonNode data, String error, long duration, String server,
            String tool, @JsonProperty("tool_call_id") String toolCallId,
            @JsonProperty("called_at") Instant calledAt, String requestId) {

        RawToolResult withRequestId(String id) {
            return new RawToolResult(success, data, error, duration, server, tool, toolCallId, calledAt, id);
        }
    }

    /** A non-2xx answer: status, envelope and the {@code Retry-After} header. */
    public record RawError(int status, String error, String message, @JsonProperty("request_id") String requestId,
            String retryAfter) {

        RawError withHttp(int code, String header) {
            return new RawError(code, error, message, requestId, header);
        }
    }

    /** The outcome of a call that may fail: the value, or the error. */
    public record Outcome<T>(T value, RawError error) {}

    private final OkHttpClient http;
    private final HttpUrl sessions;
    private final String authorization = "Bearer " + Fixtures.API_KEY;
    private final String userAgent = "raw-okhttp-jackson/1.0";
    private final ObjectWriter createWriter;
    private final ObjectWriter executeWriter;
    private final ObjectReader sessionReader;
    private final ObjectReader resultReader;
    private final ObjectReader errorReader;

    /**
     * A client of the loopback server.
     *
     * @param baseUrl the server root
     */
    public RawClient(String baseUrl) {
        this.sessions = HttpUrl.get(baseUrl).newBuilder().addPathSegments("v1/sessions").build();
        this.http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
        ObjectMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        this.createWriter = mapper.writerFor(CreateBody.class);
        this.executeWriter = mapper.writerFor(ExecuteBody.class);
        this.sessionReader = mapper.readerFor(RawSession.class);
        this.resultReader = mapper.readerFor(RawToolResult.class);
        this.errorReader = mapper.readerFor(RawError.class);
    }

    /** {@code POST /v1/sessions}. */
    public RawSession create(String userId, List<String> servers) throws IOException {
        Request request = post(sessions, createWriter.writeValueAsBytes(new CreateBody(servers, userId)));
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code());
            }
            try (InputStream in = response.body().byteStream()) {
                return sessionReader.readValue(in);
            }
        }
    }

    /** {@code POST /v1/sessions/{id}/execute}: the result, or the error of a non-2xx answer. */
    public Outcome<RawToolResult> execute(String sessionId, String tool, Map<String, Object> input)
            throws IOException {
        Request request = post(sessions.newBuilder().addPathSegment(sessionId).addPathSegment("execute").build(),
                executeWriter.writeValueAsBytes(new ExecuteBody(tool, input)));
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            if (!response.isSuccessful()) {
                RawError error;
                try (InputStream in = body.byteStream()) {
                    error = errorReader.readValue(in);
                }
                return new Outcome<>(null, error.withHttp(response.code(), response.header("Retry-After")));
            }
            RawToolResult result;
            try (InputStream in = body.byteStream()) {
                result = resultReader.readValue(in);
            }
            return new Outcome<>(result.withRequestId(response.header("X-Request-Id")), null);
        }
    }

    private Request post(HttpUrl url, byte[] body) {
        return new Request.Builder()
                .url(url)
                .header("Authorization", authorization)
                .header("User-Agent", userAgent)
                .header("Accept", "application/json")
                .post(RequestBody.create(body, JSON))
                .build();
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
