package dev.codespar.testkit.internal.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.wire.Ids;
import dev.codespar.testkit.internal.wire.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * {@code codespar_invoice}: issue a document ({@code action: issue}, the default), read an issued one's fiscal state
 * ({@code status}), or amend it ({@code amend}: a correction letter while the window is open, else a cancel and
 * reissue). Reading or amending never issues a new document.
 */
final class InvoiceTool implements MetaTool {

    private static final Set<String> ACTIONS = Set.of("issue", "status", "amend");
    private static final Set<String> TYPES = Set.of("nfe", "nfse", "invoice");
    /** How long after issue a correction letter is still accepted (the SEFAZ amendment window, 30 days). */
    static final Duration CORRECTION_WINDOW = Duration.ofDays(30);

    @Override
    public JsonNode run(MetaCall call) {
        String action = call.oneOf("action", ACTIONS, "issue");
        String type = call.oneOf("type", TYPES, null);
        if (action.equals("issue")) {
            return issue(call, type);
        }
        String id = call.required("invoice_id");
        ObjectNode doc = call.world().records.get(id);
        if (doc == null || !doc.has("fiscal_type")) {
            throw new ToolFailure("Invalid parameter: invoice " + id + " not found");
        }
        if (action.equals("status")) {
            return view(doc);
        }
        return amend(call, doc);
    }

    private static JsonNode issue(MetaCall call, String type) {
        JsonNode recipient = call.object("recipient");
        JsonNode items = call.input().get("items");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw new ToolInputError("Missing required field: items");
        }
        String id = Ids.of(type + "_", 16);
        ObjectNode doc = Json.object();
        doc.put("id", id);
        doc.put("status", type.equals("invoice") ? "issued" : "autorizada");
        doc.put("type", type);
        doc.put("fiscal_type", type);
        doc.put("number", String.valueOf(1000 + call.world().records.size()));
        doc.set("recipient", recipient.deepCopy());
        doc.put("issued_at", Json.iso(call.world().now()));
        doc.put("pdf_url", call.baseUrl() + "/invoices/" + id + ".pdf");
        call.world().records.put(id, doc);
        return view(doc);
    }

    private static JsonNode amend(MetaCall call, ObjectNode doc) {
        String correction = Json.string(call.input(), "correction");
        String reason = Json.string(call.input(), "reason");
        if (correction == null && reason == null) {
            throw new ToolInputError("amend needs a correction or a reason");
        }
        Instant issued = Instant.parse(doc.get("issued_at").asText());
        boolean inWindow = correction != null && !call.world().now().isAfter(issued.plus(CORRECTION_WINDOW));
        ObjectNode amendment = Json.object();
        if (inWindow) {
            amendment.put("mechanism", "correction_letter");
            amendment.put("correction", correction);
            doc.put("status", "autorizada");
            doc.set("amendment", amendment);
            return view(doc);
        }
        String substitute = Ids.of(doc.get("type").asText() + "_", 16);
        ObjectNode copy = doc.deepCopy();
        copy.put("id", substitute);
        copy.put("issued_at", Json.iso(call.world().now()));
        copy.remove("amendment");
        call.world().records.put(substitute, copy);
        doc.put("status", "cancelada");
        amendment.put("mechanism", "cancel_and_reissue");
        amendment.put("substitute_id", substitute);
        if (reason != null) {
            amendment.put("reason", reason);
        }
        doc.set("amendment", amendment);
        return view(doc);
    }

    private static ObjectNode view(ObjectNode doc) {
        ObjectNode v = doc.deepCopy();
        v.remove("fiscal_type");
        return v;
    }
}
