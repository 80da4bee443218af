package dev.codespar.testkit.internal.routes;

import dev.codespar.testkit.Dialect;
import dev.codespar.testkit.Fault;
import dev.codespar.testkit.RecordedCall;
import dev.codespar.testkit.internal.http.ChunkedSink;
import dev.codespar.testkit.internal.http.HttpReply;
import dev.codespar.testkit.internal.http.HttpRequest;
import dev.codespar.testkit.internal.http.RequestHandler;
import dev.codespar.testkit.internal.http.Responder;
import dev.codespar.testkit.internal.program.InjectionRule;
import dev.codespar.testkit.internal.program.Journal;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.wire.Answer;
import dev.codespar.testkit.internal.wire.Json;
import dev.codespar.testkit.internal.wire.Refusal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fake's request handling: injected failures, the dialect's routing table, authentication, the handler (under
 * the world's lock), then the answer framed as JSON or as a live event stream, and the journal entry.
 */
public final class Dispatcher implements RequestHandler {

    private static final Logger LOG = LoggerFactory.getLogger("dev.codespar.testkit.FakeCodeSpar");

    private static final String HTML_502 = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    private final World world;
    private final Journal journal;
    private final Router router;
    private final WireFormat format;
    private volatile boolean closed;

    /**
     * A dispatcher.
     *
     * @param world the state
     * @param journal where requests are recorded
     * @param router the dialect's routing table
     */
    public Dispatcher(World world, Journal journal, Router router) {
        this.world = world;
        this.journal = journal;
        this.router = router;
        this.format = new WireFormat(world.config.dialect());
    }

    @Override
    public void handle(HttpRequest request, Responder responder) throws IOException {
        Exchange ex = new Exchange(request, world.now(), world.config.dialect());
        if (closed) {
            responder.drop();
            return;
        }
        InjectionRule inj = format.isApi(ex) ? world.program.take(ex.method, ex.path, ex.tool) : null;
        Fault fault = inj == null ? null : inj.fault();
        Answer answer = null;
        try {
            boolean skipWork = inj != null && !inj.isAfterProcessing() && (fault == null
                    || fault == Fault.DISCONNECT_BEFORE_RESPONSE || fault == Fault.STALL || fault == Fault.HTML_502);
            if (!skipWork) {
                answer = route(ex);
            }
            if (inj != null && fault == null) {
                synchronized (world) {
                    answer = Injected.error(world, inj, ex);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("FakeCodeSpar failed on {} {}", ex.method, ex.path, e);
            answer = Answer.error(ex, "internal_error", 500, "FakeCodeSpar failed: " + e);
        }
        respond(ex, answer, inj, fault, responder);
    }

    private Answer route(Exchange ex) {
        Answer preflight = format.preflight(ex);
        if (preflight != null) {
            return preflight;
        }
        Router.Match match = router.match(ex.method, ex.segments);
        if (match == null) {
            return format.noRoute(ex);
        }
        Answer unparsable = format.unparsableBody(ex);
        if (unparsable != null) {
            return unparsable;
        }
        ex.params(match.params());
        synchronized (world) {
            if (match.route().access() == Router.Access.KEY) {
                String key = format.bearer(ex);
                if (world.keyEnvironment(key) == null) {
                    return format.unauthorized(ex);
                }
                ex.key(key);
            }
            try {
                return match.route().handler().handle(ex);
            } catch (Refusal refused) {
                return refused.answer;
            }
        }
    }

    private void respond(Exchange ex, Answer answer, InjectionRule inj, Fault fault, Responder responder)
            throws IOException {
        boolean injected = inj != null;
        if (fault == Fault.DISCONNECT_BEFORE_RESPONSE) {
            record(ex, 0, null, injected, fault);
            responder.drop();
            return;
        }
        if (fault == Fault.HTML_502) {
            record(ex, 502, null, injected, fault);
            responder.send(HttpReply.of(502, format.pageHeaders(ex, "text/html"),
                    HTML_502.getBytes(StandardCharsets.US_ASCII)));
            return;
        }
        if (answer == null || (fault == Fault.STALL && answer.stream == null)) {
            record(ex, 0, null, injected, fault);
            responder.stall();
            return;
        }
        if (answer.stream != null) {
            record(ex, 200, null, injected, fault);
            long drip = fault == Fault.SLOW_DRIP ? inj.dripBytes() : 0;
            long dripMillis = fault == Fault.SLOW_DRIP ? inj.dripPeriod().toMillis() : 0;
            ChunkedSink sink = responder.openStream(200, format.streamHeaders(ex), drip, dripMillis);
            try {
                answer.stream.run(sink, fault);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                sink.abort();
            } catch (IOException e) {
                LOG.debug("stream {} {} ended early: {}", ex.method, ex.path, e.toString());
                sink.abort();
            }
            return;
        }
        byte[] body = answer.body == null ? null : Json.bytes(answer.body);
        HttpReply reply = HttpReply.of(answer.status, format.jsonHeaders(ex, answer, body != null), body);
        if (fault == Fault.DISCONNECT_MID_BODY) {
            reply = reply.damaged(HttpReply.Damage.CUT_MID_BODY, 0, Duration.ZERO);
        } else if (fault == Fault.SLOW_DRIP) {
            reply = reply.damaged(HttpReply.Damage.DRIP, inj.dripBytes(), inj.dripPeriod());
        } else if (fault == Fault.TRUNCATE_STREAM && body != null) {
            reply = reply.damaged(HttpReply.Damage.TRUNCATE, 0, Duration.ZERO);
        }
        record(ex, answer.status, answer.errorCode, injected, fault);
        if ("close".equals(answer.headers.get("connection"))) {
            responder.closeAfter();
        }
        responder.send(reply);
    }

    private void record(Exchange ex, int status, String code, boolean injected, Fault fault) {
        String requestId = ex.dialect() == Dialect.HOSTED ? ex.requestId() : null;
        journal.append(new RecordedCall(journal.nextSequence(), ex.receivedAt, ex.method, ex.path, ex.query,
                masked(ex.raw.headers()), ex.bodyText(), status, code, requestId, ex.tool, injected, fault));
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} -> {} {} {}", ex.method, ex.path, status == 0 ? "no answer" : status,
                    code == null ? "" : code, requestId == null ? "" : requestId);
        }
    }

    /**
     * The headers with the key masked: {@code Bearer csk_test_…****}.
     *
     * @param headers request headers
     * @return a copy, safe to print
     */
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

    /** Refuses further requests (open streams are ended by the world). */
    public void close() {
        closed = true;
    }

    static String httpDate() {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.ZonedDateTime.now(ZoneOffset.UTC));
    }

    static List<Map.Entry<String, String>> list() {
        return new ArrayList<>();
    }
}
