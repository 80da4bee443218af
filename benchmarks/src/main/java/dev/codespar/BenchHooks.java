package dev.codespar;

import dev.codespar.internal.sse.SseEventSource;
import java.time.Duration;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Benchmark access to the SDK's send-stream decoding without a network: the same {@link EventStream},
 * {@link SseEventSource} and decoder that {@link Session#sendStream(String)} builds, over an in-memory source.
 * Lives in the SDK's package (benchmarks only) because the decoder is package-private.
 */
public final class BenchHooks {

    private static final Request REQUEST = new Request.Builder()
            .url("http://127.0.0.1/v1/sessions/ses_bench/send")
            .header("Accept", "text/event-stream")
            .build();
    private static final OkHttpClient UNUSED = new OkHttpClient();
    private static final MediaType EVENT_STREAM = MediaType.get("text/event-stream");

    private BenchHooks() {}

    /**
     * The send stream the SDK would hand out for an answer whose body is {@code source}.
     *
     * @param source the body
     * @return the stream
     */
    public static EventStream<StreamEvent> sendStream(BufferedSource source) {
        Response response = new Response.Builder()
                .request(REQUEST)
                .protocol(Protocol.HTTP_1_1)
                .code(200)
                .message("OK")
                .header("Content-Type", "text/event-stream")
                .header("X-Request-Id", "req_bench")
                .body(ResponseBody.create(source, EVENT_STREAM, -1))
                .build();
        Call call = UNUSED.newCall(REQUEST);
        return new EventStream<>(new SseEventSource<>(response, call, new SendStreamDecoder(),
                "POST /v1/sessions/ses_bench/send", Duration.ofMinutes(5)));
    }
}
