package dev.codespar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codespar.CodeSparClient;
import dev.codespar.EventStream;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.StreamEvent;
import dev.codespar.ToolResult;
import dev.codespar.errors.RateLimitedError;
import dev.codespar.internal.sse.SseReader;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import okio.BufferedSource;
import okio.Okio;
import org.junit.jupiter.api.Test;

/**
 * The benchmark smoke test CI runs (no timing): each benchmark's SDK side and raw side do the same work against
 * the same server and read the same values, so that a ratio compares like with like.
 */
class BaselineParityTest {

    @Test
    void roundTripAndErrorPathReadTheSameValuesOnBothSides() throws Exception {
        try (LoopbackServer server = LoopbackServer.start();
             CodeSparClient client = CodeSparClient.builder().apiKey(Fixtures.API_KEY).baseUrl(server.baseUrl())
                     .maxRetries(0).build();
             RawClient raw = new RawClient(server.baseUrl())) {
            Session session = client.create(Fixtures.USER_ID, SessionConfig.builder().servers("asaas").build());
            ToolResult sdk = session.execute(Fixtures.TOOL, Fixtures.toolInput());
            RawClient.RawSession rawSession = raw.create(Fixtures.USER_ID, Fixtures.SERVERS);
            RawClient.RawToolResult rawResult = raw.execute(rawSession.id(), Fixtures.TOOL, Fixtures.toolInput())
                    .value();

            assertThat(session.getId()).isEqualTo(rawSession.id()).isEqualTo(Fixtures.SESSION_ID);
            assertThat(session.getCreatedAt()).isEqualTo(rawSession.createdAt());
            assertThat(session.getServers()).isEqualTo(rawSession.servers());
            assertThat(sdk.success()).isEqualTo(rawResult.success()).isTrue();
            assertThat(sdk.data()).isEqualTo(rawResult.data());
            assertThat(sdk.toolCallId()).isEqualTo(rawResult.toolCallId());
            assertThat(sdk.calledAt()).isEqualTo(rawResult.calledAt());
            assertThat(sdk.durationMs()).isEqualTo(rawResult.duration());
            assertThat(sdk.requestId()).isEqualTo(rawResult.requestId()).isEqualTo(Fixtures.REQUEST_ID);

            Session limited = client.create(Fixtures.LIMITED_USER_ID, SessionConfig.builder().servers("asaas").build());
            RateLimitedError error = org.junit.jupiter.api.Assertions.assertThrows(RateLimitedError.class,
                    () -> limited.execute(Fixtures.TOOL, Fixtures.toolInput()));
            RawClient.RawError rawError = raw.execute(Fixtures.LIMITED_SESSION_ID, Fixtures.TOOL,
                    Fixtures.toolInput()).error();
            assertThat(error.getStatus()).isEqualTo(rawError.status()).isEqualTo(429);
            assertThat(error.getCode()).isEqualTo(rawError.error()).isEqualTo("rate_limited");
            assertThat(error.getRequestId()).isEqualTo(rawError.requestId());
            assertThat(error.getAttempts()).isEqualTo(1);
            assertThat(error.getRetryAfter()).hasValue(java.time.Duration.ofSeconds(1));
            assertThat(rawError.retryAfter()).isEqualTo("1");
            assertThat(server.requests()).as("2 creates, 2 executes, 1 create and 2 executes answered 429").isEqualTo(7);
        }
    }

    @Test
    void sseReadersSeeTheSameFramesAndEvents() throws Exception {
        byte[] bytes = Fixtures.stream(1_000);
        List<String> sdkNames = new ArrayList<>();
        SseReader reader = new SseReader(source(bytes));
        for (var frame = reader.next(); frame != null; frame = reader.next()) {
            sdkNames.add(frame.event());
        }
        List<String> rawNames = new ArrayList<>();
        RawSse.frames(source(bytes), frame -> rawNames.add(frame.event()));
        assertThat(sdkNames).hasSize(1_000).isEqualTo(rawNames);

        List<StreamEvent> sdkEvents = new ArrayList<>();
        try (EventStream<StreamEvent> events = EventStream.ofSendStream(new ByteArrayInputStream(bytes))) {
            events.forEach(sdkEvents::add);
        }
        List<StreamEvent> rawEvents = new ArrayList<>();
        RawSse.events(source(bytes), rawEvents::add);
        assertThat(sdkEvents).hasSize(1_000);
        assertThat(rawEvents).hasSize(1_000);
        for (int i = 0; i < 1_000; i++) {
            assertThat(sdkEvents.get(i).getClass()).isEqualTo(rawEvents.get(i).getClass());
        }
        assertThat(sdkEvents.get(0)).isEqualTo(rawEvents.get(0));
        assertThat(sdkEvents.get(8)).isEqualTo(rawEvents.get(8));
        assertThat(((StreamEvent.Done) sdkEvents.get(999)).result().message())
                .isEqualTo(((StreamEvent.Done) rawEvents.get(999)).result().message()).isEqualTo("Pronto");
    }

    @Test
    void aLongStreamOverLoopbackEndsWithDone() {
        try (LoopbackServer server = LoopbackServer.start();
             CodeSparClient client = CodeSparClient.builder().apiKey(Fixtures.API_KEY).baseUrl(server.baseUrl())
                     .build()) {
            Session session = client.create(Fixtures.USER_ID, SessionConfig.builder().servers("asaas").build());
            long n = 0;
            StreamEvent last = null;
            try (EventStream<StreamEvent> events = session.sendStream("stream 20000")) {
                for (StreamEvent event : events) {
                    n++;
                    last = event;
                }
            }
            assertThat(n).isEqualTo(20_000);
            assertThat(last).isInstanceOf(StreamEvent.Done.class);
        }
    }

    private static BufferedSource source(byte[] bytes) {
        return Okio.buffer(Okio.source(new ByteArrayInputStream(bytes)));
    }
}
