package dev.codespar.testkit.internal.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.Dialect;
import dev.codespar.testkit.internal.wire.Answer;
import dev.codespar.testkit.internal.wire.Json;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What differs between the dialects around the handlers: which paths are the API, the answer to a missing route
 * or key, the checks the runtime's web framework (Fastify 5) makes before any handler, and the response headers in
 * the order each server writes them.
 */
final class WireFormat {

    /** The runtime's web framework refuses bodies over 1 MiB. */
    private static final int RUNTIME_BODY_LIMIT = 1024 * 1024;

    private final Dialect dialect;

    WireFormat(Dialect dialect) {
        this.dialect = dialect;
    }

    boolean isApi(Exchange ex) {
        if (ex.segments.isEmpty()) {
            return false;
        }
        String first = ex.segments.get(0);
        return first.equals("v1") || (dialect == Dialect.RUNTIME && first.equals("sessions"));
    }

    /** Hosted: a 404 {@code not_found}; runtime: the web framework's own 404 (key order message, error, status). */
    Answer noRoute(Exchange ex) {
        if (dialect == Dialect.HOSTED) {
            return Answer.error(ex, "not_found", 404, "No such endpoint: " + ex.method + " " + ex.path);
        }
        ObjectNode body = Json.object();
        body.put("message", "Route " + ex.method + ":" + ex.raw.target() + " not found");
        body.put("error", "Not Found");
        body.put("statusCode", 404);
        return Answer.failure(404, null, body);
    }

    /** The runtime answers a CORS preflight on any path before routing. */
    Answer preflight(Exchange ex) {
        if (dialect != Dialect.RUNTIME || !ex.method.equals("OPTIONS")) {
            return null;
        }
        return Answer.noContent().header("access-control-allow-methods", "GET,HEAD,POST");
    }

    /**
     * The key of the request: hosted reads any {@code Bearer} spelling; the runtime wants exactly {@code Bearer }.
     */
    String bearer(Exchange ex) {
        if (dialect == Dialect.HOSTED) {
            return ex.bearer();
        }
        String auth = ex.header("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            return null;
        }
        String key = auth.substring(7).strip();
        return key.isEmpty() ? null : key;
    }

    Answer unauthorized(Exchange ex) {
        if (dialect == Dialect.HOSTED) {
            return Answer.error(ex, "unauthorized", 401, "Missing or invalid API key: send Authorization: Bearer"
                    + " csk_... with a key of this organisation");
        }
        return Answer.failure(401, null, Json.object().put("error", "Missing or invalid Bearer token"));
    }

    /**
     * The runtime's web framework parses a JSON body before the handler runs: an oversized, empty or malformed
     * one (or a media type it has no parser for) is a 400, 413 or 415 in the framework's own shape, and the
     * connection is closed. Only {@code application/json} is parsed; a {@code text/plain} body reaches the handler
     * as text, so it carries no JSON. Hosted: {@code null}; the handlers check bodies themselves.
     */
    Answer unparsableBody(Exchange ex) {
        if (dialect == Dialect.HOSTED) {
            return null;
        }
        boolean bodyMethod = List.of("POST", "PUT", "PATCH", "DELETE", "OPTIONS").contains(ex.method);
        String type = ex.header("Content-Type");
        byte[] body = ex.raw.body();
        if (!bodyMethod || (type == null && body.length == 0)) {
            ex.ignoreJson();
            return null;
        }
        if (body.length > RUNTIME_BODY_LIMIT) {
            return framework(413, "FST_ERR_CTP_BODY_TOO_LARGE", "Payload Too Large", "Request body is too large");
        }
        String media = type == null ? "" : type.toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (media.equals("text/plain")) {
            ex.ignoreJson();
            return null;
        }
        if (!media.equals("application/json")) {
            return framework(415, "FST_ERR_CTP_INVALID_MEDIA_TYPE", "Unsupported Media Type",
                    "Unsupported Media Type: " + (type == null ? "" : type));
        }
        if (body.length == 0) {
            return framework(400, "FST_ERR_CTP_EMPTY_JSON_BODY", "Bad Request",
                    "Body cannot be empty when content-type is set to 'application/json'");
        }
        try {
            Json.MAPPER.readTree(body);
            return null;
        } catch (IOException e) {
            return framework(400, "FST_ERR_CTP_INVALID_JSON_BODY", "Bad Request",
                    "Body is not valid JSON but content-type is set to 'application/json'");
        }
    }

    private static Answer framework(int status, String code, String error, String message) {
        ObjectNode body = Json.object();
        body.put("statusCode", status);
        body.put("code", code);
        body.put("error", error);
        body.put("message", message);
        return Answer.failure(status, code, body).header("connection", "close");
    }

    /**
     * A JSON answer's headers, {@code Content-Length} marking where the writer puts the length. Hosted: content
     * type, length, request id, date, then the answer's own. Runtime: as Fastify on Node writes them.
     */
    List<Map.Entry<String, String>> jsonHeaders(Exchange ex, Answer answer, boolean hasBody) {
        List<Map.Entry<String, String>> h = Dispatcher.list();
        boolean close = "close".equals(answer.headers.get("connection"));
        if (dialect == Dialect.HOSTED) {
            if (hasBody) {
                h.add(Map.entry("Content-Type", "application/json; charset=utf-8"));
            }
            h.add(Map.entry("Content-Length", ""));
            h.add(Map.entry("X-Request-Id", ex.requestId()));
            h.add(Map.entry("Date", Dispatcher.httpDate()));
            answer.headers.forEach((k, v) -> h.add(Map.entry(k, v)));
            return h;
        }
        h.add(Map.entry("vary", "Origin"));
        String origin = ex.header("Origin");
        if (origin != null) {
            h.add(Map.entry("access-control-allow-origin", origin));
        }
        answer.headers.forEach((k, v) -> {
            if (!k.equals("connection")) {
                h.add(Map.entry(k.toLowerCase(Locale.ROOT), v));
            }
        });
        if (hasBody) {
            h.add(Map.entry("content-type", "application/json; charset=utf-8"));
        }
        h.add(Map.entry("x-api-version", "v1"));
        h.add(Map.entry("content-length", ""));
        h.add(Map.entry("Date", Dispatcher.httpDate()));
        h.add(Map.entry("Connection", close ? "close" : "keep-alive"));
        if (!close) {
            h.add(Map.entry("Keep-Alive", "timeout=72"));
        }
        return h;
    }

    /** A plain answer's headers (the proxy's HTML page): type, length, date. */
    List<Map.Entry<String, String>> pageHeaders(Exchange ex, String contentType) {
        List<Map.Entry<String, String>> h = Dispatcher.list();
        h.add(Map.entry("Content-Type", contentType));
        h.add(Map.entry("Content-Length", ""));
        h.add(Map.entry("Date", Dispatcher.httpDate()));
        return h;
    }

    /**
     * An event stream's head: the three SSE headers (hosted: and its request id). The runtime writes them straight
     * to the socket, past its framework's hooks, so no API version or CORS header.
     */
    List<Map.Entry<String, String>> streamHeaders(Exchange ex) {
        List<Map.Entry<String, String>> h = Dispatcher.list();
        h.add(Map.entry("Content-Type", "text/event-stream"));
        h.add(Map.entry("Cache-Control", "no-cache"));
        h.add(Map.entry("Connection", "keep-alive"));
        if (dialect == Dialect.HOSTED) {
            h.add(Map.entry("X-Request-Id", ex.requestId()));
        }
        h.add(Map.entry("Date", Dispatcher.httpDate()));
        return h;
    }
}
