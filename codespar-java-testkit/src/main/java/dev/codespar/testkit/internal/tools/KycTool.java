package dev.codespar.testkit.internal.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.state.ToolCallRecord;
import dev.codespar.testkit.internal.wire.Ids;
import dev.codespar.testkit.internal.wire.Json;
import java.util.Set;

/**
 * {@code codespar_kyc}: starts a verification ({@code pending}, with a hosted page for identity and document
 * checks, a score for risk scoring) that the test settles.
 */
final class KycTool implements MetaTool {

    private static final Set<String> CHECKS = Set.of("identity", "document", "risk-score", "sanctions");

    @Override
    public ToolCallRecord.Kind settles(JsonNode input) {
        return ToolCallRecord.Kind.VERIFICATION;
    }

    @Override
    public JsonNode run(MetaCall call) {
        String checkType = call.oneOf("check_type", CHECKS, null);
        String id = Ids.of("ver_", 16);
        ObjectNode data = Json.object();
        data.put("verification_id", id);
        data.put("status", "pending");
        data.put("check_type", checkType);
        if (checkType.equals("identity") || checkType.equals("document")) {
            data.put("hosted_url", call.baseUrl() + "/kyc/" + id);
        } else {
            data.putNull("hosted_url");
        }
        if (checkType.equals("risk-score")) {
            data.put("score", 0.12);
        }
        return data;
    }
}
