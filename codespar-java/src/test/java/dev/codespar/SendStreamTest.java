package dev.codespar;

import static dev.codespar.Fixtures.json;
import static dev.codespar.Fixtures.sse;
import static dev.codespar.Fixtures.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codespar.errors.ApiError;
import dev.codespar.errors.RateLimitedError;
import dev.codespar.errors.StreamError;
import dev.codespar.errors.UnauthorizedError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The send stream: the three dialects, the framing variants, and every way a stream can end. */
class SendStreamTest {

    /** Golden G5, the TypeScript SDK's dialect. */
    static final String TS_DIALECT = "event: user_message\ndata: {\"content\":\"Charge R$10\"}\n\n"
            + "event: assistant_text\ndata: {\"content\":\"hi\",\"iteration\":1}\n\n"
            + "event: tool_use\ndata: {\"id\":\"toolu_1\",\"name\":\"codespar_pay\",\"input\":{\"amount\":1000}}\n\n"
            + "event: tool_result\ndata: {\"id\":\"tc_1\",\"tool_name\":\"codespar_pay\",\"server_id\":\"asaas\","
            + "\"status\":\"success\",\"duration_ms\":412,\"input\":{},\"output\":{},\"error_code\":null}\n\n"
            + "event: done\ndata: {\"message\":\"Done.\",\"iterations\":1,\"tool_calls\":[]}\n\n";

    private MockWebServer server;
    private CodeSparClient client;
    private Session session;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = Fixtures.client(server);
        session = Fixtures.session(client, server);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    private List<StreamEvent> all(String body) {
        server.enqueue(sse(body).setHeader("X-Request-Id", "req_s1"));
        try (EventStream<StreamEvent> events = session.sendStream("hi")) {
            List<StreamEvent> out = new ArrayList<>();
            events.forEach(out::add);
            return out;
        }
    }

    @Test
    void readsTheTypeScriptDialect() {
        List<StreamEvent> events = all(TS_DIALECT);
        assertThat(events).extracting(StreamEvent::type)
                .containsExactly("user_message", "assistant_text", "tool_use", "tool_result", "done");
        assertThat(events.get(0)).isEqualTo(new StreamEvent.UserMessage("Charge R$10"));
        assertThat(events.get(1)).isEqualTo(new StreamEvent.Text("hi", 1));
        StreamEvent.ToolUse use = (StreamEvent.ToolUse) events.get(2);
        assertThat(use.id()).isEqualTo("toolu_1");
        assertThat(use.name()).isEqualTo("codespar_pay");
        assertThat(use.input().path("amount").asInt()).isEqualTo(1000);
        ToolCallRecord call = ((StreamEvent.ToolResultEvent) events.get(3)).toolCall();
        assertThat(call.id()).isEqualTo("tc_1");
        assertThat(call.serverId()).isEqualTo("asaas");
        assertThat(call.status()).isEqualTo(ToolCallStatus.SUCCESS);
        assertThat(call.durationMs()).isEqualTo(412L);
        assertThat(call.errorCode()).isNull();
        SendResult done = ((StreamEvent.Done) events.get(4)).result();
        assertThat(done.message()).isEqualTo("Done.");
        assertThat(done.iterations()).isEqualTo(1);
        assertThat(done.requestId()).isEqualTo("req_s1");
    }

    @Test
    void readsThePythonDialectWhereDataTypeNamesTheEvent() {
        List<StreamEvent> events = all("data: {\"type\":\"assistant_text\",\"content\":\"olá\",\"iteration\":2}\n\n"
                + "event: tool_result\n"
                + "data: {\"type\":\"tool_result\",\"toolCall\":{\"id\":\"tc_1\",\"tool_name\":\"codespar_pay\","
                + "\"status\":\"success\"}}\n\n"
                + "data: {\"type\":\"tool_result\",\"tool_call\":{\"id\":\"tc_2\",\"tool_name\":\"codespar_notify\","
                + "\"status\":\"error\",\"error_code\":\"provider_error\"}}\n\n"
                + "event: done\ndata: {\"type\":\"done\",\"result\":{\"message\":\"Done.\",\"iterations\":1,"
                + "\"tool_calls\":[{\"id\":\"tc_1\",\"tool_name\":\"codespar_pay\",\"status\":\"success\"}]}}\n\n");
        assertThat(events.get(0)).isEqualTo(new StreamEvent.Text("olá", 2));
        assertThat(((StreamEvent.ToolResultEvent) events.get(1)).toolCall().id()).isEqualTo("tc_1");
        ToolCallRecord failed = ((StreamEvent.ToolResultEvent) events.get(2)).toolCall();
        assertThat(failed.status()).isEqualTo(ToolCallStatus.ERROR);
        assertThat(failed.errorCode()).isEqualTo("provider_error");
        SendResult done = ((StreamEvent.Done) events.get(3)).result();
        assertThat(done.message()).isEqualTo("Done.");
        assertThat(done.toolCalls()).extracting(ToolCallRecord::toolName).containsExactly("codespar_pay");
    }

    @Test
    void anUntypedFrameWithANumberNoDecimalCanHoldPassesThroughAsUnknown() {
        List<StreamEvent> events = all("data: {\"type\":\"assistant_text\",\"n\":1e99999999999}\n\n"
                + "event: done\ndata: {}\n\n");
        assertThat(events.get(0)).isEqualTo(
                new StreamEvent.Unknown("message", "{\"type\":\"assistant_text\",\"n\":1e99999999999}"));
        assertThat(events.get(1)).isInstanceOf(StreamEvent.Done.class);
    }

    @Test
    void readsTheRuntimeDialect() {
        List<StreamEvent> events = all("event: user_message\ndata: {\"content\":\"hi\"}\n\n"
                + "event: tool_use\ndata: {\"id\":\"toolu_1\",\"name\":\"asaas/create_payment\",\"input\":{},"
                + "\"iteration\":1}\n\n"
                + "event: tool_result\ndata: {\"tool_use_id\":\"toolu_1\",\"content\":{\"id\":\"pix_1\"},"
                + "\"is_error\":false,\"iteration\":1}\n\n"
                + "event: tool_result\ndata: {\"tool_use_id\":\"toolu_2\",\"content\":{\"error\":\"mocks_exhausted\"},"
                + "\"is_error\":true}\n\n"
                + "event: done\ndata: {\"result\":{\"message\":\"ok\",\"iterations\":1,\"tool_calls\":[]}}\n\n");
        assertThat(((StreamEvent.ToolUse) events.get(1)).iteration()).isEqualTo(1);
        ToolCallRecord ok = ((StreamEvent.ToolResultEvent) events.get(2)).toolCall();
        assertThat(ok.id()).isEqualTo("toolu_1");
        assertThat(ok.success()).isTrue();
        assertThat(ok.output().path("id").asText()).isEqualTo("pix_1");
        ToolCallRecord drained = ((StreamEvent.ToolResultEvent) events.get(3)).toolCall();
        assertThat(drained.status()).isEqualTo(ToolCallStatus.ERROR);
        assertThat(drained.isMocksExhausted()).isTrue();
        assertThat(((StreamEvent.Done) events.get(4)).result().message()).isEqualTo("ok");
    }

    /** The runtime's JSON send answer for the same turn (also the result of its done frame). */
    static final String RUNTIME_SEND_ANSWER = "{\"message\":\"Done: 3 results\",\"tool_calls\":["
            + "{\"tool_name\":\"asaas__create_payment\",\"server_id\":\"asaas\",\"status\":\"success\","
            + "\"duration_ms\":0,\"input\":{\"value\":10},\"output\":{\"id\":\"pay_test_42\",\"status\":\"PENDING\"}},"
            + "{\"tool_name\":\"asaas__get_payment\",\"server_id\":\"asaas\",\"status\":\"error\",\"duration_ms\":0,"
            + "\"input\":{},\"output\":{\"error\":\"mocks_exhausted\"},\"error_code\":\"mocks_exhausted\"},"
            + "{\"tool_name\":\"codespar_pay\",\"server_id\":\"\",\"status\":\"error\",\"duration_ms\":0,\"input\":{},"
            + "\"output\":null,\"error_code\":\"unknown_tool_name: codespar_pay\"}],\"iterations\":2}";

    /** The runtime's stream as captured from it (test mode, a mocked payment, a drained mock, an unknown tool). */
    static final String RUNTIME_CAPTURE = "event: user_message\ndata: {\"content\":\"CALL three tools\"}\n\n"
            + "event: assistant_text\ndata: {\"content\":\"Calling tools.\",\"iteration\":1}\n\n"
            + "event: tool_use\ndata: {\"id\":\"toolu_1\",\"name\":\"asaas__create_payment\",\"input\":{\"value\":10},"
            + "\"iteration\":1}\n\n"
            + "event: tool_result\ndata: {\"tool_use_id\":\"toolu_1\",\"content\":{\"id\":\"pay_test_42\","
            + "\"status\":\"PENDING\"},\"is_error\":false,\"iteration\":1}\n\n"
            + "event: tool_use\ndata: {\"id\":\"toolu_2\",\"name\":\"asaas__get_payment\",\"input\":{},\"iteration\":1}\n\n"
            + "event: tool_result\ndata: {\"tool_use_id\":\"toolu_2\",\"content\":{\"error\":\"mocks_exhausted\"},"
            + "\"is_error\":true,\"iteration\":1}\n\n"
            + "event: tool_use\ndata: {\"id\":\"toolu_3\",\"name\":\"codespar_pay\",\"input\":{},\"iteration\":1}\n\n"
            + "event: tool_result\ndata: {\"tool_use_id\":\"toolu_3\",\"content\":\"unknown_tool_name: codespar_pay\","
            + "\"is_error\":true,\"iteration\":1}\n\n"
            + "event: assistant_text\ndata: {\"content\":\"Done: 3 results\",\"iteration\":2}\n\n"
            + "event: done\ndata: {\"result\":" + RUNTIME_SEND_ANSWER + "}\n\n";

    /**
     * A runtime tool_result carries only its tool_use's id: each result is joined to its tool_use (name, server,
     * input), and the stream's records agree with the done record and the JSON send answer on name, server and
     * error code.
     */
    @Test
    void runtimeToolResultsAreJoinedToTheirToolUseAndAgreeWithDoneAndSend() {
        List<StreamEvent> events = all(RUNTIME_CAPTURE);
        List<ToolCallRecord> streamed = events.stream().filter(StreamEvent.ToolResultEvent.class::isInstance)
                .map(e -> ((StreamEvent.ToolResultEvent) e).toolCall()).collect(Collectors.toList());
        assertThat(streamed).extracting(ToolCallRecord::toolName)
                .containsExactly("asaas__create_payment", "asaas__get_payment", "codespar_pay");
        assertThat(streamed).extracting(ToolCallRecord::serverId).containsExactly("asaas", "asaas", null);
        assertThat(streamed).extracting(ToolCallRecord::errorCode)
                .containsExactly(null, "mocks_exhausted", "unknown_tool_name: codespar_pay");
        assertThat(streamed).extracting(ToolCallRecord::status)
                .containsExactly(ToolCallStatus.SUCCESS, ToolCallStatus.ERROR, ToolCallStatus.ERROR);
        assertThat(streamed.get(0).input().path("value").asInt()).isEqualTo(10);
        assertThat(streamed.get(0).id()).isEqualTo("toolu_1");
        assertThat(streamed.get(1).isMocksExhausted()).isTrue();

        SendResult done = ((StreamEvent.Done) events.get(events.size() - 1)).result();
        server.enqueue(json(200, RUNTIME_SEND_ANSWER));
        SendResult sent = session.send("CALL three tools");
        for (List<ToolCallRecord> records : List.of(done.toolCalls(), sent.toolCalls())) {
            assertThat(records).extracting(ToolCallRecord::toolName)
                    .isEqualTo(streamed.stream().map(ToolCallRecord::toolName).collect(Collectors.toList()));
            assertThat(records).extracting(ToolCallRecord::serverId)
                    .as("an empty server_id reads as none, as the stream has none").containsExactly("asaas", "asaas", null);
            assertThat(records).extracting(ToolCallRecord::errorCode)
                    .isEqualTo(streamed.stream().map(ToolCallRecord::errorCode).collect(Collectors.toList()));
        }
    }

    /** A result whose tool_use never came (or came on another stream) still reads, without a name. */
    @Test
    void aRuntimeToolResultWithoutItsToolUseKeepsWhatItHas() {
        List<StreamEvent> events = all("event: tool_result\ndata: {\"tool_use_id\":\"toolu_9\","
                + "\"content\":\"unknown_tool_name: x\",\"is_error\":true}\n\nevent: done\ndata: {}\n\n");
        ToolCallRecord orphan = ((StreamEvent.ToolResultEvent) events.get(0)).toolCall();
        assertThat(orphan.id()).isEqualTo("toolu_9");
        assertThat(orphan.toolName()).isNull();
        assertThat(orphan.errorCode()).isEqualTo("unknown_tool_name: x");
    }

    @Test
    void skipsHeartbeatsJoinsMultiLineDataReadsCrlfAndPassesUnknownEventsThrough() {
        List<StreamEvent> events = all(": heartbeat 1\r\n\r\n"
                + "event: assistant_text\r\ndata: {\"content\":\r\ndata: \"two lines\"}\r\n\r\n"
                + "event: thinking\r\ndata: not json at all\r\n\r\n"
                + "data: {\"no\":\"type\"}\r\n\r\n"
                + "event: done\r\ndata: {\"message\":\"m\"}\r\n\r\n");
        assertThat(events).containsExactly(
                new StreamEvent.Text("two lines", 0),
                new StreamEvent.Unknown("thinking", "not json at all"),
                new StreamEvent.Unknown("message", "{\"no\":\"type\"}"),
                new StreamEvent.Done(new SendResult("m", 0, List.of(), "req_s1")));
    }

    @Test
    void aBareDoneEndsTheStream() {
        List<StreamEvent> events = all("event: assistant_text\ndata: {\"content\":\"a\"}\n\nevent: done\n\n");
        assertThat(events).hasSize(2);
        assertThat(((StreamEvent.Done) events.get(1)).result().message()).isEmpty();
    }

    @Test
    void framesSplitAcrossTcpReadsAreReassembled() {
        server.enqueue(sse(TS_DIALECT).throttleBody(7, 1, TimeUnit.MILLISECONDS));
        try (EventStream<StreamEvent> events = session.sendStream("hi")) {
            assertThat(events.stream().map(StreamEvent::type).collect(Collectors.toList()))
                    .containsExactly("user_message", "assistant_text", "tool_use", "tool_result", "done");
        }
    }

    @Test
    void theTerminalEventIsYieldedThenIterationEnds() {
        server.enqueue(sse("event: done\ndata: {}\n\nevent: assistant_text\ndata: {\"content\":\"late\"}\n\n"));
        EventStream<StreamEvent> events = session.sendStream("hi");
        Iterator<StreamEvent> it = events.iterator();
        assertThat(it.next()).isInstanceOf(StreamEvent.Done.class);
        assertThat(it.hasNext()).isFalse();
        assertThat(events.getEventsDelivered()).isEqualTo(1);
        assertThatThrownBy(events::iterator).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anErrorEventWithACodeThrowsItsApiError() {
        server.enqueue(sse("event: assistant_text\ndata: {\"content\":\"a\"}\n\n"
                + "event: error\ndata: {\"error\":\"rate_limited\",\"message\":\"slow down\"}\n\n")
                .setHeader("X-Request-Id", "req_err"));
        List<StreamEvent> seen = new ArrayList<>();
        try (EventStream<StreamEvent> events = session.sendStream("hi")) {
            assertThatThrownBy(() -> events.forEach(seen::add))
                    .isInstanceOfSatisfying(RateLimitedError.class, e -> {
                        assertThat(e.getCode()).isEqualTo("rate_limited");
                        assertThat(e.getServerMessage()).isEqualTo("slow down");
                        assertThat(e.getRequestId()).isEqualTo("req_err");
                        assertThat(e.getStatus()).isEqualTo(200);
                        assertThat(e.getBody().path("error").asText()).isEqualTo("rate_limited");
                    });
        }
        assertThat(seen).hasSize(1);
    }

    @Test
    void anErrorEventOfAnUnknownCodeIsAnApiErrorAndWithoutACodeAStreamError() {
        server.enqueue(sse("event: error\ndata: {\"type\":\"error\",\"error\":\"model_overloaded\",\"status\":529}\n\n"));
        try (EventStream<StreamEvent> events = session.sendStream("hi")) {
            assertThatThrownBy(() -> events.forEach(e -> { })).isExactlyInstanceOf(dev.codespar.errors.ServerError.class)
                    .extracting(e -> ((ApiError) e).getCode()).isEqualTo("model_overloaded");
        }
        server.enqueue(sse("event: error\ndata: {\"message\":\"model call failed\"}\n\n").setHeader("X-Request-Id", "r9"));
        try (EventStream<StreamEvent> events = session.sendStream("hi")) {
            assertThatThrownBy(() -> events.forEach(e -> { })).isInstanceOfSatisfying(StreamError.class, e -> {
                assertThat(e.getMessage()).contains("model call failed");
                assertThat(e.getRequestId()).isEqualTo("r9");
                assertThat(e.getEventsDelivered()).isZero();
            });
        }
    }

    @Test
    void anEndWithoutTheTerminalEventIsAStreamError() {
        server.enqueue(sse("event: assistant_text\ndata: {\"content\":\"a\"}\n\n").setHeader("X-Request-Id", "req_t"));
        try (EventStream<StreamEvent> events = session.sendStream("hi")) {
            Iterator<StreamEvent> it = events.iterator();
            assertThat(it.next()).isInstanceOf(StreamEvent.Text.class);
            assertThatThrownBy(it::hasNext).isInstanceOfSatisfying(StreamError.class, e -> {
                assertThat(e.getMessage()).contains("ended before its terminal event");
                assertThat(e.getEventsDelivered()).isEqualTo(1);
                assertThat(e.getRequestId()).isEqualTo("req_t");
            });
        }
    }

    @Test
    void aDroppedConnectionIsAStreamError() {
        server.enqueue(sse(TS_DIALECT).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        try (EventStream<StreamEvent> events = session.sendStream("hi")) {
            assertThatThrownBy(() -> events.forEach(e -> { })).isInstanceOf(StreamError.class);
        }
    }

    @Test
    void anEventLargerThanTheCapIsAStreamErrorAndReleasesTheConnection() {
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream")
                .setHeader("X-Request-Id", "req_big")
                .setBody(new okio.Buffer().writeUtf8("event: assistant_text\ndata: {\"content\":\"a\"}\n\ndata: ")
                        .write(new byte[17 * 1024 * 1024])));
        try (EventStream<StreamEvent> events = session.sendStream("hi")) {
            Iterator<StreamEvent> it = events.iterator();
            assertThat(it.next()).isInstanceOf(StreamEvent.Text.class);
            assertThatThrownBy(it::hasNext).isInstanceOfSatisfying(StreamError.class, e -> {
                assertThat(e.getMessage()).contains("sent an event larger than 16777216 bytes after 1 events");
                assertThat(e.getRequestId()).isEqualTo("req_big");
                assertThat(e.getEventsDelivered()).isEqualTo(1);
            });
        }
        Leaks.assertNoConnectionCheckedOut(client);
    }

    @Test
    void aStallLongerThanTheIdleTimeoutIsAStreamError() {
        // the body announces more bytes than it sends, and the connection stays open: the stream stalls
        server.enqueue(sse("event: assistant_text\ndata: {\"content\":\"a\"}\n\n")
                .setHeader("Content-Length", "4096"));
        try (EventStream<StreamEvent> events = session.withOptions(TestSupport.idle(Duration.ofMillis(200))).sendStream("hi")) {
            Iterator<StreamEvent> it = events.iterator();
            assertThat(it.next()).isInstanceOf(StreamEvent.Text.class);
            long start = System.nanoTime();
            assertThatThrownBy(it::hasNext).isInstanceOfSatisfying(StreamError.class, e -> {
                assertThat(e.getMessage()).contains("no data for 200 ms");
                assertThat(e.getEventsDelivered()).isEqualTo(1);
            });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void noAnswerBeforeTheIdleTimeoutIsATimeoutErrorNotAStreamError() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        assertThatThrownBy(() -> session.withOptions(TestSupport.idle(Duration.ofMillis(200))).sendStream("hi"))
                .isInstanceOf(dev.codespar.errors.TimeoutError.class);
    }

    @Test
    void closingFromAnotherThreadReleasesABlockedIterationAtOnce() throws Exception {
        server.enqueue(sse("event: assistant_text\ndata: {\"content\":\"a\"}\n\n").setHeader("Content-Length", "4096"));
        EventStream<StreamEvent> events = session.sendStream("hi");
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<StreamEvent> seen = new ArrayList<>();
        Thread consumer = new Thread(() -> {
            try {
                for (StreamEvent e : events) {
                    seen.add(e);
                    first.countDown();
                }
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                ended.countDown();
            }
        });
        consumer.start();
        assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();
        events.close();
        assertThat(ended.await(5, TimeUnit.SECONDS)).as("the blocked read woke up").isTrue();
        assertThat(failure.get()).isNull();
        assertThat(seen).hasSize(1);
        assertThat(client.transport().okHttpClient().connectionPool().connectionCount())
                .as("the cancelled connection is not pooled").isZero();
    }

    @Test
    void anHttpErrorBeforeTheStreamIsAnOrdinaryApiError() throws Exception {
        server.enqueue(json(401, "{\"error\":\"unauthorized\"}").setHeader("X-Request-Id", "req_401"));
        assertThatThrownBy(() -> session.sendStream("hi")).isInstanceOfSatisfying(UnauthorizedError.class,
                e -> assertThat(e.getRequestId()).isEqualTo("req_401"));
    }

    @Test
    void aJsonOrHtmlAnswerToAStreamIsAnInvalidResponseNotAnEmptyStream() {
        server.enqueue(json(200, "{\"message\":\"Done.\",\"tool_calls\":[]}").setHeader("X-Request-Id", "req_json"));
        assertThatThrownBy(() -> session.sendStream("hi")).isInstanceOfSatisfying(ApiError.class, e -> {
            assertThat(e.getCode()).isEqualTo("invalid_response");
            assertThat(e.getStatus()).isEqualTo(200);
            assertThat(e.getRequestId()).isEqualTo("req_json");
            assertThat(e.getAttempts()).isEqualTo(1);
            assertThat(e.getMessage()).contains("with Content-Type application/json instead of text/event-stream: "
                    + "{\"message\":\"Done.\",\"tool_calls\":[]}");
        });
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody("<html>\n<b>login</b></html>"));
        assertThatThrownBy(() -> session.toolCalls().paymentStatusStreamAsync("tc1").join()).hasCauseInstanceOf(ApiError.class)
                .hasMessageContaining("text/html instead of text/event-stream: <html> <b>login</b></html>");
        assertThat(server.getRequestCount()).as("not retried: the server did the work").isEqualTo(3);
        Leaks.assertNoConnectionCheckedOut(client);
    }

    @Test
    void aStreamWithoutContentTypeOrWithParametersIsRead() {
        server.enqueue(new MockResponse().setBody("event: done\ndata: {}\n\n"));
        try (EventStream<StreamEvent> events = session.sendStream("hi")) {
            assertThat(events.stream().count()).isEqualTo(1);
        }
        server.enqueue(sse("event: done\ndata: {}\n\n").setHeader("Content-Type", "Text/Event-Stream; charset=utf-8"));
        try (EventStream<StreamEvent> events = session.sendStream("hi")) {
            assertThat(events.stream().count()).isEqualTo(1);
        }
    }

    @Test
    void failuresBeforeTheStreamFollowTheRetryRules() throws Exception {
        FakeTiming timing = new FakeTiming();
        try (CodeSparClient retrying = Fixtures.builder(server, timing).maxRetries(2).build()) {
            Session s = Fixtures.session(retrying, server);
            server.enqueue(json(503, "{\"error\":\"service_unavailable\"}"));
            server.enqueue(sse("event: done\ndata: {}\n\n"));
            try (EventStream<StreamEvent> events = s.sendStream("hi")) {
                assertThat(events.stream().count()).isEqualTo(1);
            }
            take(server);
            assertThat(take(server).getHeader("Accept")).isEqualTo("text/event-stream");
            assertThat(timing.waits()).hasSize(1);
        }
    }

    @Test
    void blankMessagesAndBadIdleTimeoutsAreRejectedBeforeTheNetwork() {
        assertThatThrownBy(() -> session.sendStream(" ")).isInstanceOf(dev.codespar.errors.InvalidRequestError.class)
                .hasMessageContaining("message");
        assertThatThrownBy(() -> TestSupport.idle(Duration.ZERO))
                .isInstanceOf(dev.codespar.errors.ConfigError.class).hasMessageContaining("streamIdleTimeout");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void theSendStreamDefaultsToTheClientsIdleTimeout() {
        assertThat(client.context().sendStreamIdleTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(client.context().statusStreamIdleTimeout()).isEqualTo(Duration.ofSeconds(45));
        try (CodeSparClient custom = Fixtures.builder(server, new FakeTiming())
                .sendStreamIdleTimeout(Duration.ofMillis(150)).build()) {
            Session s;
            try {
                s = Fixtures.session(custom, server);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            server.enqueue(sse("event: user_message\ndata: {}\n\n").setHeader("Content-Length", "4096"));
            try (EventStream<StreamEvent> events = s.sendStream("hi")) {
                assertThatThrownBy(() -> events.forEach(e -> { })).isInstanceOf(StreamError.class)
                        .hasMessageContaining("no data for 150 ms");
            }
        }
    }
}
