package dev.codespar.testkit.internal.routes.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.routes.Bodies;
import dev.codespar.testkit.internal.routes.Exchange;
import dev.codespar.testkit.internal.state.ConnectLink;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.wire.Answer;
import dev.codespar.testkit.internal.wire.Json;
import okhttp3.HttpUrl;

/**
 * Connect Links: {@code POST /v1/connect/start} issues one; {@code GET /connect/{token}} is the page the user's
 * browser opens, which connects the server in the user's sessions.
 */
public final class ConnectLinksRoute {

    private final World world;

    /**
     * The route.
     *
     * @param world the state
     */
    public ConnectLinksRoute(World world) {
        this.world = world;
    }

    /**
     * {@code POST /v1/connect/start} with {@code {server_id, user_id, redirect_uri, scopes?}}.
     *
     * @param ex the request
     * @return {@code {link_token, authorize_url, expires_at}}
     */
    public Answer start(Exchange ex) {
        JsonNode body = Bodies.object(ex);
        String server = Bodies.required(ex, body, "server_id");
        String user = Bodies.required(ex, body, "user_id");
        String redirect = Bodies.required(ex, body, "redirect_uri");
        if (HttpUrl.parse(redirect) == null) {
            throw Answer.invalid(ex, "redirect_uri must be an absolute http(s) URL");
        }
        Bodies.optional(ex, body, "scopes");
        if (!world.config.catalog().contains(server)) {
            throw Answer.error(ex, "unknown_servers", 400, "Unknown servers: " + server)
                    .with("unknown", Json.NODES.arrayNode().add(server)).refusal();
        }
        ConnectLink link = world.newLink(server, user, null);
        ObjectNode answer = Json.object();
        answer.put("link_token", link.token());
        answer.put("authorize_url", world.linkUrl(link));
        answer.put("expires_at", Json.iso(link.expiresAt()));
        return Answer.json(200, answer);
    }

    /**
     * {@code GET /connect/{token}}: completes the link.
     *
     * @param ex the request
     * @return {@code {status: "connected", server_id}}, or 404 for an unknown or expired link
     */
    public Answer page(Exchange ex) {
        ConnectLink link = world.link(ex.param("token"));
        if (link == null) {
            return Answer.error(ex, "not_found", 404, "Connect link not found");
        }
        if (world.now().isAfter(link.expiresAt())) {
            return Answer.error(ex, "not_found", 404, "Connect link expired");
        }
        world.complete(link);
        return Answer.json(200, Json.object().put("status", "connected").put("server_id", link.server()));
    }
}
