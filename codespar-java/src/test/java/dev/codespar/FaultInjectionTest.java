package dev.codespar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.codespar.errors.ApiError;
import dev.codespar.errors.CodeSparException;
import dev.codespar.errors.InternalServerError;
import dev.codespar.errors.NetworkError;
import dev.codespar.errors.ProviderError;
import dev.codespar.errors.ServiceUnavailableError;
import dev.codespar.errors.StreamError;
import dev.codespar.errors.TimeoutError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.QueueDispatcher;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix: every network and server fault of the reliability brief, on a plain GET, on a money-moving
 * {@code POST execute} and on both kinds of stream, blocking and async. Each row asserts the typed error (class,
 * code, status, request id when the server sent one), the retry decision as the exact number of requests the server
 * saw (a POST whose bytes may have reached the server is never sent twice), and that afterwards no connection is
 * checked out of OkHttp's pool and no thread is left behind.
 *
 * <p>The server repeats the fault on every attempt, so the request count is the SDK's attempt count: 3 (one try and
 * {@value #RETRIES} retries) where a retry is safe, 1 where it is not. The rows whose fault is a silence run with
 * 250 ms timeouts (500 ms once the answer's head is out), the others with generous ones, and the retry waits are virtual ({@link FakeTiming}), so the
 * whole matrix runs in seconds and no hiccup of a loaded machine can change a row's outcome.
 */
class FaultInjectionTest {

    /** The timeout of the rows whose fault is a silence: the timeout is what they test. */
    static final Duration SHORT = Duration.ofMillis(250);
    /** The same after the answer's head: long enough that the head itself always arrives first. */
    static final Duration AFTER_HEAD = Duration.ofMillis(500);
    /** The timeout of every other row: far above any hiccup of a loaded machine, so only the fault decides. */
    static final Duration GENEROUS = Duration.ofSeconds(5);
    static final int RETRIES = 2;
    static final int ALL_ATTEMPTS = RETRIES + 1;
    static final String RID = "req_fault_42";
    static final Map<String, Object> PAYMENT = Map.of("amount", 1000, "currency", "BRL", "method", "pix");

    /** 30 MB: far above every cap of the SDK (64 KiB error bodies, 16 MiB server-sent events). */
    static final int HUGE = 30 * 1024 * 1024;

    /** For a stream cut at an arbitrary byte: some events, fewer than the whole stream. */
    static final long SOME = -1;

    static final String SEND_OK = SendStreamTest.TS_DIALECT;
    static final String SEND_PARTIAL = "event: user_message\ndata: {\"content\":\"Charge R$10\"}\n\n"
            + "event: assistant_text\ndata: {\"content\":\"hi\",\"iteration\":1}\n\n";
    static final String STATUS_OK = StatusStreamTest.G7;
    static final String STATUS_PARTIAL = "event: snapshot\ndata: {\"tool_call_id\":\"tc1\","
            + "\"payment_status\":\"pending\"}\n\n";

    enum Mode { BLOCKING, ASYNC }

    /** The faults of the brief, each a way the network or the server misbehaves. */
    enum Fault {
        CONNECTION_REFUSED,
        RESET_BEFORE_RESPONSE,
        RESET_AFTER_REQUEST_BODY,
        HEADERS_THEN_RESET_MID_BODY,
        STALL_BEFORE_RESPONSE,
        STALL_AFTER_HEADERS,
        SLOW_DRIP,
        TRUNCATED_JSON,
        HTML_PROXY_ERROR_PAGE,
        EMPTY_BODY_WITH_ERROR_STATUS,
        HUGE_BODY,
        WRONG_CONTENT_TYPE,
        SSE_CUT_BEFORE_TERMINAL_EVENT,
        SSE_IDLE_BEYOND_TIMEOUT,
    }

    /** One row: the server's answer to every attempt ({@code null}: nothing listens), and what the caller sees. */
    record Scenario(Supplier<MockResponse> answer, Expect expect, Duration timeout) {

        Scenario(Supplier<MockResponse> answer, Expect expect) {
            this(answer, expect, GENEROUS);
        }
    }

    /** The expected outcome of a row; unset fields are not checked. */
    static final class Expect {
        Class<? extends Throwable> type;
        int events;
        int requests;
        String code;
        Integer status;
        String requestId;
        boolean checkRequestId;
        Boolean sent;
        Integer attempts;
        Long delivered;
        String message;

        static Expect success(int requests, int events) {
            Expect e = new Expect();
            e.requests = requests;
            e.events = events;
            return e;
        }

        static Expect fails(Class<? extends Throwable> type) {
            Expect e = new Expect();
            e.type = type;
            return e;
        }

        Expect code(String value) {
            code = value;
            return this;
        }

        Expect status(int value) {
            status = value;
            return this;
        }

        Expect requestId(String value) {
            requestId = value;
            checkRequestId = true;
            return this;
        }

        Expect sent(boolean value) {
            sent = value;
            return this;
        }

        /** The SDK's attempt count, which is also the number of requests the server saw. */
        Expect attempts(int value) {
            attempts = value;
            requests = value;
            return this;
        }

        Expect requests(int value) {
            requests = value;
            return this;
        }

        /** For stream errors: no attempt count, one request (a started stream is never re-sent). */
        Expect afterStreamStarted(long eventsDelivered) {
            requests = 1;
            delivered = eventsDelivered;
            return this;
        }

        Expect message(String part) {
            message = part;
            return this;
        }
    }

    /** The table. {@code null} when the fault does not apply to the target (SSE faults on plain calls). */
    static Scenario scenario(Fault fault, FaultTarget t) {
        switch (fault) {
            case CONNECTION_REFUSED:
                // nothing listens: provably never sent, so every method is retried
                return new Scenario(null, Expect.fails(NetworkError.class).code("network_error").status(0)
                        .requestId(null).sent(false).attempts(ALL_ATTEMPTS).requests(0)
                        .message("never reached the server"));
            case RESET_BEFORE_RESPONSE:
                // the server closes the connection without reading: the client cannot tell it from a crash after
                // processing, so only idempotent methods are repeated
                return new Scenario(() -> new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START),
                        sentButNoAnswer(t));
            case RESET_AFTER_REQUEST_BODY:
                return new Scenario(() -> new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST),
                        sentButNoAnswer(t));
            case HEADERS_THEN_RESET_MID_BODY:
                return new Scenario(() -> t.ok().setHeader("X-Request-Id", RID)
                        .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY),
                        t.stream ? Expect.fails(StreamError.class).requestId(RID).afterStreamStarted(SOME)
                                        .message("broke after")
                                : Expect.fails(NetworkError.class).code("network_error").status(0).requestId(RID)
                                        .sent(true).attempts(t.attemptsAfterSend()));
            case STALL_BEFORE_RESPONSE:
                // no byte at all: a read timeout (the stream's idle timeout before its answer) and no request id
                return new Scenario(() -> new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE),
                        Expect.fails(TimeoutError.class).code("timeout").status(0).requestId(null).sent(true)
                                .attempts(t.attemptsAfterSend()), SHORT);
            case STALL_AFTER_HEADERS:
                if (t.stream) {
                    return null; // that is SSE_IDLE_BEYOND_TIMEOUT
                }
                // the JSON is incomplete, so the reader waits for the announced rest that never comes
                return new Scenario(() -> stalled(json(200, t == FaultTarget.GET ? "{\"servers\":[{\"id\":\"asaas\","
                        : "{\"success\":true,\"data\":{\"id\":").setHeader("X-Request-Id", RID)),
                        Expect.fails(TimeoutError.class).code("timeout").status(0).requestId(RID).sent(true)
                                .attempts(t.attemptsAfterSend()), AFTER_HEAD);
            case SLOW_DRIP:
                if (t.stream) {
                    // every gap (20 ms) is far shorter than the idle timeout (400 ms), the whole stream (about
                    // 800 ms) longer: the stream lives on
                    return new Scenario(() -> t.ok().throttleBody(16, 20, TimeUnit.MILLISECONDS),
                            Expect.success(1, t.events()), Duration.ofMillis(400));
                }
                // the per-attempt timeout bounds a call from connect to the last byte, however alive the drip:
                // 8 KiB at 128 bytes every 15 ms, about 1 s (MockWebServer throttles the request body too, which
                // fits in one period)
                return new Scenario(() -> json(200, t == FaultTarget.GET
                        ? "{\"servers\":[],\"tools\":[],\"padding\":\"" + "x".repeat(8192) + "\"}"
                        : "{\"success\":true,\"data\":{\"padding\":\"" + "x".repeat(8192) + "\"}}")
                        .setHeader("X-Request-Id", RID).throttleBody(128, 15, TimeUnit.MILLISECONDS),
                        Expect.fails(TimeoutError.class).code("timeout").status(0).requestId(RID).sent(true)
                                .attempts(t.attemptsAfterSend()), AFTER_HEAD);
            case TRUNCATED_JSON:
                if (t.stream) {
                    String cut = t == FaultTarget.SEND_STREAM ? "event: done\ndata: {\"message\":\"Do"
                            : "event: snapshot\ndata: {\"tool_call_id\":\"tc1\",\"payment_sta";
                    return new Scenario(() -> sse(cut).setHeader("X-Request-Id", RID),
                            Expect.fails(StreamError.class).requestId(RID).afterStreamStarted(0)
                                    .message("not JSON"));
                }
                // a body that ends inside the JSON is a cut connection, retried like one
                return new Scenario(() -> json(200, "{\"success\":true,\"data\":{\"id\":\"pay_").setHeader(
                        "X-Request-Id", RID), Expect.fails(NetworkError.class).code("network_error").status(0)
                                .requestId(RID).sent(true).attempts(t.attemptsAfterSend()));
            case HTML_PROXY_ERROR_PAGE:
                // a proxy's 502: the server did not do the work, so every method is retried
                return new Scenario(() -> new MockResponse().setResponseCode(502)
                        .setHeader("Content-Type", "text/html; charset=utf-8")
                        .setBody("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                                + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
                                + "</body>\r\n</html>\r\n"),
                        Expect.fails(ProviderError.class).code(null).status(502).requestId(null)
                                .attempts(ALL_ATTEMPTS).message("not a JSON envelope (text/html"));
            case EMPTY_BODY_WITH_ERROR_STATUS:
                return new Scenario(() -> new MockResponse().setResponseCode(503).setHeader("X-Request-Id", RID),
                        Expect.fails(ServiceUnavailableError.class).code(null).status(503).requestId(RID)
                                .attempts(ALL_ATTEMPTS));
            case HUGE_BODY:
                if (t.stream) {
                    // one event larger than the SSE cap: the stream fails instead of buffering it all
                    return new Scenario(() -> new MockResponse().setHeader("Content-Type", "text/event-stream")
                            .setHeader("X-Request-Id", RID)
                            .setBody(new Buffer().writeUtf8("data: ").write(new byte[HUGE])),
                            Expect.fails(StreamError.class).requestId(RID).afterStreamStarted(0)
                                    .message("larger than"), Duration.ofSeconds(10));
                }
                // at most 64 KiB of an error body is read; 500 is not retried by default
                return new Scenario(() -> new MockResponse().setResponseCode(500)
                        .setHeader("Content-Type", "text/html").setHeader("X-Request-Id", RID)
                        .setBody(new Buffer().writeUtf8("<html>").write(new byte[HUGE])),
                        Expect.fails(InternalServerError.class).code(null).status(500).requestId(RID)
                                .attempts(1).message("over 65536 bytes"));
            case WRONG_CONTENT_TYPE:
                if (t.stream) {
                    // a JSON answer where an event stream was asked for: the server did the work, nothing to parse
                    return new Scenario(() -> json(200, "{\"message\":\"Done.\",\"tool_calls\":[]}")
                            .setHeader("X-Request-Id", RID),
                            Expect.fails(ApiError.class).code("invalid_response").status(200).requestId(RID)
                                    .attempts(1).message("text/event-stream"));
                }
                // a captive portal or a proxy's login page answering 200
                return new Scenario(() -> new MockResponse().setHeader("Content-Type", "text/html")
                        .setHeader("X-Request-Id", RID)
                        .setBody("<!doctype html><html><body>Sign in to the guest Wi-Fi</body></html>"),
                        Expect.fails(ApiError.class).code("invalid_response").status(200).requestId(RID)
                                .attempts(1));
            case SSE_CUT_BEFORE_TERMINAL_EVENT:
                if (!t.stream) {
                    return null;
                }
                return new Scenario(() -> sse(t.partial()).setHeader("X-Request-Id", RID),
                        Expect.fails(StreamError.class).requestId(RID).afterStreamStarted(t.partialEvents())
                                .message("ended before its terminal event"));
            case SSE_IDLE_BEYOND_TIMEOUT:
                if (!t.stream) {
                    return null;
                }
                return new Scenario(() -> stalled(sse(t.partial()).setHeader("X-Request-Id", RID)),
                        Expect.fails(StreamError.class).requestId(RID).afterStreamStarted(t.partialEvents())
                                .message("no data for 500 ms"), AFTER_HEAD);
            default:
                throw new AssertionError(fault);
        }
    }

    private static Expect sentButNoAnswer(FaultTarget t) {
        return Expect.fails(NetworkError.class).code("network_error").status(0).requestId(null).sent(true)
                .attempts(t.attemptsAfterSend())
                .message(t.idempotent ? "connection failed" : "may have processed it");
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Fault fault : Fault.values()) {
            for (FaultTarget target : FaultTarget.values()) {
                if (scenario(fault, target) == null) {
                    continue;
                }
                for (Mode mode : Mode.values()) {
                    out.add(Arguments.of(fault, target, mode));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}, {2}")
    @MethodSource("cases")
    void eachFaultGivesTheTypedErrorTheRightRetriesAndLeaksNothing(Fault fault, FaultTarget target, Mode mode) {
        Scenario scenario = scenario(fault, target);
        Set<Thread> before = Leaks.threads();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run(scenario, target, mode));
        Leaks.assertNoThreadLeftBehind(before);
    }

    private void run(Scenario scenario, FaultTarget target, Mode mode) throws Exception {
        MockWebServer server = FastServer.create();
        QueueDispatcher queue = new QueueDispatcher();
        queue.setFailFast(true); // one attempt too many is a 404 the assertions name, never a hang
        server.setDispatcher(queue);
        server.start();
        CodeSparClient client = Fixtures.builder(server, new FakeTiming())
                .maxRetries(RETRIES)
                .timeout(scenario.timeout())
                .sendStreamIdleTimeout(scenario.timeout())
                .statusStreamIdleTimeout(scenario.timeout())
                .build();
        try {
            Session session = Fixtures.session(client, server);
            // every row starts on a fresh connection, so that connection-level faults hit the target call
            client.transport().okHttpClient().connectionPool().evictAll();
            if (scenario.answer() == null) {
                server.shutdown();
            } else {
                for (int i = 0; i <= ALL_ATTEMPTS; i++) {
                    server.enqueue(scenario.answer().get());
                }
            }

            Outcome outcome = call(session, target, mode, scenario.timeout());

            check(outcome, scenario.expect(), target);
            assertThat(server.getRequestCount() - 1).as("requests the server saw").isEqualTo(
                    scenario.expect().requests);
            if (target == FaultTarget.POST && scenario.answer() != null) {
                RecordedRequest sent = server.takeRequest(1, TimeUnit.SECONDS);
                if (sent != null && sent.getRequestLine().startsWith("POST")) {
                    assertThat(sent.getBody().readUtf8()).contains("\"amount\":1000");
                }
            }
            Leaks.assertNoConnectionCheckedOut(client);
        } finally {
            client.close();
            server.shutdown();
        }
        okhttp3.Dispatcher dispatcher = client.transport().okHttpClient().dispatcher();
        assertThat(Leaks.await(() -> dispatcher.runningCallsCount() == 0, Leaks.DEADLINE))
                .as("no call left running").isTrue();
    }

    /** What the call ended with: the events it delivered, and the exception it threw, if any. */
    record Outcome(int events, Throwable error) {}

    private static Outcome call(Session session, FaultTarget target, Mode mode, Duration idle) {
        int events = 0;
        try {
            switch (target) {
                case GET:
                    if (mode == Mode.BLOCKING) {
                        session.connections();
                    } else {
                        session.connectionsAsync().get(20, TimeUnit.SECONDS);
                    }
                    return new Outcome(0, null);
                case POST:
                    if (mode == Mode.BLOCKING) {
                        session.execute("codespar_pay", PAYMENT);
                    } else {
                        session.executeAsync("codespar_pay", PAYMENT).get(20, TimeUnit.SECONDS);
                    }
                    return new Outcome(0, null);
                case SEND_STREAM:
                    try (EventStream<StreamEvent> stream = mode == Mode.BLOCKING ? session.withOptions(TestSupport.idle(idle)).sendStream("hi")
                            : session.withOptions(TestSupport.idle(idle)).sendStreamAsync("hi").get(20, TimeUnit.SECONDS)) {
                        for (StreamEvent e : stream) {
                            events++;
                        }
                    }
                    return new Outcome(events, null);
                default:
                    try (EventStream<StatusEvent<PaymentStatusResult>> stream = mode == Mode.BLOCKING
                            ? session.withOptions(TestSupport.idle(idle)).toolCalls().paymentStatusStream("tc1")
                            : session.withOptions(TestSupport.idle(idle)).toolCalls().paymentStatusStreamAsync("tc1").get(20, TimeUnit.SECONDS)) {
                        for (StatusEvent<PaymentStatusResult> e : stream) {
                            events++;
                        }
                    }
                    return new Outcome(events, null);
            }
        } catch (ExecutionException | CompletionException e) {
            return new Outcome(events, e.getCause());
        } catch (Throwable t) {
            return new Outcome(events, t);
        }
    }

    private static void check(Outcome outcome, Expect expect, FaultTarget target) {
        if (expect.type == null) {
            assertThat(outcome.error()).as("the call succeeds").isNull();
            assertThat(outcome.events()).as("events delivered").isEqualTo(expect.events);
            return;
        }
        Throwable error = outcome.error();
        assertThat(error).as("the error").isNotNull().isExactlyInstanceOf(expect.type)
                .isInstanceOf(CodeSparException.class);
        if (expect.message != null) {
            assertThat(error.getMessage()).contains(expect.message);
        }
        assertThat(error.getMessage()).doesNotContain(TestSupport.KEY).doesNotContain(Fixtures.KEY);
        if (error instanceof ApiError api) {
            if (expect.code != null || expect.type != ApiError.class) {
                assertThat(api.getCode()).as("code").isEqualTo(expect.code);
            }
            if (expect.status != null) {
                assertThat(api.getStatus()).as("status").isEqualTo(expect.status);
            }
            if (expect.checkRequestId) {
                assertThat(api.getRequestId()).as("request id").isEqualTo(expect.requestId);
            }
            if (expect.attempts != null) {
                assertThat(api.getAttempts()).as("attempts").isEqualTo(expect.attempts);
            }
        }
        if (error instanceof NetworkError network && expect.sent != null) {
            assertThat(network.wasRequestSent()).as("wasRequestSent").isEqualTo(expect.sent);
        }
        if (error instanceof StreamError stream) {
            assertThat(stream.getRequestId()).as("request id").isEqualTo(expect.requestId);
            if (expect.delivered == SOME) {
                assertThat(stream.getEventsDelivered()).as("events delivered").isLessThan(target.events());
            } else {
                assertThat(stream.getEventsDelivered()).as("events delivered").isEqualTo(expect.delivered);
            }
            assertThat((long) outcome.events()).as("events the caller saw").isEqualTo(stream.getEventsDelivered());
        }
    }

    static MockResponse json(int status, String body) {
        return TestSupport.json(status, body);
    }

    static MockResponse sse(String body) {
        return new MockResponse().setHeader("Content-Type", "text/event-stream").setBody(body);
    }

    /** The answer's head and body go out, then the connection stays open with more bytes announced than sent. */
    static MockResponse stalled(MockResponse answer) {
        Buffer body = answer.getBody();
        long size = body == null ? 0 : body.size();
        return answer.setHeader("Content-Length", size + 4096);
    }
}
