package dev.codespar.testkit.internal.routes.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.routes.Bodies;
import dev.codespar.testkit.internal.routes.Exchange;
import dev.codespar.testkit.internal.state.Consumers;
import dev.codespar.testkit.internal.state.Mandate;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.wire.Answer;
import dev.codespar.testkit.internal.wire.Json;

/**
 * The consent flow: {@code POST /v1/consents/init} (with a key) mints a one-shot token carrying the agent's intent;
 * {@code POST /v1/consents/{token}/submit} (the token is the authorisation) signs it for a consumer: funding
 * sources, consents and the mandate. {@code GET /v1/consumers/consents} and {@code /funding-sources} list them.
 */
public final class ConsentsRoute {

    private final World world;

    /**
     * The route.
     *
     * @param world the state
     */
    public ConsentsRoute(World world) {
        this.world = world;
    }

    /**
     * {@code POST /v1/consents/init {agent_id, intent}}.
     *
     * @param ex the request
     * @return {@code {token, expires_at}}
     */
    public Answer init(Exchange ex) {
        JsonNode body = Bodies.object(ex);
        String agentId = Bodies.required(ex, body, "agent_id");
        JsonNode intent = body.get("intent");
        if (intent == null || !intent.isObject()) {
            throw Answer.invalid(ex, "Missing required field: intent");
        }
        Bodies.required(ex, intent, "purpose");
        positive(ex, intent, "mandate_ttl_seconds");
        JsonNode allowlist = intent.get("merchant_allowlist");
        if (allowlist == null || !allowlist.isArray() || allowlist.isEmpty()) {
            throw Answer.invalid(ex, "intent.merchant_allowlist must list at least one payee");
        }
        Bodies.required(ex, intent, "merchant_pin_kind");
        JsonNode slots = intent.get("slots");
        if (slots != null && !slots.isNull()) {
            if (!slots.isArray() || slots.isEmpty()) {
                throw Answer.invalid(ex, "intent.slots must be a non-empty array");
            }
            for (JsonNode slot : slots) {
                Bodies.required(ex, slot, "currency");
                Bodies.required(ex, slot, "rail");
                caps(ex, slot);
            }
        } else {
            Bodies.required(ex, intent, "currency");
            caps(ex, intent);
        }
        Consumers.PendingConsent p = world.consumers.init(agentId, intent);
        return Answer.json(200, Json.object().put("token", p.token()).put("expires_at", Json.iso(p.expiresAt())));
    }

    private static void caps(Exchange ex, JsonNode node) {
        long cap = positive(ex, node, "cap_minor");
        long perTx = positive(ex, node, "per_tx_cap_minor");
        if (perTx > cap) {
            throw Answer.invalid(ex, "per_tx_cap_minor must not exceed cap_minor");
        }
    }

    private static long positive(Exchange ex, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || v.asLong() <= 0) {
            throw Answer.invalid(ex, field + " must be a positive integer");
        }
        return v.asLong();
    }

    /**
     * {@code POST /v1/consents/{token}/submit {consumer_id, rail, provider_token}}.
     *
     * @param ex the request
     * @return {@code {mandate_id, consumer_id, agent_id, consent_id, funding_source_ids, expires_at, status}}
     */
    public Answer submit(Exchange ex) {
        Consumers.PendingConsent p = world.consumers.pending(ex.param("token"));
        if (p == null) {
            throw Answer.notFound(ex, "Consent token not found, expired or already used");
        }
        JsonNode body = Bodies.object(ex);
        String consumerId = Bodies.required(ex, body, "consumer_id");
        String rail = Bodies.required(ex, body, "rail");
        Bodies.required(ex, body, "provider_token");
        return Answer.json(200, submitted(world.consumers.submit(p, consumerId, rail)));
    }

    /**
     * The submit answer of a mandate.
     *
     * @param m the mandate
     * @return its summary
     */
    public static ObjectNode submitted(Mandate m) {
        ObjectNode out = Json.object();
        out.put("mandate_id", m.id);
        out.put("consumer_id", m.consumerId);
        out.put("agent_id", m.agentId);
        out.put("consent_id", m.consentId);
        ArrayNode sources = out.putArray("funding_source_ids");
        m.slots.forEach(s -> sources.add(s.fundingSourceId));
        out.put("status", "active");
        out.put("expires_at", Json.iso(m.expiresAt));
        return out;
    }

    /**
     * {@code GET /v1/consumers/consents}.
     *
     * @param ex the request
     * @return {@code {consents}}
     */
    public Answer consents(Exchange ex) {
        ObjectNode body = Json.object();
        body.putArray("consents").addAll(world.consumers.consents());
        return Answer.json(200, body);
    }

    /**
     * {@code GET /v1/consumers/funding-sources}.
     *
     * @param ex the request
     * @return {@code {funding_sources}}
     */
    public Answer fundingSources(Exchange ex) {
        ObjectNode body = Json.object();
        body.putArray("funding_sources").addAll(world.consumers.fundingSources());
        return Answer.json(200, body);
    }
}
