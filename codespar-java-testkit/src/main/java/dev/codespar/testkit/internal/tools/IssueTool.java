package dev.codespar.testkit.internal.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.wire.Ids;
import dev.codespar.testkit.internal.wire.Json;
import java.util.Map;
import java.util.Set;

/** {@code codespar_issue}: issue virtual and physical cards, freeze, unfreeze or cancel them, and read them. */
final class IssueTool implements MetaTool {

    private static final Set<String> ACTIONS = Set.of("card-virtual", "card-physical", "card-control", "card-get");
    private static final Map<String, String> CONTROLS = Map.of("freeze", "BLOCKED", "unfreeze", "ACTIVE",
            "cancel", "DISABLED");

    @Override
    public JsonNode run(MetaCall call) {
        String action = call.oneOf("action", ACTIONS, null);
        if (action.equals("card-virtual") || action.equals("card-physical")) {
            boolean physical = action.equals("card-physical");
            ObjectNode card = Json.object();
            String id = Ids.of("crd_", 16);
            card.put("id", id);
            card.put("status", physical ? "CREATED" : "ACTIVE");
            card.put("card_type", physical ? "PHYSICAL" : "VIRTUAL");
            card.put("last_four", String.format("%04d", Math.floorMod(id.hashCode(), 10000)));
            card.put("cardholder_id", call.required("cardholder_id"));
            card.put("program_id", call.required("program_id"));
            if (physical) {
                card.set("shipping_address", call.object("shipping_address").deepCopy());
            }
            call.world().records.put(id, card);
            return card.deepCopy();
        }
        String cardId = call.required("card_id");
        ObjectNode card = call.world().records.get(cardId);
        if (card == null || !card.has("card_type")) {
            throw new ToolFailure("Invalid parameter: card " + cardId + " not found");
        }
        if (action.equals("card-control")) {
            String control = call.oneOf("control", CONTROLS.keySet(), null);
            if (card.get("status").asText().equals("DISABLED")) {
                throw new ToolFailure("Invalid parameter: card " + cardId + " is cancelled");
            }
            card.put("status", CONTROLS.get(control));
        }
        return card.deepCopy();
    }
}
