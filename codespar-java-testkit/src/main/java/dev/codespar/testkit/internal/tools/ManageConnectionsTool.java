package dev.codespar.testkit.internal.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.state.Catalog;
import dev.codespar.testkit.internal.state.SessionRecord;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.wire.Json;
import java.util.Set;

/**
 * {@code codespar_manage_connections}: the session's connection rows ({@code list}), one server's row
 * ({@code status}), or a connect link and instructions to connect one ({@code initiate}).
 */
final class ManageConnectionsTool implements MetaTool {

    private static final Set<String> ACTIONS = Set.of("list", "status", "initiate");

    @Override
    public boolean inputErrorsAreHttp() {
        return false;
    }

    @Override
    public JsonNode run(MetaCall call) {
        String serverId = Json.string(call.input(), "server_id");
        String action = call.oneOf("action", ACTIONS, serverId != null ? "status" : "list");
        String returnTo = Json.string(call.input(), "return_to");
        if (returnTo != null && !returnTo.startsWith("/dashboard/")) {
            throw new ToolInputError("return_to must be a dashboard path (/dashboard/...)");
        }
        String environment = Json.string(call.input(), "environment");
        if (environment != null && !environment.equals("live") && !environment.equals("test")) {
            throw new ToolInputError("environment must be live or test");
        }
        ObjectNode data = Json.object();
        data.put("action", action);
        ArrayNode rows = data.putArray("connections");
        SessionRecord s = call.session();
        World world = call.world();
        if (action.equals("list")) {
            String country = Json.string(call.input(), "country");
            for (String server : s.servers) {
                Catalog.Server info = world.config.catalog().get(server);
                if (country == null || (info != null && country.equalsIgnoreCase(info.country()))) {
                    rows.add(row(world, s, server));
                }
            }
            data.putNull("status");
            data.putNull("initiate");
            return data;
        }
        String server = call.required("server_id");
        if (!world.config.catalog().contains(server)) {
            throw new ToolInputError("unknown server_id " + server);
        }
        ObjectNode row = row(world, s, server);
        if (action.equals("status")) {
            data.set("status", row);
            data.putNull("initiate");
            return data;
        }
        data.putNull("status");
        ObjectNode init = data.putObject("initiate");
        init.put("server_id", server);
        init.set("display_name", row.get("display_name"));
        init.set("auth_type", row.get("auth_type"));
        init.set("difficulty", row.get("difficulty"));
        init.set("status", row.get("status"));
        init.put("connect_url", world.linkUrl(world.newLink(server, s.userId, s.id)));
        String authType = row.get("auth_type").asText();
        ArrayNode steps = init.putArray("instructions");
        ArrayNode secrets = init.putArray("required_secrets");
        if (authType.equals("oauth")) {
            steps.add("Open connect_url and authorize the account");
            steps.add("Come back to the conversation once the page says connected");
        } else {
            steps.add("Open connect_url");
            steps.add("Paste the credentials the page asks for");
            secrets.addObject().put("name", "api_key").put("hint", "found in the provider's dashboard");
        }
        init.putArray("known_pitfalls");
        init.put("next_action", "open_connect_url");
        return data;
    }

    /** A row: {@code server_id, display_name, auth_type, status, difficulty, connection_metadata, connected_at}. */
    static ObjectNode row(World world, SessionRecord s, String server) {
        Catalog.Server info = world.config.catalog().get(server);
        String authType = info != null ? info.authType() : "api_key";
        ObjectNode row = Json.object();
        row.put("server_id", server);
        row.put("display_name", info != null ? info.name() : server);
        row.put("auth_type", authType);
        boolean connected = Boolean.TRUE.equals(s.connections.get(server));
        String status = authType.equals("none") ? "not_required" : connected ? "connected" : "disconnected";
        row.put("status", status);
        row.put("difficulty", authType.equals("oauth") ? "easy" : authType.equals("api_key") ? "medium" : "hard");
        row.putObject("connection_metadata");
        if (connected) {
            row.put("connected_at", Json.iso(s.createdAt));
        } else {
            row.putNull("connected_at");
        }
        return row;
    }
}
