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
 * or key, the body checks the runtime's web framework makes before any handler, and the response headers.
 */
final class WireFormat {

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

    /** Hosted: a 404 {@code not_found}; runtime: the web framework's own 404. */
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

    Answer unauthorized(Exchange ex) {
        if (dialect == Dialect.HOSTED) {
            return Answer.error(ex, "unauthorized", 401, "Missing or invalid API key: send Authorization: Bearer"
                    + " csk_... with a key of this organisation");
        }
        return Answer.failure(401, null, Json.object().put("error", "Missing or invalid Bearer token"));
    }

    /**
     * The runtime's web framework parses a JSON body before the handler runs: an empty or malformed one (or a
     * media type it has no parser for) is a 400 or 415 in the framework's own shape. Hosted: {@code null}; the
     * handlers check bodies themselves.
     */
    Answer unparsableBody(Exchange ex) {
        if (dialect == Dialect.HOSTED) {
            return null;
        }
        boolean bodyMethod = List.of("POST", "PUT", "PATCH").contains(ex.method);
        boolean maybeBody = ex.method.equals("DELETE") || ex.method.equals("OPTIONS");
        String type = ex.header("Content-Type");
        boolean framed = ex.header("Content-Length") != null || ex.header("Transfer-Encoding") != null;
        if (!(bodyMethod || (maybeBody && type != null && framed))) {
            return null;
        }
        byte[] body = ex.raw.body();
        if (type == null) {
            return body.length == 0 ? null : framework(415, "FST_ERR_CTP_INVALID_MEDIA_TYPE", "Unsupported Media Type",
                    "Unsupported Media Type");
        }
        String media = type.toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (media.equals("text/plain")) {
            return null;
        }
        if (!media.equals("application/json")) {
            return framework(415, "FST_ERR_CTP_INVALID_MEDIA_TYPE", "Unsupported Media Type",
                    "Unsupported Media Type");
        }
        if (body.length == 0) {
            return framework(400, "FST_ERR_CTP_EMPTY_JSON_BODY", "Bad Request",
                    "Body cannot be empty when content-type is set to 'application/json'");
        }
        try {
            Json.MAPPER.readTree(body);
            return null;
        } catch (IOException e) {
            String text = ex.bodyText();
            return framework(400, null, "Bad Request", "Unexpected token in JSON: \""
                    + (text.length() > 30 ? text.substring(0, 30) + "..." : text) + "\" is not valid JSON");
        }
    }

    private static Answer framework(int status, String code, String error, String message) {
        ObjectNode body = Json.object();
        body.put("statusCode", status);
        if (code != null) {
            body.put("code", code);
        }
        body.put("error", error);
        body.put("message", message);
        return Answer.failure(status, code, body);
    }

    String contentTypeName() {
        return dialect == Dialect.HOSTED ? "Content-Type" : "content-type";
    }

    /** Every JSON answer's headers: a date; hosted adds its request id, the runtime its API version. */
    List<Map.Entry<String, String>> baseHeaders(Exchange ex) {
        List<Map.Entry<String, String>> h = Dispatcher.list();
        if (dialect == Dialect.HOSTED) {
            h.add(Map.entry("X-Request-Id", ex.requestId()));
            h.add(Map.entry("Date", Dispatcher.httpDate()));
        } else {
            h.add(Map.entry("vary", "Origin"));
            String origin = ex.header("Origin");
            if (origin != null) {
                h.add(Map.entry("access-control-allow-origin", origin));
            }
            h.add(Map.entry("x-api-version", "v1"));
            h.add(Map.entry("Date", Dispatcher.httpDate()));
            h.add(Map.entry("Connection", "keep-alive"));
            h.add(Map.entry("Keep-Alive", "timeout=72"));
        }
        return h;
    }

    /** An event stream's head: the three SSE headers (hosted: and its request id). */
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
