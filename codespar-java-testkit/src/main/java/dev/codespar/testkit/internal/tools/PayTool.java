package dev.codespar.testkit.internal.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.state.Consumers;
import dev.codespar.testkit.internal.state.Mandate;
import dev.codespar.testkit.internal.state.ToolCallRecord;
import dev.codespar.testkit.internal.wire.Answer;
import dev.codespar.testkit.internal.wire.Ids;
import dev.codespar.testkit.internal.wire.Json;
import java.util.Set;

/**
 * {@code codespar_pay}: an outbound payment ({@code action: pay}; amount in minor units, to a {@code recipient} or a
 * Pix {@code copia_e_cola}, optionally under a consumer mandate whose caps it enforces), or the status of one
 * ({@code action: status}). A payment starts {@code pending}; the test settles it.
 */
final class PayTool implements MetaTool {

    private static final Set<String> ACTIONS = Set.of("pay", "status");
    private static final Set<String> METHODS = Set.of("pix", "card", "usdc", "boleto", "sepa", "wire");

    @Override
    public ToolCallRecord.Kind settles(JsonNode input) {
        return "pay".equals(Json.string(input, "action")) ? ToolCallRecord.Kind.PAYMENT : ToolCallRecord.Kind.OTHER;
    }

    @Override
    public JsonNode run(MetaCall call) {
        String action = call.oneOf("action", ACTIONS, null);
        return action.equals("status") ? status(call) : pay(call);
    }

    private static JsonNode status(MetaCall call) {
        String paymentId = call.required("payment_id");
        ToolCallRecord rec = call.world().paymentByProviderId(paymentId);
        if (rec == null) {
            throw new ToolFailure("Invalid parameter: payment " + paymentId + " not found");
        }
        ObjectNode data = rec.data != null && rec.data.isObject() ? (ObjectNode) rec.data.deepCopy() : Json.object();
        data.put("id", paymentId);
        data.put("status", rec.status);
        data.put("settled", rec.status.equals("succeeded"));
        data.put("status_message", message(rec.status));
        return data;
    }

    private static JsonNode pay(MetaCall call) {
        long amount = call.positiveInteger("amount");
        String currency = call.required("currency");
        String description = call.required("description");
        String method = call.oneOf("method", METHODS, "pix");
        String copia = Json.string(call.input(), "copia_e_cola");
        String recipient = Json.string(call.input(), "recipient");
        String linha = Json.string(call.input(), "linha_digitavel");
        if (method.equals("boleto") && linha == null && recipient == null) {
            throw new ToolInputError("linha_digitavel is required to pay a boleto");
        }
        String payee = copia != null ? BrCode.payee(copia) : recipient != null ? recipient : linha;
        if (payee == null) {
            throw new ToolInputError("recipient or copia_e_cola is required");
        }
        String mandateId = Json.string(call.input(), "mandateId");
        if (mandateId != null) {
            spendFromMandate(call, mandateId, amount, payee);
        }
        ObjectNode data = Json.object();
        data.put("id", Ids.of("pay_", 16));
        data.put("status", "pending");
        data.put("settled", false);
        data.put("status_message", message("pending"));
        data.put("amount", amount);
        data.put("currency", currency);
        data.put("method", method);
        data.put("recipient", payee);
        data.put("description", description);
        String checkout = Json.string(call.input(), "checkout_session_id");
        if (checkout != null) {
            data.put("checkout_session_id", checkout);
        }
        return data;
    }

    /** A governed spend: the mandate's caps apply, and a refusal is the 403 policy denial. */
    private static void spendFromMandate(MetaCall call, String mandateId, long amount, String payee) {
        Consumers consumers = call.world().consumers;
        Mandate m = consumers.mandate(mandateId);
        if (m == null) {
            throw new ToolFailure("Invalid parameter: mandate " + mandateId + " not found");
        }
        Consumers.Denial denial = consumers.check(m, amount, payee, null);
        if (denial != null) {
            throw Answer.failure(403, denial.reason(), denial.body()).refusal();
        }
        consumers.spend(m, amount, payee);
    }

    private static String message(String status) {
        switch (status) {
            case "succeeded":
                return "Payment settled";
            case "failed":
                return "Payment failed";
            case "refunded":
                return "Payment refunded";
            default:
                return "Payment accepted; settlement pending";
        }
    }
}
