package dev.codespar.testkit.internal.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.wire.Ids;
import dev.codespar.testkit.internal.wire.Json;
import java.util.Locale;
import java.util.Set;

/**
 * {@code codespar_shop}: catalogue search, an asynchronous checkout, and its status. A checkout is
 * {@code in_progress} on the first status poll, then {@code ready_for_payment} with the store's Pix (or
 * {@code canceled} when the store does not sell what was asked) on every later one. Input problems are failures
 * whose error starts with {@code invalid_args}.
 */
final class ShopTool implements MetaTool {

    private static final Set<String> ACTIONS = Set.of("search", "checkout", "checkout_status");
    private static final String VTEX_STORE = "https://cobasi.test";

    @Override
    public boolean inputErrorsAreHttp() {
        return false;
    }

    @Override
    public JsonNode run(MetaCall call) {
        String action = call.oneOf("action", ACTIONS, "search");
        switch (action) {
            case "checkout":
                return checkout(call);
            case "checkout_status":
                return status(call);
            default:
                String query = call.required("query");
                int limit = (int) Math.max(1, Math.min(20, call.input().path("limit").asLong(10)));
                ObjectNode data = Json.object();
                data.put("rail", isMeli(Json.string(call.input(), "merchant")) ? "meli" : "vtex");
                data.set("products", ShopCatalog.search(query, limit, VTEX_STORE));
                return data;
        }
    }

    private static boolean isMeli(String merchant) {
        if (merchant == null) {
            return false;
        }
        String m = merchant.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
        return m.equals("meli") || m.equals("mercadolivre") || m.equals("mercadolibre");
    }

    private static JsonNode checkout(MetaCall call) {
        JsonNode items = call.input().get("items");
        String url = Json.string(call.input(), "url");
        boolean hasItems = items != null && items.isArray() && !items.isEmpty();
        if (hasItems && url != null) {
            throw new ToolInputError("pass items (VTEX) or url (Mercado Livre), not both");
        }
        boolean meli = url != null || isMeli(Json.string(call.input(), "merchant"));
        if (meli && url == null) {
            throw new ToolInputError("meli_url_required: a Mercado Livre checkout needs the product url");
        }
        if (!meli && !hasItems) {
            throw new ToolInputError("items_required: a VTEX checkout needs items [{variant_id, quantity?}]");
        }
        JsonNode address = call.input().get("address");
        if (address != null && !address.isNull() && Json.string(address, "cep") == null) {
            throw new ToolInputError("address.cep is required when address is given");
        }
        long total = 0;
        boolean known = true;
        if (meli) {
            long price = ShopCatalog.price(url.substring(url.lastIndexOf('/') + 1));
            known = price > 0;
            total = Math.max(price, 0);
        } else {
            for (JsonNode item : items) {
                String sku = Json.string(item, "variant_id");
                if (sku == null) {
                    throw new ToolInputError("every item needs a variant_id");
                }
                long price = ShopCatalog.price(sku);
                known &= price > 0;
                total += Math.max(price, 0) * Math.max(1, item.path("quantity").asLong(1));
            }
        }
        String id = Ids.of("cks_", 16);
        ObjectNode record = Json.object();
        record.put("checkout_session_id", id);
        record.put("session_id", call.session().id);
        record.put("rail", meli ? "meli" : "vtex");
        record.put("total_minor", total);
        record.put("outcome", known ? "ready_for_payment" : "canceled");
        record.put("polls", 0);
        call.world().records.put(id, record);
        ObjectNode data = Json.object();
        data.put("checkout_session_id", id);
        data.put("status", "in_progress");
        data.put("message", "checkout started");
        return data;
    }

    private static JsonNode status(MetaCall call) {
        String id = call.required("checkout_session_id");
        ObjectNode record = call.world().records.get(id);
        ObjectNode data = Json.object();
        data.put("checkout_session_id", id);
        if (record == null || !record.has("outcome") || !call.session().id.equals(record.path("session_id")
                .asText())) {
            data.put("status", "canceled");
            data.put("error", "checkout session not found for this session");
            return data;
        }
        int polls = record.get("polls").asInt() + 1;
        record.put("polls", polls);
        data.set("rail", record.get("rail"));
        if (polls == 1) {
            data.put("status", "in_progress");
            return data;
        }
        if (record.get("outcome").asText().equals("canceled")) {
            data.put("status", "canceled");
            data.put("error", record.get("rail").asText().equals("meli") ? "browser_worker_meli_failed"
                    : "browser_worker_checkout_failed");
            return data;
        }
        data.put("status", "ready_for_payment");
        data.set("total_minor", record.get("total_minor"));
        data.put("pix_copia_e_cola", PixCodes.copyPaste(id));
        data.put("order_status", "pending");
        return data;
    }
}
