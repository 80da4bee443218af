package dev.codespar.testkit.internal.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.testkit.Dialect;
import dev.codespar.testkit.internal.http.HttpRequest;
import dev.codespar.testkit.internal.wire.CallContext;
import dev.codespar.testkit.internal.wire.Ids;
import dev.codespar.testkit.internal.wire.Json;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One request as the route handlers see it: parsed once, with the request id of its answer. */
public final class Exchange implements CallContext {

    /** The request as read. */
    public final HttpRequest raw;
    /** The method, upper case. */
    public final String method;
    /** The encoded path, without the query. */
    public final String path;
    /** The encoded query, or {@code null}. */
    public final String query;
    /** The decoded path segments, a trailing empty one removed. */
    public final List<String> segments;
    /** The body parsed as JSON, or {@code null} (also for a body the runtime's framework does not parse). */
    public JsonNode json;
    /** When the fake received it (the fake's clock). */
    public final Instant receivedAt;
    /** The {@code tool} of an execute request, or {@code null}. */
    public final String tool;
    private final String requestId;
    private final Dialect dialect;
    private final Map<String, String> params = new HashMap<>();
    private String key;

    /**
     * Parses a request.
     *
     * @param raw the request
     * @param receivedAt the fake's time
     * @param dialect the dialect answering
     */
    public Exchange(HttpRequest raw, Instant receivedAt, Dialect dialect) {
        this.raw = raw;
        this.method = raw.method();
        this.path = raw.url() == null ? raw.target() : raw.url().encodedPath();
        this.query = raw.url() == null ? null : raw.url().encodedQuery();
        List<String> segs = raw.url() == null ? List.of() : raw.url().pathSegments();
        if (dialect == Dialect.HOSTED && !segs.isEmpty() && segs.get(segs.size() - 1).isEmpty()) {
            segs = segs.subList(0, segs.size() - 1);   // the runtime's router matches exactly; hosted forgives "/"
        }
        this.segments = segs;
        this.json = Json.parse(raw.body());
        this.requestId = Ids.hex("req_", 16);
        this.receivedAt = receivedAt;
        this.dialect = dialect;
        this.tool = isExecute() && json != null ? Json.string(json, "tool") : null;
    }

    private boolean isExecute() {
        int n = segments.size();
        return method.equals("POST") && n >= 3 && segments.get(n - 1).equals("execute")
                && segments.get(n - 3).equals("sessions");
    }

    @Override
    public String requestId() {
        return requestId;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    /** @return whether {@code Accept} asks for an event stream */
    public boolean wantsEventStream() {
        String accept = raw.header("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/event-stream");
    }

    /** @return the bearer token, or {@code null}; never logged, never recorded */
    public String bearer() {
        String auth = raw.header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String k = auth.substring(7).strip();
        return k.isEmpty() ? null : k;
    }

    /**
     * Its value, or {@code null}.
     *
     * @param name a header
     * @return its value, or {@code null}
     */
    public String header(String name) {
        return raw.header(name);
    }

    /**
     * Its decoded value.
     *
     * @param name a path parameter of the route
     * @return its decoded value
     */
    public String param(String name) {
        return params.get(name);
    }

    /**
     * Its first decoded value, or {@code null}.
     *
     * @param name a query parameter
     * @return its first decoded value, or {@code null}
     */
    public String queryParam(String name) {
        return raw.url() == null ? null : raw.url().queryParameter(name);
    }

    /** @return the accepted key of the request, once authenticated */
    public String key() {
        return key;
    }

    void ignoreJson() {
        json = null;
    }

    void key(String value) {
        this.key = value;
    }

    void params(Map<String, String> values) {
        params.clear();
        params.putAll(values);
    }

    /** @return the body as UTF-8 text */
    public String bodyText() {
        return raw.bodyText();
    }
}
