package dev.codespar.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;

/**
 * One tool call the fake answered, and its asynchronous settlement (§7 of the wire contract); guarded by the state
 * lock. Open status streams subscribe to it.
 */
final class ToolCallRecord {

    /** Which status endpoint tracks the call. */
    enum Kind { PAYMENT, VERIFICATION, OTHER }

    static final Set<String> PAYMENT_TERMINAL = Set.of("succeeded", "failed", "refunded");
    static final Set<String> VERIFICATION_TERMINAL = Set.of("approved", "rejected", "expired");

    final String id;
    final String tool;
    final String server;
    final Kind kind;
    final String idempotencyKey;
    final String originalStatus;
    final String hostedUrl;
    /** The provider's id (payment or verification), reported in events. */
    final String providerId;
    String status;
    final ArrayNode events = Wire.NODES.arrayNode();
    final List<BlockingQueue<StreamSignal>> subscribers = new ArrayList<>();

    ToolCallRecord(String id, String tool, String server, Kind kind, String originalStatus,
            String hostedUrl, String providerId) {
        this.id = id;
        this.tool = tool;
        this.server = server;
        this.kind = kind;
        this.idempotencyKey = kind == Kind.OTHER ? null : java.util.UUID.randomUUID().toString();
        this.originalStatus = originalStatus;
        this.hostedUrl = hostedUrl;
        this.providerId = providerId;
        this.status = kind == Kind.OTHER ? "unknown" : "pending";
    }

    boolean isTerminal() {
        return (kind == Kind.PAYMENT ? PAYMENT_TERMINAL : VERIFICATION_TERMINAL).contains(status);
    }

    /** The §7 envelope, as the payment or verification endpoint shows it. */
    ObjectNode envelope(Kind view) {
        ObjectNode env = Wire.object();
        env.put("tool_call_id", id);
        String field = view == Kind.VERIFICATION ? "verification_status" : "payment_status";
        env.put(field, kind == view ? status : "unknown");
        if (kind == view) {
            env.put("idempotency_key", idempotencyKey);
        } else {
            env.putNull("idempotency_key");
        }
        env.put("original_status", originalStatus);
        if (hostedUrl != null && kind == view) {
            env.put("hosted_url", hostedUrl);
        } else {
            env.putNull("hosted_url");
        }
        env.set("events", kind == view ? events.deepCopy() : Wire.NODES.arrayNode());
        return env;
    }
}
