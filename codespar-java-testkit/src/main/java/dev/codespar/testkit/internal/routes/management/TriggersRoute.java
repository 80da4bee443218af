package dev.codespar.testkit.internal.routes.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.routes.Bodies;
import dev.codespar.testkit.internal.routes.Exchange;
import dev.codespar.testkit.internal.state.TriggerStore;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.wire.Answer;
import dev.codespar.testkit.internal.wire.Json;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * {@code /v1/triggers}: create (the only answer but rotation that shows the signing secret), list, read, delete,
 * rotate the secret; a second active trigger for the same URL and event is {@code webhook_url_conflict}.
 */
public final class TriggersRoute {

    private static final Pattern EVENT = Pattern.compile("^(\\*|[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+)$");

    private final World world;

    /**
     * The route.
     *
     * @param world the state
     */
    public TriggersRoute(World world) {
        this.world = world;
    }

    /**
     * {@code POST /v1/triggers {name, event, webhook_url, server_id?}}.
     *
     * @param ex the request
     * @return 201 with the secret
     */
    public Answer create(Exchange ex) {
        JsonNode body = Bodies.object(ex);
        String name = Bodies.required(ex, body, "name");
        Bodies.length(ex, name, "name", 1, 128);
        String event = Bodies.required(ex, body, "event");
        if (!EVENT.matcher(event).matches()) {
            throw Answer.invalid(ex, "event must be * or a dotted event name such as payment.confirmed");
        }
        String url = Bodies.required(ex, body, "webhook_url");
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null || !parsed.isHttps()) {
            throw Answer.invalid(ex, "webhook_url must be an https:// URL");
        }
        String serverId = Bodies.optional(ex, body, "server_id");
        if (serverId != null && !world.config.catalog().contains(serverId)) {
            throw Answer.notFound(ex, "Server not in the catalog: " + serverId);
        }
        String project = projectOf(ex);
        for (TriggerStore.Trigger t : world.org.triggers.active()) {
            if (t.projectId.equals(project) && t.webhookUrl.equals(url) && t.event.equals(event)) {
                throw Answer.error(ex, "webhook_url_conflict", 409, "Another active trigger in this project already"
                        + " subscribes this URL to " + event).refusal();
            }
        }
        TriggerStore.Trigger t = world.org.triggers.create(project, name, event, serverId, url);
        return Answer.json(201, t.row(true));
    }

    /**
     * {@code GET /v1/triggers}.
     *
     * @param ex the request
     * @return {@code {triggers}} (no secrets)
     */
    public Answer list(Exchange ex) {
        ObjectNode body = Json.object();
        ArrayNode rows = body.putArray("triggers");
        String project = projectOf(ex);
        world.org.triggers.active().stream().filter(t -> t.projectId.equals(project))
                .forEach(t -> rows.add(t.row(false)));
        return Answer.json(200, body);
    }

    /**
     * {@code GET /v1/triggers/{id}}.
     *
     * @param ex the request
     * @return the trigger (no secret)
     */
    public Answer get(Exchange ex) {
        return Answer.json(200, known(ex).row(false));
    }

    /**
     * {@code DELETE /v1/triggers/{id}}.
     *
     * @param ex the request
     * @return 204
     */
    public Answer delete(Exchange ex) {
        known(ex).status = "deleted";
        return Answer.noContent();
    }

    /**
     * {@code POST /v1/triggers/{id}/rotate-secret}.
     *
     * @param ex the request
     * @return the trigger with its new secret
     */
    public Answer rotate(Exchange ex) {
        TriggerStore.Trigger t = known(ex);
        t.secret = TriggerStore.newSecret();
        return Answer.json(200, t.row(true));
    }

    private TriggerStore.Trigger known(Exchange ex) {
        TriggerStore.Trigger t = world.org.triggers.get(ex.param("id"));
        if (t == null || !t.status.equals("active")) {
            throw Answer.notFound(ex, "Trigger not found");
        }
        return t;
    }

    private static String projectOf(Exchange ex) {
        String p = ex.header("x-codespar-project");
        return p != null && p.matches("^prj_[A-Za-z0-9]{16}$") ? p : World.DEFAULT_PROJECT;
    }
}
