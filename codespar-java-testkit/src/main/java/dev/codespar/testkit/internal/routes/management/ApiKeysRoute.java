package dev.codespar.testkit.internal.routes.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.routes.Bodies;
import dev.codespar.testkit.internal.routes.Exchange;
import dev.codespar.testkit.internal.state.ApiKeyStore;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.wire.Answer;
import dev.codespar.testkit.internal.wire.Json;

/** {@code /v1/api-keys}: create (the full key shown once, and accepted by the fake at once) and list. */
public final class ApiKeysRoute {

    private final World world;

    /**
     * The route.
     *
     * @param world the state
     */
    public ApiKeysRoute(World world) {
        this.world = world;
    }

    /**
     * {@code POST /v1/api-keys {name, env?}}.
     *
     * @param ex the request
     * @return 201 {@code {id, name, prefix, full_key, ...}}
     */
    public Answer create(Exchange ex) {
        JsonNode body = Bodies.object(ex);
        String name = Bodies.required(ex, body, "name");
        Bodies.length(ex, name, "name", 1, 128);
        String env = Bodies.optional(ex, body, "env");
        if (env == null) {
            env = world.keyEnvironment(ex.key());
        } else if (!env.equals("live") && !env.equals("test")) {
            throw Answer.invalid(ex, "env must be live or test");
        }
        ApiKeyStore.ApiKey k = world.org.apiKeys.create(name, env);
        ObjectNode row = Json.object();
        row.put("id", k.id);
        row.put("name", k.name);
        row.put("prefix", k.prefix());
        row.put("full_key", k.fullKey);
        row.put("created_at", Json.iso(k.createdAt));
        row.putNull("revoked_at");
        row.putNull("last_used_at");
        row.put("warning", "Store this key now: it is shown only once.");
        return Answer.json(201, row);
    }

    /**
     * {@code GET /v1/api-keys}.
     *
     * @param ex the request
     * @return {@code {keys}} (prefixes only)
     */
    public Answer list(Exchange ex) {
        ObjectNode body = Json.object();
        ArrayNode keys = body.putArray("keys");
        world.org.apiKeys.all().forEach(k -> keys.add(k.row()));
        return Answer.json(200, body);
    }
}
