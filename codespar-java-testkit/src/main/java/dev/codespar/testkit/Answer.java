package dev.codespar.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler decided to answer, before faults and framing. */
final class Answer {

    final int status;
    final JsonNode body;
    final String errorCode;
    final Map<String, String> headers = new LinkedHashMap<>();
    final SsePlan stream;

    private Answer(int status, JsonNode body, String errorCode, SsePlan stream) {
        this.status = status;
        this.body = body;
        this.errorCode = errorCode;
        this.stream = stream;
    }

    static Answer json(int status, JsonNode body) {
        return new Answer(status, body, null, null);
    }

    static Answer noContent() {
        return new Answer(204, null, null, null);
    }

    static Answer stream(SsePlan plan) {
        return new Answer(200, null, null, plan);
    }

    /** The flat envelope of the error reference: {@code {error, message, status, request_id}}, then extras. */
    static Answer error(Exchange ex, String code, int status, String message) {
        return error(ex.requestId, code, status, message);
    }

    static Answer error(String requestId, String code, int status, String message) {
        ObjectNode body = Wire.object();
        if (ErrorCodes.isTestMode(code)) {
            body.put("code", code);
            body.put("message", message);
            body.put("request_id", requestId);
        } else {
            body.put("error", code);
            body.put("message", message);
            body.put("status", status);
            body.put("request_id", requestId);
        }
        return new Answer(status, body, code, null);
    }

    /** Adds a field to an error body (e.g. {@code connect_url}, {@code unknown}, {@code field}). */
    Answer with(String field, JsonNode value) {
        ((ObjectNode) body).set(field, value);
        return this;
    }

    Answer with(String field, String value) {
        ((ObjectNode) body).put(field, value);
        return this;
    }

    Answer header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
