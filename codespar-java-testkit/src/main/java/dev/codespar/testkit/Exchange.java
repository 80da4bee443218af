package dev.codespar.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;

/** One request as the fake's handlers see it: parsed once, with the request id of its answer. */
final class Exchange {

    final RecordedRequest raw;
    final String method;
    final String path;
    final String query;
    final List<String> segments;
    final byte[] body;
    final JsonNode json;
    final String requestId;
    final Instant receivedAt;
    final String tool;

    Exchange(RecordedRequest raw, Instant receivedAt) {
        this.raw = raw;
        this.method = raw.getMethod() == null ? "" : raw.getMethod().toUpperCase(Locale.ROOT);
        HttpUrl url = raw.getRequestUrl();
        this.path = url == null ? "" : url.encodedPath();
        this.query = url == null ? null : url.encodedQuery();
        this.segments = url == null ? List.of() : url.pathSegments();
        this.body = raw.getBody().readByteArray();
        this.json = Wire.parse(body);
        this.requestId = Wire.requestId();
        this.receivedAt = receivedAt;
        this.tool = isExecute() && json != null ? Wire.string(json, "tool") : null;
    }

    boolean isExecute() {
        return method.equals("POST") && segments.size() == 4 && segments.get(0).equals("v1")
                && segments.get(1).equals("sessions") && segments.get(3).equals("execute");
    }

    boolean isApi() {
        return !segments.isEmpty() && segments.get(0).equals("v1");
    }

    boolean wantsEventStream() {
        String accept = raw.getHeader("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/event-stream");
    }

    /** The bearer token, or {@code null}. Never logged, never recorded. */
    String bearer() {
        String auth = raw.getHeader("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String key = auth.substring(7).strip();
        return key.isEmpty() ? null : key;
    }

    String header(String name) {
        return raw.getHeader(name);
    }

    String bodyText() {
        return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
}
