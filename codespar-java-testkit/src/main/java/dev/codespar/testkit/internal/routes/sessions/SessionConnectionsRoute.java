package dev.codespar.testkit.internal.routes.sessions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.routes.Exchange;
import dev.codespar.testkit.internal.state.Catalog;
import dev.codespar.testkit.internal.state.SessionRecord;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.tools.ToolCatalogue;
import dev.codespar.testkit.internal.wire.Answer;
import dev.codespar.testkit.internal.wire.Json;

/** {@code GET /v1/sessions/{id}/connections} of the hosted API: {@code {servers, tools}}. */
public final class SessionConnectionsRoute {

    private final World world;

    /**
     * The route.
     *
     * @param world the state
     */
    public SessionConnectionsRoute(World world) {
        this.world = world;
    }

    /**
     * Lists the session's servers and tools; counts the poll (a builder option connects everything after n).
     *
     * @param ex the request
     * @return the answer
     */
    public Answer list(Exchange ex) {
        SessionRecord s = ActiveSessions.require(world, ex);
        s.connectionPolls++;
        if (world.config.connectAfterPolls() > 0 && s.connectionPolls >= world.config.connectAfterPolls()) {
            s.connections.replaceAll((server, connected) -> true);
        }
        ObjectNode body = Json.object();
        ArrayNode servers = body.putArray("servers");
        for (String server : s.servers) {
            Catalog.Server info = world.config.catalog().get(server);
            ObjectNode row = servers.addObject();
            row.put("id", server);
            row.put("name", info.name());
            row.put("category", info.category());
            row.put("country", info.country());
            row.put("auth_type", info.authType());
            row.put("connected", s.connections.get(server));
        }
        body.set("tools", ToolCatalogue.forSession(world, s));
        return Answer.json(200, body);
    }
}
