package dev.codespar.testkit.internal.routes.management;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.routes.Exchange;
import dev.codespar.testkit.internal.state.ProjectStore;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.wire.Answer;
import dev.codespar.testkit.internal.wire.Json;

/** {@code GET /v1/whoami}: the key's user, organisation, project, and the key itself. */
public final class WhoamiRoute {

    private final World world;

    /**
     * The route.
     *
     * @param world the state
     */
    public WhoamiRoute(World world) {
        this.world = world;
    }

    /**
     * The request.
     *
     * @param ex the request
     * @return {@code {user, organization, project, key}}
     */
    public Answer whoami(Exchange ex) {
        ObjectNode body = Json.object();
        body.putObject("user").put("id", "usr_fake").put("email", "developer@example.com")
                .put("name", "FakeCodeSpar Developer");
        body.putObject("organization").put("id", World.ORG_ID).put("name", "FakeCodeSpar Org");
        String header = ex.header("x-codespar-project");
        ProjectStore.Project p = header == null ? null : world.org.projects.get(header);
        if (p == null) {
            p = world.org.projects.get(World.DEFAULT_PROJECT);
        }
        body.putObject("project").put("id", p == null ? World.DEFAULT_PROJECT : p.id)
                .put("name", p == null ? "Default" : p.name);
        ObjectNode key = body.putObject("key");
        key.put("id", world.org.apiKeys.idOf(ex.key()));
        key.put("environment", world.keyEnvironment(ex.key()));
        ArrayNode scopes = key.putArray("scopes");
        for (String s : new String[] {"sessions:create", "sessions:read", "tools:execute", "servers:read",
            "triggers:write"}) {
            scopes.add(s);
        }
        return Answer.json(200, body);
    }
}
