package dev.codespar;

import dev.codespar.internal.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The provider's answer to a proxied call. A provider error is a result with a non-2xx {@link #status()}; only a
 * CodeSpar failure is thrown.
 *
 * @param status the provider's HTTP status
 * @param data the provider's body ({@link NullNode} when absent)
 * @param headers the provider's answer headers
 * @param durationMs how long the call took, in milliseconds
 * @param proxyCallId the id of this proxied call, or {@code null}
 * @param requestId the request id of the CodeSpar answer; may be {@code null}
 */
public record ProxyResult(int status, JsonNode data, Map<String, String> headers, long durationMs,
        String proxyCallId, String requestId) {

    /** Copies the headers and normalizes a missing body to {@link NullNode}. */
    public ProxyResult {
        data = data == null ? NullNode.getInstance() : data;
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * Whether the provider answered 2xx.
     *
     * @return {@code true} for a 2xx status
     */
    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    static ProxyResult fromJson(JsonNode json, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        json.path("headers").fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                headers.put(e.getKey(), e.getValue().asText());
            }
        });
        return new ProxyResult(json.path("status").asInt(0), json.get("data"), headers,
                json.path("duration").asLong(0), JsonFields.text(json, "proxy_call_id"), requestId);
    }
}
