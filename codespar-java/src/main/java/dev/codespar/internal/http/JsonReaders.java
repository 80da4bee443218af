package dev.codespar.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.internal.json.JsonFields;
import dev.codespar.errors.ApiError;
import dev.codespar.errors.ErrorDetails;
import dev.codespar.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Readers for successful JSON answers. */
public final class JsonReaders {

    /** How much of an unusable body an error message quotes. */
    static final long QUOTED_BODY_BYTES = 300;

    private static final HttpTransport.ResponseReader<Void> DISCARD = (response, call) -> null;

    /** Any JSON document; an empty or blank body reads as a missing node. */
    private static final HttpTransport.ResponseReader<JsonNode> TREE = (response, call) -> {
        ResponseBody body = response.body();
        if (body == null || body.contentLength() == 0) {
            return MissingNode.getInstance();
        }
        JsonNode node = read(response, Json.TREE_READER, body);
        return node == null ? MissingNode.getInstance() : node;
    };

    private static final HttpTransport.ResponseReader<JsonAnswer> ANSWER = (response, call) -> {
        JsonNode json = TREE.read(response, call);
        if (!json.isObject()) {
            throw unusable(response, json, "a JSON object");
        }
        return new JsonAnswer(json, response.code(), requestId(response, json), call(response));
    };

    private static final HttpTransport.ResponseReader<JsonAnswer> LIST = (response, call) -> {
        JsonNode json = TREE.read(response, call);
        if (!json.isObject() && !json.isArray()) {
            throw unusable(response, json, "a JSON object or array");
        }
        return new JsonAnswer(json, response.code(), requestId(response, json), call(response));
    };

    private JsonReaders() {}

    /**
     * Reads the body as any JSON document; an empty body is a missing node.
     *
     * @return the reader
     */
    public static HttpTransport.ResponseReader<JsonNode> tree() {
        return TREE;
    }

    /**
     * Reads a body that must be a JSON object, with the status and the request id. Anything else (an empty or blank
     * body, {@code null}, an array, a bare string or number) is a 2xx answer the SDK cannot use: the call fails with
     * {@code invalid_response} rather than reading as an empty result, because a caller reads an empty result as
     * "the tool refused" and may pay again for a payment that went through.
     *
     * @return the reader
     */
    public static HttpTransport.ResponseReader<JsonAnswer> answer() {
        return ANSWER;
    }

    /**
     * Like {@link #answer()}, for lists: a JSON object or a bare array.
     *
     * @return the reader
     */
    public static HttpTransport.ResponseReader<JsonAnswer> list() {
        return LIST;
    }

    /**
     * Ignores the body (e.g. a 204).
     *
     * @return the reader
     */
    public static HttpTransport.ResponseReader<Void> discard() {
        return DISCARD;
    }

    private static String call(Response response) {
        ApiRequest sent = response.request().tag(ApiRequest.class);
        if (sent != null && sent.hasSecretPath()) {
            return sent.toString();
        }
        return response.request().method() + " " + response.request().url().encodedPath();
    }

    private static String requestId(Response response, JsonNode json) {
        String requestId = response.header("X-Request-Id");
        if (requestId == null && json.path("request_id").isTextual()) {
            requestId = json.get("request_id").asText();
        }
        return requestId;
    }

    private static JsonNode read(Response response, ObjectReader reader, ResponseBody body) throws IOException {
        try (InputStream in = body.byteStream()) {
            return reader.readTree(in);
        } catch (JsonEOFException truncated) {
            // the connection ended inside the JSON: a transport failure, retried like one
            throw truncated;
        } catch (JsonProcessingException e) {
            throw invalid(response, e);
        } catch (RuntimeException e) {
            // Jackson throws NumberFormatException for a number BigDecimal cannot hold (e.g. 1e99999999999)
            throw invalid(response, e);
        }
    }

    /**
     * The error for a 2xx answer whose body is not the JSON the SDK expects: the exception the transport turns into
     * an {@link ApiError} with code {@code invalid_response}.
     */
    private static InvalidResponseException invalid(Response response, Exception e) {
        String detail = e instanceof JsonProcessingException
                ? ((JsonProcessingException) e).getOriginalMessage() : e.getMessage();
        return new InvalidResponseException(ErrorDetails.of("invalid_response", response.code(),
                        call(response) + " answered " + response.code() + " with a body that is not the expected JSON: "
                                + detail)
                .withRequestId(response.header("X-Request-Id")));
    }

    /** The error for a 2xx answer that is JSON, but not the kind of document the call answers with. */
    private static InvalidResponseException unusable(Response response, JsonNode json, String expected) {
        String got = json.isMissingNode() ? "an empty body" : json.isNull() ? "null"
                : json.isArray() ? "an array" : json.isTextual() ? "a string" : json.isNumber() ? "a number"
                : json.isBoolean() ? "a boolean" : "an object";
        return new InvalidResponseException(ErrorDetails.of("invalid_response", response.code(),
                        call(response) + " answered " + response.code() + " with " + got + " where the SDK needs " + expected
                                + "; the server may have done the work: check before repeating the call")
                .withRequestId(response.header("X-Request-Id"))
                .withBody(json.isMissingNode() ? null : json));
    }

    /**
     * The error for a 2xx answer that lacks a field the SDK cannot do without.
     *
     * @param answer the answer
     * @param field the missing field
     * @return the exception the transport turns into an {@link ApiError} with code {@code invalid_response}
     */
    public static InvalidResponseException missingField(JsonAnswer answer, String field) {
        String what = answer.call();
        return new InvalidResponseException(ErrorDetails.of("invalid_response", answer.status(),
                        what + " answered " + answer.status() + " without the required field \"" + field + "\"")
                .withRequestId(answer.requestId())
                .withBody(answer.json()));
    }

    /**
     * The object's text field, or the {@code invalid_response} error naming the call. The error's body is the answer
     * without the secret fields (see {@link #redacted}); on success nothing is copied.
     *
     * @param answer the answer
     * @param object the object inside it that must have the field
     * @param field the field
     * @param secretFields fields never to keep in the error's body
     * @return the field's text
     */
    public static String requireText(JsonAnswer answer, JsonNode object, String field, String... secretFields) {
        String value = JsonFields.text(object, field);
        if (value == null) {
            throw missingField(secretFields.length == 0 ? answer : redacted(answer, secretFields), field);
        }
        return value;
    }

    /**
     * The answer with its secret fields removed at the top level and in each wrapped object, for error bodies.
     *
     * @param answer the answer
     * @param secretFields the fields to remove
     * @return a copy without them
     */
    public static JsonAnswer redacted(JsonAnswer answer, String... secretFields) {
        JsonNode json = JsonFields.without(answer.json(), secretFields);
        if (json.isObject()) {
            json.fields().forEachRemaining(e -> {
                if (e.getValue().isObject()) {
                    ((ObjectNode) e.getValue()).remove(List.of(secretFields));
                }
            });
        }
        return new JsonAnswer(json, answer.status(), answer.requestId(), answer.call());
    }
}
