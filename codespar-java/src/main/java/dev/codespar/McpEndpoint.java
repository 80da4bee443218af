package dev.codespar;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Where an MCP client reaches this session's tools: {@code POST <base>/v1/sessions/<id>/mcp} with JSON-RPC 2.0
 * ({@code tools/list}, {@code tools/call}), and the headers to send.
 *
 * <p>The headers hold the API key ({@code Authorization: Bearer ...}) by nature: hand them only to the MCP client
 * that needs them. {@link #toString()} redacts the key.
 *
 * @param url the endpoint URL
 * @param headers {@code Authorization} and, when the session has a project, {@code x-codespar-project}
 */
public record McpEndpoint(String url, Map<String, String> headers) {

    /** Copies the headers. */
    public McpEndpoint {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The endpoint of a session: {@code <base>/v1/sessions/<id>/mcp}, the bearer key and the project, if any. */
    static McpEndpoint of(HttpUrl baseUrl, String sessionId, String apiKey, String projectId) {
        HttpUrl url = baseUrl.newBuilder()
                .addPathSegment("v1").addPathSegment("sessions").addPathSegment(sessionId).addPathSegment("mcp")
                .build();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + apiKey);
        if (projectId != null) {
            headers.put("x-codespar-project", projectId);
        }
        return new McpEndpoint(url.toString(), headers);
    }

    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>(headers);
        shown.replaceAll((name, value) -> name.equalsIgnoreCase("Authorization") ? "[redacted]" : value);
        return "McpEndpoint{url=" + url + ", headers=" + shown + "}";
    }
}
