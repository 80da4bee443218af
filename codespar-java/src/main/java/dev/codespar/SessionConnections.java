package dev.codespar;

import dev.codespar.internal.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The servers of a session with their connection state, and the tools the session can call
 * ({@code GET /v1/sessions/{id}/connections}).
 *
 * <pre>{@code
 * SessionConnections c = session.connections();
 * if (!c.isReady()) {
 *     for (String server : c.pendingServers()) {
 *         ConnectLink link = session.authorize(server, "https://app.example.com/connected");
 *         sendToUser(link.authorizeUrl());
 *     }
 * }
 * }</pre>
 *
 * @param servers the servers, in the server's order
 * @param tools the tools (empty when the server did not list them)
 * @param requestId the request id of the HTTP answer; may be {@code null}
 */
public record SessionConnections(List<ConnectedServer> servers, List<SessionTool> tools, String requestId) {

    /** Copies the lists. */
    public SessionConnections {
        servers = servers == null ? List.of() : List.copyOf(servers);
        tools = tools == null ? List.of() : List.copyOf(tools);
    }

    /**
     * Whether every server is connected. An empty list is never ready (the server has not set the session up).
     *
     * @return {@code true} when the list is non-empty and all are connected
     */
    public boolean isReady() {
        return !servers.isEmpty() && servers.stream().allMatch(ConnectedServer::connected);
    }

    /**
     * The ids of the servers not connected yet (server ids such as {@code asaas}, whatever the server calls its
     * rows).
     *
     * @return an immutable list, possibly empty
     */
    public List<String> pendingServers() {
        return servers.stream().filter(s -> !s.connected()).map(ConnectedServer::id).toList();
    }

    /**
     * The tools whose name or description contains the text, ignoring case (like the official SDKs'
     * {@code findTools}).
     *
     * @param text e.g. {@code "pix"}
     * @return the matching tools, possibly empty
     */
    public List<SessionTool> findTools(String text) {
        String q = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return tools.stream()
                .filter(t -> (t.name() != null && t.name().toLowerCase(Locale.ROOT).contains(q))
                        || t.description().toLowerCase(Locale.ROOT).contains(q))
                .toList();
    }

    /**
     * Reads {@code {servers, tools}}; the older {@code {data: [...]}} and the runtime's rows too. The runtime names
     * a row {@code <sessionId>-conn-<n>-<server>}: such an id is read back as the server it names, matched against
     * the session's servers, so that {@link ConnectedServer#id()} is always a server id.
     */
    static SessionConnections fromJson(JsonNode json, String requestId, String sessionId, List<String> sessionServers) {
        JsonNode rows = json.path("servers").isArray() ? json.get("servers") : json.path("data");
        List<ConnectedServer> servers = new ArrayList<>();
        for (JsonNode row : rows) {
            if (row.isObject()) {
                servers.add(new ConnectedServer(serverId(JsonFields.text(row, "id"), sessionId, sessionServers),
                        JsonFields.text(row, "name"), JsonFields.text(row, "category"), JsonFields.text(row, "country"),
                        JsonFields.text(row, "auth_type"), row.path("connected").asBoolean(false)));
            }
        }
        List<SessionTool> tools = new ArrayList<>();
        for (JsonNode t : json.path("tools")) {
            if (t.isObject()) {
                tools.add(new SessionTool(JsonFields.text(t, "name"), JsonFields.text(t, "description"),
                        t.get("input_schema"), JsonFields.text(t, "server")));
            }
        }
        return new SessionConnections(servers, tools, requestId);
    }

    /** The server a row id names: itself, or the {@code <server>} of a runtime id {@code <session>-conn-<n>-<server>}. */
    static String serverId(String rowId, String sessionId, List<String> sessionServers) {
        if (rowId == null || sessionServers.contains(rowId)) {
            return rowId;
        }
        String prefix = sessionId + "-conn-";
        if (rowId.startsWith(prefix)) {
            int dash = rowId.indexOf('-', prefix.length());
            if (dash > prefix.length() && isDigits(rowId, prefix.length(), dash) && dash < rowId.length() - 1) {
                return rowId.substring(dash + 1);
            }
        }
        return rowId;
    }

    private static boolean isDigits(String text, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
