package dev.codespar.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.codespar.testkit.internal.wire.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import okhttp3.Headers;

/**
 * One request the fake received, and how it answered. The {@code Authorization} header is masked
 * ({@code Bearer csk_test_…****}): a journal can be printed in a test failure without leaking a key.
 *
 * @param sequence the position in the journal, from 1
 * @param receivedAt when the fake received it (the fake's clock)
 * @param method the HTTP method
 * @param path the encoded path, without the query (e.g. {@code /v1/sessions/ses_x/execute})
 * @param query the encoded query, or {@code null}
 * @param headers the request headers, {@code Authorization} masked
 * @param body the request body as UTF-8 text ({@code ""} when there was none)
 * @param status the HTTP status answered; {@code 0} when no answer was sent (an injected disconnect or stall)
 * @param errorCode the error code answered, or {@code null} on success
 * @param requestId the request id of the answer (the {@code X-Request-Id} header); {@code null} in the runtime
 *     dialect, which sends none
 * @param tool the tool of an {@code execute} request, or {@code null}
 * @param injected whether an injected failure (error code or fault) struck this request
 * @param fault the transport fault that struck it, or {@code null}
 */
public record RecordedCall(
        int sequence,
        Instant receivedAt,
        String method,
        String path,
        String query,
        Headers headers,
        String body,
        int status,
        String errorCode,
        String requestId,
        String tool,
        boolean injected,
        Fault fault) {

    /**
     * A request header.
     *
     * @param name the header name, any case
     * @return the first value, or {@code null}
     */
    public String header(String name) {
        return headers.get(name);
    }

    /**
     * The body parsed as JSON.
     *
     * @return the tree, or a {@link MissingNode} when the body was empty or not JSON
     */
    public JsonNode json() {
        JsonNode node = Json.parse(body.getBytes(StandardCharsets.UTF_8));
        return node == null ? MissingNode.getInstance() : node;
    }

    /**
     * Whether this is an execution of a tool ({@code POST /v1/sessions/{id}/execute} naming it).
     *
     * @param name the tool name
     * @return {@code true} when it is
     */
    public boolean isExecutionOf(String name) {
        return name.equals(tool);
    }

    /**
     * Whether the fake answered with a 2xx status.
     *
     * @return {@code true} on success
     */
    public boolean succeeded() {
        return status >= 200 && status < 300;
    }

    /** One line: {@code #3 POST /v1/sessions/ses_x/execute [codespar_pay] -> 429 rate_limited req_...}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append('#').append(sequence).append(' ').append(method).append(' ')
                .append(path);
        if (tool != null) {
            sb.append(" [").append(tool).append(']');
        }
        sb.append(" -> ").append(status == 0 ? "no answer" : String.valueOf(status));
        if (errorCode != null) {
            sb.append(' ').append(errorCode);
        }
        if (fault != null) {
            sb.append(" (fault ").append(fault).append(')');
        } else if (injected) {
            sb.append(" (injected)");
        }
        if (requestId != null) {
            sb.append(' ').append(requestId);
        }
        return sb.toString();
    }
}
