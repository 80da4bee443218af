package dev.codespar.testkit.internal.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.state.ToolCallRecord;
import dev.codespar.testkit.internal.wire.Ids;
import dev.codespar.testkit.internal.wire.Json;
import java.util.Set;

/**
 * {@code codespar_crypto_pay}: receive a stablecoin payment through a hosted page, or send a payout to an on-chain
 * address (a counterparty with its country is required); both start {@code pending} and settle like payments.
 */
final class CryptoPayTool implements MetaTool {

    private static final Set<String> DIRECTIONS = Set.of("receive", "send");

    @Override
    public ToolCallRecord.Kind settles(JsonNode input) {
        return ToolCallRecord.Kind.PAYMENT;
    }

    @Override
    public JsonNode run(MetaCall call) {
        JsonNode amount = call.input().get("amount");
        if (amount.asDouble() <= 0) {
            throw new ToolInputError("amount must be a positive number");
        }
        String currency = call.required("currency");
        String direction = call.oneOf("direction", DIRECTIONS, null);
        String id = Ids.of("cpy_", 16);
        ObjectNode data = Json.object();
        data.put("id", id);
        data.put("status", "pending");
        data.set("amount", amount);
        data.put("currency", currency);
        data.put("direction", direction);
        if (direction.equals("send")) {
            JsonNode counterparty = call.object("counterparty");
            String address = Json.string(counterparty, "address");
            if (address == null || Json.string(counterparty, "country") == null) {
                throw new ToolInputError("counterparty needs an address and a country to send");
            }
            data.put("rail", call.text("rail", "stablecoin-payout"));
            data.set("counterparty", counterparty.deepCopy());
            data.put("network", "base-sepolia");
        } else {
            data.put("rail", call.text("rail", "hosted-checkout"));
            data.put("hosted_url", call.baseUrl() + "/crypto/" + id);
        }
        return data;
    }
}
