package dev.codespar.testkit;

import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fake's request handling: journal, injected failures, authentication, routing, then the answer framed as JSON
 * or as a live event stream.
 */
final class FakeDispatcher extends Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(FakeCodeSpar.class);

    private static final String HTML_502 = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(204, "No Content"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(409, "Conflict"), Map.entry(413, "Payload Too Large"),
            Map.entry(422, "Unprocessable Entity"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"),
            Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    private final FakeState state;
    private final RequestJournal journal;
    private final Set<Socket> liveSockets = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    FakeDispatcher(FakeState state, RequestJournal journal) {
        this.state = state;
        this.journal = journal;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        Exchange ex = new Exchange(request, state.now());
        if (closed) {
            return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
        }
        Injection inj = ex.isApi() ? state.takeInjection(ex.method, ex.path, ex.tool) : null;
        Fault fault = inj == null ? null : inj.fault();
        Answer answer = null;
        try {
            boolean skipWork = inj != null && !inj.isAfterProcessing() && (fault == null
                    || fault == Fault.DISCONNECT_BEFORE_RESPONSE || fault == Fault.STALL || fault == Fault.HTML_502);
            if (!skipWork) {
                answer = route(ex);
            }
            if (inj != null && fault == null) {
                answer = state.injectedError(inj, ex);
            }
        } catch (RuntimeException e) {
            LOG.error("FakeCodeSpar failed on {} {}", ex.method, ex.path, e);
            answer = Answer.error(ex, "internal_error", 500, "FakeCodeSpar failed: " + e);
        }
        return respond(ex, answer, inj, fault);
    }

    private Answer route(Exchange ex) {
        try {
            return handle(ex);
        } catch (Refusal refused) {
            return refused.answer;
        }
    }

    private Answer handle(Exchange ex) {
        List<String> seg = ex.segments;
        if (!seg.isEmpty() && seg.get(seg.size() - 1).isEmpty()) {
            seg = seg.subList(0, seg.size() - 1);
        }
        String m = ex.method;
        if (!ex.isApi()) {
            if (m.equals("GET") && seg.size() == 2 && seg.get(0).equals("connect")) {
                return state.connectPage(ex, seg.get(1));
            }
            return notFound(ex);
        }
        String key = ex.bearer();
        if (key == null || !key.startsWith("csk_")) {
            return Answer.error(ex, "unauthorized", 401, "Missing or invalid Bearer token: send Authorization: Bearer"
                    + " csk_...");
        }
        int n = seg.size();
        if (n >= 2 && seg.get(1).equals("sessions")) {
            if (n == 2 && m.equals("POST")) {
                return state.createSession(ex, key);
            }
            if (n == 3 && m.equals("DELETE")) {
                return state.closeSession(ex, seg.get(2));
            }
            if (n == 3 && m.equals("GET")) {
                return state.getSession(ex, seg.get(2));
            }
            if (n == 4 && m.equals("POST")) {
                String id = seg.get(2);
                switch (seg.get(3)) {
                    case "close":
                        return state.closeSession(ex, id);
                    case "execute":
                        return state.execute(ex, id);
                    case "proxy_execute":
                        return state.proxyExecute(ex, id);
                    case "send":
                        return state.send(ex, id, ex.wantsEventStream());
                    default:
                        return notFound(ex);
                }
            }
            if (n == 4 && m.equals("GET") && seg.get(3).equals("connections")) {
                return state.connections(ex, seg.get(2));
            }
        }
        if (n == 3 && m.equals("POST") && seg.get(1).equals("connect") && seg.get(2).equals("start")) {
            return state.connectStart(ex);
        }
        if ((n == 4 || n == 5) && m.equals("GET") && seg.get(1).equals("tool-calls")
                && (n == 4 || seg.get(4).equals("stream"))) {
            boolean stream = n == 5;
            switch (seg.get(3)) {
                case "payment-status":
                    return state.status(ex, seg.get(2), ToolCallRecord.Kind.PAYMENT, stream);
                case "verification-status":
                    return state.status(ex, seg.get(2), ToolCallRecord.Kind.VERIFICATION, stream);
                default:
                    break;
            }
        }
        return notFound(ex);
    }

    private static Answer notFound(Exchange ex) {
        return Answer.error(ex, "not_found", 404, "No such endpoint: " + ex.method + " " + ex.path);
    }

    // ---------------------------------------------------------------- framing

    private MockResponse respond(Exchange ex, Answer answer, Injection inj, Fault fault) {
        boolean injected = inj != null;
        if (fault == Fault.DISCONNECT_BEFORE_RESPONSE) {
            record(ex, 0, null, injected, fault);
            return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
        }
        if (fault == Fault.HTML_502) {
            record(ex, 502, null, injected, fault);
            return new MockResponse().setStatus("HTTP/1.1 502 Bad Gateway")
                    .setHeader("Content-Type", "text/html")
                    .setHeader("X-Request-Id", ex.requestId)
                    .setBody(HTML_502);
        }
        if (answer == null || (fault == Fault.STALL && answer.stream == null)) {
            record(ex, 0, null, injected, fault);
            return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
        }
        if (answer.stream != null) {
            Socket socket = TrackedSockets.current();
            if (socket == null) {
                Answer broken = Answer.error(ex, "internal_error", 500,
                        "FakeCodeSpar could not take over the connection to stream");
                record(ex, 500, "internal_error", injected, fault);
                return toMock(ex, broken);
            }
            record(ex, 200, null, injected, fault);
            stream(ex, socket, answer.stream, inj, fault);
            return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
        }
        MockResponse response = toMock(ex, answer);
        if (fault == Fault.DISCONNECT_MID_BODY) {
            response.setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY);
        } else if (fault == Fault.SLOW_DRIP) {
            response.throttleBody(inj.dripBytes(), inj.dripPeriod().toMillis(), TimeUnit.MILLISECONDS);
        } else if (fault == Fault.TRUNCATE_STREAM && answer.body != null) {
            byte[] bytes = Wire.bytes(answer.body);
            response.setBody(new Buffer().write(bytes, 0, bytes.length / 2));
        }
        record(ex, answer.status, answer.errorCode, injected, fault);
        return response;
    }

    private static MockResponse toMock(Exchange ex, Answer answer) {
        MockResponse r = new MockResponse()
                .setStatus("HTTP/1.1 " + answer.status + " " + REASONS.getOrDefault(answer.status, "Status"))
                .setHeader("X-Request-Id", ex.requestId);
        answer.headers.forEach(r::setHeader);
        if (answer.body != null) {
            r.setHeader("Content-Type", "application/json; charset=utf-8");
            r.setBody(new Buffer().write(Wire.bytes(answer.body)));
        }
        return r;
    }

    private void stream(Exchange ex, Socket socket, SsePlan plan, Injection inj, Fault fault) {
        liveSockets.add(socket);
        try {
            long drip = fault == Fault.SLOW_DRIP ? inj.dripBytes() : 0;
            long dripMillis = fault == Fault.SLOW_DRIP ? inj.dripPeriod().toMillis() : 0;
            plan.run(new SseSink(socket, ex.requestId, drip, dripMillis), fault);
        } catch (IOException e) {
            LOG.debug("stream {} {} ended early: {}", ex.method, ex.path, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            liveSockets.remove(socket);
        }
    }

    private void record(Exchange ex, int status, String code, boolean injected, Fault fault) {
        journal.append(ex.receivedAt, ex.method, ex.path, ex.query, masked(ex.raw.getHeaders()), ex.bodyText(), status,
                code, ex.requestId, ex.tool, injected, fault);
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} -> {} {} {}", ex.method, ex.path, status == 0 ? "no answer" : status,
                    code == null ? "" : code, ex.requestId);
        }
    }

    /** The headers with the key masked: {@code Bearer csk_test_…****}. */
    static Headers masked(Headers headers) {
        Headers.Builder b = new Headers.Builder();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            String value = headers.value(i);
            b.addUnsafeNonAscii(name, name.equalsIgnoreCase("Authorization") ? mask(value) : value);
        }
        return b.build();
    }

    static String mask(String authorization) {
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "****";
        }
        String key = authorization.substring(7).strip();
        String prefix;
        if (key.startsWith("csk_test_")) {
            prefix = "csk_test_";
        } else if (key.startsWith("csk_live_")) {
            prefix = "csk_live_";
        } else if (key.startsWith("csk_")) {
            prefix = "csk_";
        } else {
            prefix = "";
        }
        return "Bearer " + prefix + "\u2026****";
    }

    /** Ends every stream and refuses further requests. */
    void close() {
        closed = true;
        state.stopStreams();
        for (Socket s : liveSockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }
    }

    @Override
    public void shutdown() {
        // the fake's own close() does the work
    }
}
