package dev.codespar.testkit.internal.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.state.Consumers;
import dev.codespar.testkit.internal.state.Wallets;
import dev.codespar.testkit.internal.wire.Ids;
import dev.codespar.testkit.internal.wire.Json;
import java.util.List;
import java.util.Set;

/**
 * {@code codespar_wallet}: the governed funds of a consumer (the session's user unless {@code consumer_id} names
 * another): per-currency {@code balance}, the {@code statement} of its movements, or a {@code topup} (a pending Pix
 * charge that credits the slot when paid).
 */
final class WalletTool implements MetaTool {

    private static final Set<String> ACTIONS = Set.of("balance", "statement", "topup");

    @Override
    public boolean inputErrorsAreHttp() {
        return false;
    }

    @Override
    public JsonNode run(MetaCall call) {
        String action = call.oneOf("action", ACTIONS, "balance");
        String consumerId = call.text("consumer_id", call.session().userId);
        String currency = Json.string(call.input(), "currency");
        Consumers consumers = call.world().consumers;
        switch (action) {
            case "statement": {
                int limit = (int) Math.max(1, Math.min(100, call.input().path("limit").asLong(50)));
                ObjectNode data = Json.object();
                data.put("consumer_id", consumerId);
                ArrayNode entries = data.putArray("entries");
                List<Consumers.Movement> all = consumers.movementsOf(consumerId);
                for (int i = all.size() - 1; i >= 0 && entries.size() < limit; i--) {
                    Consumers.Movement m = all.get(i);
                    if (currency == null || currency.equalsIgnoreCase(m.currency())) {
                        entries.add(Wallets.movementRow(m));
                    }
                }
                data.put("count", entries.size());
                return data;
            }
            case "topup": {
                String cur = call.required("currency");
                long amount = call.positiveInteger("amount_minor");
                String id = Ids.of("top_", 16);
                ObjectNode data = Json.object();
                data.put("id", id);
                data.put("status", "pending");
                data.put("consumer_id", consumerId);
                data.put("currency", cur);
                data.put("amount_minor", amount);
                data.put("pix_copy_paste", PixCodes.copyPaste(id));
                return data;
            }
            default: {
                ObjectNode data = Wallets.wallet(consumers, consumerId);
                if (currency != null) {
                    ArrayNode only = Json.NODES.arrayNode();
                    for (JsonNode row : data.get("currencies")) {
                        if (currency.equalsIgnoreCase(row.get("currency").asText())) {
                            only.add(row);
                        }
                    }
                    data.set("currencies", only);
                }
                return data;
            }
        }
    }
}
