package dev.codespar.testkit.internal.state;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.wire.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A consumer's unified wallet: its mandates' slots rolled up per currency. */
public final class Wallets {

    private Wallets() {}

    /**
     * {@code {consumer_id, currencies: [{currency, rail, authorized_minor, spent_minor, available_minor,
     * funding_source_ids, mandate_ids}]}}.
     *
     * @param consumers the store
     * @param consumerId the consumer
     * @return the wallet
     */
    public static ObjectNode wallet(Consumers consumers, String consumerId) {
        Map<String, ObjectNode> rows = new LinkedHashMap<>();
        for (Mandate m : consumers.mandatesOf(consumerId)) {
            for (Mandate.Slot slot : m.slots) {
                ObjectNode row = rows.computeIfAbsent(slot.currency, c -> {
                    ObjectNode r = Json.object();
                    r.put("currency", c);
                    r.put("rail", slot.rail);
                    r.put("authorized_minor", 0L);
                    r.put("spent_minor", 0L);
                    r.put("available_minor", 0L);
                    r.putArray("funding_source_ids");
                    r.putArray("mandate_ids");
                    return r;
                });
                if (!row.path("rail").asText().equals(slot.rail)) {
                    row.putNull("rail");
                }
                row.put("authorized_minor", row.get("authorized_minor").asLong() + slot.capMinor);
                row.put("spent_minor", row.get("spent_minor").asLong() + slot.spentMinor);
                row.put("available_minor", row.get("available_minor").asLong() + slot.availableMinor());
                addOnce((ArrayNode) row.get("funding_source_ids"), slot.fundingSourceId);
                addOnce((ArrayNode) row.get("mandate_ids"), m.id);
            }
        }
        ObjectNode wallet = Json.object();
        wallet.put("consumer_id", consumerId);
        wallet.putArray("currencies").addAll(List.copyOf(rows.values()));
        return wallet;
    }

    private static void addOnce(ArrayNode list, String value) {
        for (var v : list) {
            if (v.asText().equals(value)) {
                return;
            }
        }
        list.add(value);
    }

    /**
     * A statement line.
     *
     * @param m the movement
     * @return {@code {id, type, amount_minor, currency, rail, payee, mandate_id, receipt_id, created_at}}
     */
    public static ObjectNode movementRow(Consumers.Movement m) {
        ObjectNode row = Json.object();
        row.put("id", m.id());
        row.put("type", m.type());
        row.put("amount_minor", m.amountMinor());
        row.put("currency", m.currency());
        row.put("rail", m.rail());
        row.put("payee", m.payee());
        row.put("mandate_id", m.mandateId());
        row.put("receipt_id", m.receiptId());
        row.put("created_at", Json.iso(m.createdAt()));
        return row;
    }
}
