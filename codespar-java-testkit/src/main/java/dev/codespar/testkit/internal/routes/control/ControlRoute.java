package dev.codespar.testkit.internal.routes.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.RecordedCall;
import dev.codespar.testkit.internal.program.Journal;
import dev.codespar.testkit.internal.routes.Bodies;
import dev.codespar.testkit.internal.routes.Exchange;
import dev.codespar.testkit.internal.scenario.Scenario;
import dev.codespar.testkit.internal.state.Consumers;
import dev.codespar.testkit.internal.state.ToolCallRecord;
import dev.codespar.testkit.internal.state.TriggerStore;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.wire.Answer;
import dev.codespar.testkit.internal.wire.Json;
import java.time.Duration;

/** The {@code /_fake/...} routes: what a test in another language does to a fake run as a process. */
public final class ControlRoute {

    private final World world;
    private final Journal journal;

    /**
     * The route.
     *
     * @param world the state
     * @param journal the journal
     */
    public ControlRoute(World world, Journal journal) {
        this.world = world;
        this.journal = journal;
    }

    /**
     * {@code POST /_fake/reset}.
     *
     * @param ex the request
     * @return 204 once everything is forgotten
     */
    public Answer reset(Exchange ex) {
        world.reset();
        journal.clear();
        return Answer.noContent();
    }

    /**
     * {@code POST /_fake/payments/{id}/settle {status}}.
     *
     * @param ex the request
     * @return 204
     */
    public Answer settlePayment(Exchange ex) {
        return settle(ex, ToolCallRecord.Kind.PAYMENT);
    }

    /**
     * {@code POST /_fake/verifications/{id}/settle {status}}.
     *
     * @param ex the request
     * @return 204
     */
    public Answer settleVerification(Exchange ex) {
        return settle(ex, ToolCallRecord.Kind.VERIFICATION);
    }

    private Answer settle(Exchange ex, ToolCallRecord.Kind kind) {
        String status = Bodies.required(ex, Bodies.object(ex), "status");
        return guarded(ex, () -> world.settle(ex.param("id"), status, kind));
    }

    /**
     * {@code POST /_fake/sessions/{id}/connect {server}}.
     *
     * @param ex the request
     * @return 204
     */
    public Answer connect(Exchange ex) {
        String server = Bodies.required(ex, Bodies.object(ex), "server");
        return guarded(ex, () -> world.connect(ex.param("id"), server));
    }

    /**
     * {@code POST /_fake/connect-links/{token}/complete}.
     *
     * @param ex the request
     * @return 204
     */
    public Answer completeLink(Exchange ex) {
        return guarded(ex, () -> world.completeLink(ex.param("token")));
    }

    /**
     * {@code POST /_fake/consents/{token}/approve {consumer_id}}.
     *
     * @param ex the request
     * @return {@code {mandate_id}}
     */
    public Answer approveConsent(Exchange ex) {
        String consumer = Bodies.required(ex, Bodies.object(ex), "consumer_id");
        Consumers.PendingConsent p = world.consumers.pending(ex.param("token"));
        if (p == null) {
            throw Answer.notFound(ex, "no pending consent " + ex.param("token"));
        }
        String rail = p.intent().path("slots").isArray() ? p.intent().at("/slots/0/rail").asText()
                : dev.codespar.testkit.internal.state.MandateGrants.railOf(p.intent().path("currency").asText());
        return Answer.json(200, Json.object().put("mandate_id", world.consumers.submit(p, consumer, rail).id));
    }

    /**
     * {@code POST /_fake/events {event, data}}.
     *
     * @param ex the request
     * @return {@code {deliveries}}
     */
    public Answer event(Exchange ex) {
        JsonNode body = Bodies.object(ex);
        String event = Bodies.required(ex, body, "event");
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("deliveries");
        for (TriggerStore.Delivery d : world.org.triggers.deliver(event, null, body.get("data"))) {
            list.addObject().put("delivery_id", d.deliveryId()).put("trigger_id", d.trigger().id)
                    .put("event", d.event()).put("webhook_url", d.trigger().webhookUrl).put("body", d.body())
                    .put("signature", d.signature());
        }
        return Answer.json(200, out);
    }

    /**
     * {@code POST /_fake/clock/advance {seconds}}.
     *
     * @param ex the request
     * @return {@code {now}}
     */
    public Answer advance(Exchange ex) {
        JsonNode seconds = Bodies.object(ex).get("seconds");
        if (seconds == null || !seconds.isNumber() || seconds.asDouble() < 0) {
            throw Answer.invalid(ex, "seconds must be a non-negative number");
        }
        world.advance(Duration.ofMillis((long) (seconds.asDouble() * 1000)));
        return Answer.json(200, Json.object().put("now", Json.iso(world.now())));
    }

    /**
     * {@code POST /_fake/scenario} with a scenario file's JSON.
     *
     * @param ex the request
     * @return 204 once programmed
     */
    public Answer scenario(Exchange ex) {
        try {
            new Scenario(Bodies.object(ex)).program(world);
        } catch (IllegalArgumentException e) {
            throw Answer.invalid(ex, e.getMessage());
        }
        return Answer.noContent();
    }

    /**
     * {@code GET /_fake/journal}.
     *
     * @param ex the request
     * @return {@code {requests}} (keys masked)
     */
    public Answer journal(Exchange ex) {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("requests");
        for (RecordedCall c : journal.snapshot()) {
            ObjectNode row = list.addObject();
            row.put("sequence", c.sequence());
            row.put("method", c.method());
            row.put("path", c.path());
            row.put("status", c.status());
            row.put("error_code", c.errorCode());
            row.put("request_id", c.requestId());
            row.put("tool", c.tool());
            row.put("body", c.body());
        }
        return Answer.json(200, out);
    }

    private static Answer guarded(Exchange ex, Runnable action) {
        try {
            action.run();
        } catch (IllegalArgumentException e) {
            throw Answer.notFound(ex, e.getMessage());
        }
        return Answer.noContent();
    }
}
