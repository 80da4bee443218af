package dev.codespar.testkit.internal.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.state.Consumers;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.wire.Ids;
import dev.codespar.testkit.internal.wire.Json;
import java.util.Set;

/**
 * {@code codespar_ledger}: double-entry books (accounts by alias, created on first use; an entry's debits must equal
 * its credits, in one asset, amounts in minor units) and the signed agentic receipts of mandate spends.
 */
final class LedgerTool implements MetaTool {

    private static final Set<String> ACTIONS = Set.of("entry", "balance", "account", "receipt", "receipts");

    @Override
    public JsonNode run(MetaCall call) {
        String action = call.oneOf("action", ACTIONS, null);
        World world = call.world();
        switch (action) {
            case "account": {
                String asset = call.required("asset");
                String alias = call.required("alias");
                ObjectNode account = account(world, alias, asset);
                if (Json.string(call.input(), "name") != null) {
                    account.put("name", Json.string(call.input(), "name"));
                }
                return view(account);
            }
            case "balance": {
                String id = call.required("account");
                ObjectNode account = world.records.get(id);
                if (account == null || !account.has("balances")) {
                    throw new ToolFailure("Invalid parameter: account " + id + " not found");
                }
                return view(account);
            }
            case "receipt":
                return Receipts.one(world, call.required("receipt_id"));
            case "receipts": {
                String consumer = call.text("consumer_id", call.session().userId);
                int limit = (int) Math.max(1, Math.min(200, call.input().path("limit").asLong(50)));
                return Receipts.of(world, consumer, limit);
            }
            default:
                return entry(call, world);
        }
    }

    private static JsonNode entry(MetaCall call, World world) {
        String asset = call.required("asset");
        JsonNode source = call.input().get("source");
        JsonNode destination = call.input().get("destination");
        long debits = legs(source, "source");
        long credits = legs(destination, "destination");
        if (debits != credits) {
            throw new ToolFailure("Invalid parameter: source debits (" + debits + ") must equal destination credits ("
                    + credits + ")");
        }
        for (JsonNode leg : source) {
            move(account(world, leg.get("account").asText(), asset), asset, -leg.get("amount").asLong());
        }
        for (JsonNode leg : destination) {
            move(account(world, leg.get("account").asText(), asset), asset, leg.get("amount").asLong());
        }
        ObjectNode data = Json.object();
        data.put("id", Ids.uuid());
        data.put("status", "APPROVED");
        data.put("amount", debits);
        data.put("asset", asset);
        if (Json.string(call.input(), "description") != null) {
            data.put("description", Json.string(call.input(), "description"));
        }
        return data;
    }

    private static long legs(JsonNode legs, String name) {
        if (legs == null || !legs.isArray() || legs.isEmpty()) {
            throw new ToolInputError("Missing required field: " + name);
        }
        long sum = 0;
        for (JsonNode leg : legs) {
            if (Json.string(leg, "account") == null || !leg.path("amount").isIntegralNumber()
                    || leg.path("amount").asLong() <= 0) {
                throw new ToolInputError(name + " legs need an account and a positive integer amount");
            }
            sum += leg.get("amount").asLong();
        }
        return sum;
    }

    /** The account of an alias, created on first use. */
    private static ObjectNode account(World world, String alias, String asset) {
        for (ObjectNode r : world.records.values()) {
            if (r.has("balances") && alias.equals(r.path("alias").asText())) {
                return r;
            }
        }
        String id = Ids.uuid();
        ObjectNode account = Json.object();
        account.put("id", id);
        account.put("account_id", id);
        account.put("alias", alias);
        account.put("status", "ACTIVE");
        account.putObject("balances").putObject(asset).put("available", 0L).put("on_hold", 0L);
        world.records.put(id, account);
        return account;
    }

    private static void move(ObjectNode account, String asset, long delta) {
        ObjectNode balances = (ObjectNode) account.get("balances");
        ObjectNode b = balances.has(asset) ? (ObjectNode) balances.get(asset)
                : balances.putObject(asset).put("available", 0L).put("on_hold", 0L);
        b.put("available", b.get("available").asLong() + delta);
    }

    private static ObjectNode view(ObjectNode account) {
        return account.deepCopy();
    }

    /** The receipts of mandate spends. */
    static final class Receipts {
        private Receipts() {}

        static ObjectNode one(World world, String receiptId) {
            for (Consumers.Movement m : world.consumers.movements()) {
                if (receiptId.equals(m.receiptId())) {
                    return Json.object().put("found", true).set("receipt", AgenticReceipts.of(world, m));
                }
            }
            return Json.object().put("found", false).put("receipt_id", receiptId);
        }

        static ObjectNode of(World world, String consumerId, int limit) {
            ObjectNode data = Json.object();
            ArrayNode list = data.putArray("receipts");
            for (Consumers.Movement m : world.consumers.movementsOf(consumerId)) {
                if (m.receiptId() != null && list.size() < limit) {
                    list.add(AgenticReceipts.of(world, m));
                }
            }
            data.put("count", list.size());
            return data;
        }
    }
}
