package dev.codespar.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.codespar.errors.ApiError;
import dev.codespar.errors.ErrorDetails;
import dev.codespar.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Readers for successful JSON answers. */
public final class JsonReaders {

    /** How much of an unusable body an error message quotes. */
    static final long QUOTED_BODY_BYTES = 300;

    private static final HttpTransport.ResponseReader<Void> DISCARD = (response, call) -> null;

    private static final ObjectReader TREE_READER = Json.MAPPER.reader();

    private static final HttpTransport.ResponseReader<JsonNode> TREE = (response, call) -> {
        ResponseBody body = response.body();
        if (body == null || body.contentLength() == 0) {
            return Json.MAPPER.createObjectNode();
        }
        JsonNode node = read(response, TREE_READER, body);
        return node == null || node.isMissingNode() ? Json.MAPPER.createObjectNode() : node;
    };

    private static final HttpTransport.ResponseReader<JsonAnswer> ANSWER = (response, call) -> {
        JsonNode json = TREE.read(response, call);
        String requestId = response.header("X-Request-Id");
        if (requestId == null && json.path("request_id").isTextual()) {
            requestId = json.get("request_id").asText();
        }
        return new JsonAnswer(json, response.code(), requestId);
    };

    private JsonReaders() {}

    /**
     * Reads the body as a JSON tree; an empty body is an empty object.
     *
     * @return the reader
     */
    public static HttpTransport.ResponseReader<JsonNode> tree() {
        return TREE;
    }

    /**
     * Reads the body as a JSON tree, with the status and the request id.
     *
     * @return the reader
     */
    public static HttpTransport.ResponseReader<JsonAnswer> answer() {
        return ANSWER;
    }

    /**
     * Ignores the body (e.g. a 204).
     *
     * @return the reader
     */
    public static HttpTransport.ResponseReader<Void> discard() {
        return DISCARD;
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
                        response.request().method() + " " + response.request().url().encodedPath()
                                + " answered " + response.code() + " with a body that is not the expected JSON: "
                                + detail)
                .withRequestId(response.header("X-Request-Id")));
    }

    /**
     * The error for a 2xx answer that lacks a field the SDK cannot do without.
     *
     * @param answer the answer
     * @param field the missing field
     * @param what the call, e.g. {@code POST /v1/sessions}
     * @return the exception the transport turns into an {@link ApiError} with code {@code invalid_response}
     */
    public static InvalidResponseException missingField(JsonAnswer answer, String field, String what) {
        return new InvalidResponseException(ErrorDetails.of("invalid_response", answer.status(),
                        what + " answered " + answer.status() + " without the required field \"" + field + "\"")
                .withRequestId(answer.requestId())
                .withBody(answer.json()));
    }
}
