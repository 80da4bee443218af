package dev.codespar.testkit.internal.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.wire.Ids;
import dev.codespar.testkit.internal.wire.Json;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;

/** {@code codespar_ship}: quote a route, buy a label (a tracking code the fake remembers), or track a shipment. */
final class ShipTool implements MetaTool {

    private static final Set<String> ACTIONS = Set.of("label", "track", "quote");
    private static final Set<String> LEVELS = Set.of("fastest", "cheapest", "standard");

    @Override
    public JsonNode run(MetaCall call) {
        String action = call.oneOf("action", ACTIONS, null);
        if (action.equals("track")) {
            return track(call);
        }
        JsonNode origin = call.object("origin");
        JsonNode destination = call.object("destination");
        for (JsonNode address : new JsonNode[] {origin, destination}) {
            if (Json.string(address, "postal_code") == null) {
                throw new ToolInputError("origin and destination need a postal_code");
            }
        }
        JsonNode items = call.input().get("items");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw new ToolInputError("Missing required field: items");
        }
        long grams = 0;
        for (JsonNode item : items) {
            if (item.path("weight_g").asLong() <= 0) {
                throw new ToolInputError("every item needs a positive weight_g");
            }
            grams += item.path("weight_g").asLong() * Math.max(1, item.path("quantity").asLong(1));
        }
        String level = call.oneOf("service_level", LEVELS, "cheapest");
        long cost = 1890 + grams / 100 * 70 + (level.equals("fastest") ? 1500 : 0);
        ObjectNode data = Json.object();
        String id = Ids.of("shp_", 16);
        data.put("id", id);
        data.put("carrier", call.server());
        data.put("cost_minor", cost);
        data.put("estimated_delivery", Json.iso(call.world().now().plus(level.equals("fastest") ? 1 : 5,
                ChronoUnit.DAYS)));
        if (action.equals("quote")) {
            data.put("status", "quoted");
            return data;
        }
        String tracking = "BR" + Ids.of("", 11).toUpperCase(Locale.ROOT);
        data.put("status", "created");
        data.put("tracking_code", tracking);
        data.put("label_url", call.baseUrl() + "/labels/" + id + ".pdf");
        call.world().records.put(tracking, data.deepCopy());
        return data;
    }

    private static JsonNode track(MetaCall call) {
        String code = call.required("tracking_code");
        ObjectNode label = call.world().records.get(code);
        if (label == null) {
            throw new ToolFailure("Invalid parameter: tracking_code " + code + " not found");
        }
        ObjectNode data = Json.object();
        data.set("id", label.get("id"));
        data.put("status", "in_transit");
        data.put("tracking_code", code);
        data.set("carrier", label.get("carrier"));
        data.set("estimated_delivery", label.get("estimated_delivery"));
        return data;
    }
}
