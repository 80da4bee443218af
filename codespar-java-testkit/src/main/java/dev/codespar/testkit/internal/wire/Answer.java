package dev.codespar.testkit.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.Dialect;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler decided to answer, before faults and framing. */
public final class Answer {

    /** The HTTP status. */
    public final int status;
    /** The JSON body, or {@code null} (204, streams). */
    public final JsonNode body;
    /** The error code answered, or {@code null} on success. */
    public final String errorCode;
    /** Extra response headers. */
    public final Map<String, String> headers = new LinkedHashMap<>();
    /** The stream to run, or {@code null} for a JSON answer. */
    public final SsePlan stream;

    private Answer(int status, JsonNode body, String errorCode, SsePlan stream) {
        this.status = status;
        this.body = body;
        this.errorCode = errorCode;
        this.stream = stream;
    }

    /**
     * A JSON answer.
     *
     * @param status the status
     * @param body the body
     * @return the answer
     */
    public static Answer json(int status, JsonNode body) {
        return new Answer(status, body, null, null);
    }

    /**
     * A JSON error answer whose body the caller shaped (a runtime sentence, a framework 404...).
     *
     * @param status the status
     * @param code the code the journal records, or {@code null}
     * @param body the body
     * @return the answer
     */
    public static Answer failure(int status, String code, JsonNode body) {
        return new Answer(status, body, code, null);
    }

    /**
     * A 204 without body.
     *
     * @return the answer
     */
    public static Answer noContent() {
        return new Answer(204, null, null, null);
    }

    /**
     * A 200 event stream.
     *
     * @param plan how it unfolds
     * @return the answer
     */
    public static Answer stream(SsePlan plan) {
        return new Answer(200, null, null, plan);
    }

    /**
     * An error in the envelope of the dialect: hosted {@code {error, message, status, request_id}}, runtime
     * {@code {error, message}}; the test-mode codes in both as {@code {code, message}}. Extras follow.
     *
     * @param ctx the request
     * @param code the error code
     * @param status the status
     * @param message the message
     * @return the answer
     */
    public static Answer error(CallContext ctx, String code, int status, String message) {
        ObjectNode body = Json.object();
        if (ErrorCodes.isTestMode(code)) {
            body.put("code", code);
            body.put("message", message);
        } else {
            body.put("error", code);
            body.put("message", message);
            if (ctx.dialect() == Dialect.HOSTED) {
                body.put("status", status);
                body.put("request_id", ctx.requestId());
            }
        }
        return new Answer(status, body, code, null);
    }

    /**
     * A 422 {@code tool_not_mocked}: {@code {code, tool_name, message}}, in the servers' key order.
     *
     * @param ctx the request
     * @param tool the tool without a mock
     * @param message the message
     * @return the answer
     */
    public static Answer toolNotMocked(CallContext ctx, String tool, String message) {
        ObjectNode body = Json.object();
        body.put("code", "tool_not_mocked");
        body.put("tool_name", tool);
        body.put("message", message);
        return new Answer(422, body, "tool_not_mocked", null);
    }

    /**
     * A 400 {@code mocks_invalid}: {@code {code, field, message}}, in the servers' key order.
     *
     * @param ctx the request
     * @param field the JSON pointer of the problem
     * @param message the message
     * @return the answer
     */
    public static Answer mocksInvalid(CallContext ctx, String field, String message) {
        ObjectNode body = Json.object();
        body.put("code", "mocks_invalid");
        body.put("field", field);
        body.put("message", message);
        return new Answer(400, body, "mocks_invalid", null);
    }

    /**
     * A 400 {@code invalid_request}.
     *
     * @param ctx the request
     * @param message what is wrong
     * @return the refusal to throw
     */
    public static Refusal invalid(CallContext ctx, String message) {
        return new Refusal(error(ctx, "invalid_request", 400, message));
    }

    /**
     * A 404 {@code not_found}.
     *
     * @param ctx the request
     * @param message what is missing
     * @return the refusal to throw
     */
    public static Refusal notFound(CallContext ctx, String message) {
        return new Refusal(error(ctx, "not_found", 404, message));
    }

    /**
     * Adds a field to the body (e.g. {@code connect_url}, {@code unknown}, {@code field}).
     *
     * @param field the name
     * @param value the value
     * @return this answer
     */
    public Answer with(String field, JsonNode value) {
        ((ObjectNode) body).set(field, value);
        return this;
    }

    /**
     * Adds a text field to the body.
     *
     * @param field the name
     * @param value the value
     * @return this answer
     */
    public Answer with(String field, String value) {
        ((ObjectNode) body).put(field, value);
        return this;
    }

    /**
     * Adds a response header.
     *
     * @param name the name
     * @param value the value
     * @return this answer
     */
    public Answer header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /**
     * The refusal that answers this.
     *
     * @return a throwable carrying it
     */
    public Refusal refusal() {
        return new Refusal(this);
    }
}
