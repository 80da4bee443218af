package dev.codespar.testkit.internal.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.state.ToolCallRecord;
import dev.codespar.testkit.internal.wire.Ids;
import dev.codespar.testkit.internal.wire.Json;
import java.math.BigDecimal;
import java.util.Set;

/** {@code codespar_checkout}: a cart dispatched as one charge with a hosted payment page. */
final class CheckoutTool implements MetaTool {

    private static final Set<String> METHODS = Set.of("pix", "boleto", "card");

    @Override
    public ToolCallRecord.Kind settles(JsonNode input) {
        return ToolCallRecord.Kind.PAYMENT;
    }

    @Override
    public JsonNode run(MetaCall call) {
        JsonNode items = call.input().get("items");
        if (items.isEmpty()) {
            throw new ToolInputError("items must list at least one line");
        }
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < items.size(); i++) {
            JsonNode line = items.get(i);
            JsonNode price = line.get("price");
            if (!line.isObject() || Json.string(line, "name") == null || price == null || !price.isNumber()
                    || price.decimalValue().signum() < 0) {
                throw new ToolInputError("items[" + i + "] needs a name and a price in major units");
            }
            long quantity = line.path("quantity").asLong(1);
            if (quantity < 1) {
                throw new ToolInputError("items[" + i + "].quantity must be at least 1");
            }
            total = total.add(price.decimalValue().multiply(BigDecimal.valueOf(quantity)));
        }
        String method = call.oneOf("paymentMethod", METHODS, "pix");
        String id = Ids.of("chk_", 16);
        ObjectNode data = Json.object();
        data.put("id", id);
        data.put("status", "pending");
        BigDecimal plain = total.stripTrailingZeros();
        if (plain.scale() <= 0) {
            data.put("amount", plain.longValueExact());
        } else {
            data.put("amount", plain.doubleValue());
        }
        data.put("currency", call.required("currency"));
        data.put("method", method);
        data.put("checkout_url", call.baseUrl() + "/checkout/" + id);
        data.set("items", items.deepCopy());
        if (method.equals("pix")) {
            data.put("pix_copy_paste", PixCodes.copyPaste(id));
        }
        return data;
    }
}
