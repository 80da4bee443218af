package dev.codespar.testkit.internal.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.state.ToolCallRecord;
import dev.codespar.testkit.internal.wire.Ids;
import dev.codespar.testkit.internal.wire.Json;
import java.util.Set;

/** {@code codespar_charge}: an inbound charge in major units, with a hosted page and, for Pix, a copy-paste code. */
final class ChargeTool implements MetaTool {

    private static final Set<String> METHODS = Set.of("pix", "boleto", "card");

    @Override
    public ToolCallRecord.Kind settles(JsonNode input) {
        return ToolCallRecord.Kind.PAYMENT;
    }

    @Override
    public JsonNode run(MetaCall call) {
        JsonNode amount = call.input().get("amount");
        if (amount.asDouble() <= 0) {
            throw new ToolInputError("amount must be a positive number in major units");
        }
        String currency = call.required("currency");
        String method = call.oneOf("method", METHODS, null);
        call.required("description");
        JsonNode buyer = call.object("buyer");
        if (Json.string(buyer, "name") == null) {
            throw new ToolInputError("Missing required field: buyer.name");
        }
        String id = Ids.of("chg_", 16);
        ObjectNode data = Json.object();
        data.put("id", id);
        data.put("status", "pending");
        data.set("amount", amount);
        data.put("currency", currency);
        data.put("method", method);
        data.put("charge_url", call.baseUrl() + "/checkout/" + id);
        if (method.equals("pix")) {
            String code = PixCodes.copyPaste(id);
            data.put("pix_copy_paste", code);
            data.put("pix_qr_code", PixCodes.qrImage(code));
        }
        return data;
    }
}
