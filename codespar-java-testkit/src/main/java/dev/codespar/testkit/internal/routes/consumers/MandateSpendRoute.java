package dev.codespar.testkit.internal.routes.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.routes.Bodies;
import dev.codespar.testkit.internal.routes.Exchange;
import dev.codespar.testkit.internal.state.Consumers;
import dev.codespar.testkit.internal.state.Mandate;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.wire.Answer;
import dev.codespar.testkit.internal.wire.Json;

/**
 * {@code POST /v1/consumers/mandates/{id}/spend {amount_minor, payee, agent_id}}: the mandate's rules decide; a
 * refusal is the 403 policy denial {@code {reason, ruleType, ruleId}} (e.g. {@code budget_exceeded}).
 */
public final class MandateSpendRoute {

    private final World world;

    /**
     * The route.
     *
     * @param world the state
     */
    public MandateSpendRoute(World world) {
        this.world = world;
    }

    /**
     * The request.
     *
     * @param ex the request
     * @return the transaction and its receipt, or the denial
     */
    public Answer spend(Exchange ex) {
        Mandate m = world.consumers.mandate(ex.param("id"));
        if (m == null) {
            throw Answer.notFound(ex, "Mandate not found");
        }
        JsonNode body = Bodies.object(ex);
        JsonNode amount = body.get("amount_minor");
        if (amount == null || !amount.isIntegralNumber() || amount.asLong() <= 0) {
            throw Answer.invalid(ex, "amount_minor must be a positive integer in minor units");
        }
        String payee = Bodies.required(ex, body, "payee");
        String agentId = Bodies.required(ex, body, "agent_id");
        Consumers.Denial denial = world.consumers.check(m, amount.asLong(), payee, agentId);
        if (denial != null) {
            return Answer.failure(403, denial.reason(), denial.body());
        }
        Consumers.Movement mv = world.consumers.spend(m, amount.asLong(), payee);
        Mandate.Slot slot = Consumers.slotFor(m, payee);
        ObjectNode tx = Json.object();
        tx.put("transaction_id", mv.id());
        tx.put("receipt_id", mv.receiptId());
        tx.put("mandate_id", m.id);
        tx.put("consumer_id", m.consumerId);
        tx.put("agent_id", m.agentId);
        tx.put("status", "settled");
        tx.put("amount_minor", mv.amountMinor());
        tx.put("currency", mv.currency());
        tx.put("rail", mv.rail());
        tx.put("payee", payee);
        tx.put("money_moved", true);
        tx.put("available_minor", slot.availableMinor());
        tx.put("created_at", Json.iso(mv.createdAt()));
        return Answer.json(200, tx);
    }
}
