package dev.codespar.testkit.internal.routes.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.routes.Bodies;
import dev.codespar.testkit.internal.routes.Exchange;
import dev.codespar.testkit.internal.state.Consumers;
import dev.codespar.testkit.internal.state.Mandate;
import dev.codespar.testkit.internal.state.Wallets;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.wire.Answer;
import dev.codespar.testkit.internal.wire.Ids;
import dev.codespar.testkit.internal.wire.Json;
import java.util.Locale;

/**
 * A consumer's unified wallet: {@code GET /v1/consumers/{id}/wallet} (per currency) and
 * {@code POST /v1/consumers/{id}/wallet/transfer} (a plan, or with {@code execute: true} a ramp trade at the fake's
 * rate that debits one slot and credits the other; no FX inside the wallet).
 */
public final class WalletRoute {

    private final World world;

    /**
     * The route.
     *
     * @param world the state
     */
    public WalletRoute(World world) {
        this.world = world;
    }

    /**
     * The request.
     *
     * @param ex the request
     * @return {@code {consumer_id, currencies}}
     */
    public Answer wallet(Exchange ex) {
        return Answer.json(200, Wallets.wallet(world.consumers, ex.param("id")));
    }

    /**
     * The request.
     *
     * @param ex the request
     * @return the plan or the execution
     */
    public Answer transfer(Exchange ex) {
        String consumerId = ex.param("id");
        JsonNode body = Bodies.object(ex);
        String from = Bodies.required(ex, body, "from_currency").toUpperCase(Locale.ROOT);
        String to = Bodies.required(ex, body, "to_currency").toUpperCase(Locale.ROOT);
        JsonNode amount = body.get("amount_minor");
        if (amount == null || !amount.isIntegralNumber() || amount.asLong() <= 0) {
            throw Answer.invalid(ex, "amount_minor must be a positive integer in minor units");
        }
        if (from.equals(to)) {
            throw Answer.invalid(ex, "from_currency and to_currency must differ: there is no transfer within a"
                    + " currency");
        }
        Mandate.Slot source = slot(consumerId, from);
        Mandate.Slot target = slot(consumerId, to);
        if (source == null || target == null) {
            throw Answer.invalid(ex, "consumer " + consumerId + " has no " + (source == null ? from : to)
                    + " slot in its wallet");
        }
        long credit = world.consumers.convert(amount.asLong(), from, to);
        ObjectNode out = Json.object();
        out.put("consumer_id", consumerId);
        out.put("route", to.startsWith("USD") ? "onramp" : "offramp");
        out.put("converts", true);
        out.put("engine", "unblockpay");
        out.put("executable", credit >= 0);
        ObjectNode fromNode = out.putObject("from");
        fromNode.put("currency", from).put("rail", source.rail).put("amount_minor", amount.asLong())
                .put("cap_available_minor", source.availableMinor());
        out.putObject("to").put("currency", to).put("rail", target.rail);
        boolean execute = body.path("execute").asBoolean(false);
        if (!execute) {
            out.put("executed", false);
            out.put("note", "A plan: nothing moved. Send execute: true to run the ramp at the real rate.");
            return Answer.json(200, out);
        }
        if (amount.asLong() > source.availableMinor()) {
            Consumers.Denial denial = new Consumers.Denial("budget_exceeded", "total_cap", consumerId + ":" + from
                    + ":total_cap", amount.asLong() + " exceeds the " + source.availableMinor() + " " + from
                    + " left in the wallet");
            return Answer.failure(403, denial.reason(), denial.body());
        }
        source.spentMinor += amount.asLong();
        target.capMinor += credit;
        String tx = Ids.of("txn_", 16);
        world.consumers.record(new Consumers.Movement(tx, consumerId, null, "transfer_out", amount.asLong(), from,
                source.rail, null, null, world.now()));
        world.consumers.record(new Consumers.Movement(Ids.of("txn_", 16), consumerId, null, "transfer_in", credit,
                to, target.rail, null, null, world.now()));
        out.put("executed", true);
        out.put("transaction_id", tx);
        out.put("status", "processing");
        out.put("settle_via", "/v1/consumers/" + consumerId + "/wallet");
        out.put("credited_minor", credit);
        return Answer.json(200, out);
    }

    private Mandate.Slot slot(String consumerId, String currency) {
        for (Mandate m : world.consumers.mandatesOf(consumerId)) {
            Mandate.Slot s = m.slot(currency);
            if (s != null) {
                return s;
            }
        }
        return null;
    }
}
