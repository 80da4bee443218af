package dev.codespar.internal.http;

import dev.codespar.internal.json.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One CodeSpar API request as the SDK describes it: method, path under {@code /v1}, query, JSON body and the few
 * headers that vary by call. Immutable; the body is serialized once, so every retry sends the same bytes.
 */
public final class ApiRequest {

    /** {@code Accept} value of JSON calls. */
    public static final String JSON = "application/json";
    /** {@code Accept} value of server-sent event streams. */
    public static final String EVENT_STREAM = "text/event-stream";

    private final String method;
    private final List<String> segments;
    private final Map<String, String> query;
    private final byte[] body;
    private final String accept;
    private final String projectId;
    private final boolean movesMoney;
    private final boolean secretPath;

    private ApiRequest(String method, List<String> segments, Map<String, String> query, byte[] body, String accept,
            String projectId, boolean movesMoney, boolean secretPath) {
        this.method = method;
        this.segments = segments;
        this.query = query;
        this.body = body;
        this.accept = accept;
        this.projectId = projectId;
        this.movesMoney = movesMoney;
        this.secretPath = secretPath;
    }

    /**
     * A request to {@code /v1/<segments...>}; each segment is percent-encoded when the URL is built.
     *
     * @param method the HTTP method
     * @param segments the path segments after {@code /v1}
     * @return the request, with {@code Accept: application/json} and no body
     */
    public static ApiRequest of(String method, String... segments) {
        return new ApiRequest(method, List.of(segments), Map.of(), null, JSON, null, false, false);
    }

    /**
     * {@code GET /v1/<segments...>}.
     *
     * @param segments the path segments
     * @return the request
     */
    public static ApiRequest get(String... segments) {
        return of("GET", segments);
    }

    /**
     * {@code POST /v1/<segments...>} with a JSON body.
     *
     * @param body the value to serialize, or {@code null} for an empty JSON object
     * @param segments the path segments
     * @return the request
     */
    public static ApiRequest post(Object body, String... segments) {
        return of("POST", segments).withBody(body == null ? Map.of() : body);
    }

    /**
     * {@code DELETE /v1/<segments...>}.
     *
     * @param segments the path segments
     * @return the request
     */
    public static ApiRequest delete(String... segments) {
        return of("DELETE", segments);
    }

    /**
     * A copy with a JSON body.
     *
     * @param value the value to serialize
     * @return the new request
     */
    public ApiRequest withBody(Object value) {
        return new ApiRequest(method, segments, query, Json.toBytes(value), accept, projectId, movesMoney,
                secretPath);
    }

    /**
     * A copy with one more query parameter; a {@code null} value is skipped.
     *
     * @param name the parameter
     * @param value its value, or {@code null}
     * @return the new request
     */
    public ApiRequest withQuery(String name, Object value) {
        if (value == null) {
            return this;
        }
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put(name, String.valueOf(value));
        return new ApiRequest(method, segments, Collections.unmodifiableMap(q), body, accept, projectId,
                movesMoney, secretPath);
    }

    /**
     * A copy with another {@code Accept} header.
     *
     * @param value the media type
     * @return the new request
     */
    public ApiRequest withAccept(String value) {
        return new ApiRequest(method, segments, query, body, value, projectId, movesMoney, secretPath);
    }

    /**
     * A copy sent with {@code x-codespar-project}; {@code null} falls back to the client's project.
     *
     * @param id the project id, or {@code null}
     * @return the new request
     */
    public ApiRequest withProject(String id) {
        return new ApiRequest(method, segments, query, body, accept, id, movesMoney, secretPath);
    }

    /**
     * A copy marked as moving money (a spend, an executed transfer): it is never sent again once it may have been
     * processed, whatever the client's opt-ins say. A 504 or a 500 to it is thrown even with
     * {@code retryPostOnGatewayTimeout(true)} or {@code retryOnInternalError(true)}, since those switches are for
     * calls whose repetition the caller has judged harmless, and a second spend is a second payment.
     *
     * @return the new request
     */
    public ApiRequest movingMoney() {
        return new ApiRequest(method, segments, query, body, accept, projectId, true, secretPath);
    }

    /**
     * A copy whose path holds a credential (a consent token): its {@link #toString()}, which log lines and error
     * messages quote, shows the {@link #pathTemplate()} instead.
     *
     * @return the new request
     */
    public ApiRequest withSecretPath() {
        return new ApiRequest(method, segments, query, body, accept, projectId, movesMoney, true);
    }

    /** @return whether the path holds a credential ({@link #withSecretPath()}) */
    public boolean hasSecretPath() {
        return secretPath;
    }

    /** @return whether the request moves money ({@link #movingMoney()}) */
    public boolean movesMoney() {
        return movesMoney;
    }


    /** @return the HTTP method */
    public String method() {
        return method;
    }

    /** @return the path segments after {@code /v1}, not encoded */
    public List<String> segments() {
        return segments;
    }

    /** @return the query parameters in insertion order */
    public Map<String, String> query() {
        return query;
    }

    /** @return the serialized body (a copy), or {@code null} */
    public byte[] body() {
        return body == null ? null : Arrays.copyOf(body, body.length);
    }

    byte[] bodyBytes() {
        return body;
    }

    /** @return the {@code Accept} header value */
    public String accept() {
        return accept;
    }

    /** @return the project id sent for this request, or {@code null} for the client's */
    public String projectId() {
        return projectId;
    }


    /**
     * Whether sending this request twice has the same effect as sending it once ({@code GET}, {@code HEAD},
     * {@code PUT}, {@code DELETE}, {@code OPTIONS}).
     *
     * @return {@code true} for idempotent methods
     */
    public boolean isIdempotent() {
        switch (method) {
            case "GET":
            case "HEAD":
            case "PUT":
            case "DELETE":
            case "OPTIONS":
                return true;
            default:
                return false;
        }
    }

    /** @return {@code /v1/...} as logged, not encoded */
    public String path() {
        List<String> parts = new ArrayList<>(segments.size() + 1);
        parts.add("/v1");
        parts.addAll(segments);
        return String.join("/", parts);
    }

    /** The fixed words of the API's paths; any other segment is an id. */
    private static final java.util.Set<String> PATH_WORDS = java.util.Set.of("sessions", "execute", "proxy_execute",
            "send", "connections", "connect", "start", "tool-calls", "payment-status", "verification-status", "stream",
            "projects", "triggers", "rotate-secret", "api-keys", "servers", "tools", "logs", "revoke", "mcp", "close",
            "consents", "init", "submit", "consumers", "mandates", "spend", "wallet", "transfer", "funding-sources",
            "whoami", "agents", "did.json");

    /**
     * The path with every id replaced by {@code {id}}, e.g. {@code /v1/sessions/{id}/execute}: a value of low
     * cardinality, fit for metric tags. A segment the API does not use as a fixed word counts as an id, so that an id
     * never ends up in a tag.
     *
     * @return the template
     */
    public String pathTemplate() {
        StringBuilder out = new StringBuilder("/v1");
        for (String segment : segments) {
            out.append('/').append(PATH_WORDS.contains(segment) ? segment : "{id}");
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return method + " " + (secretPath ? pathTemplate() : path());
    }
}
