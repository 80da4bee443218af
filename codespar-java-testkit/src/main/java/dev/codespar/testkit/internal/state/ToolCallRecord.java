package dev.codespar.testkit.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.wire.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;

/** One tool call the fake answered, and its asynchronous settlement; guarded by the world's lock. */
public final class ToolCallRecord {

    /** Which status endpoint tracks the call. */
    public enum Kind {
        /** A payment or charge: {@code /payment-status}. */
        PAYMENT,
        /** A KYC check: {@code /verification-status}. */
        VERIFICATION,
        /** Anything else: both answer {@code unknown}. */
        OTHER
    }

    private static final Set<String> PAYMENT_TERMINAL = Set.of("succeeded", "failed", "refunded");
    private static final Set<String> VERIFICATION_TERMINAL = Set.of("approved", "rejected", "expired");

    /** The {@code tool_call_id}. */
    public final String id;
    /** The tool. */
    public final String tool;
    /** The server that ran it. */
    public final String server;
    /** What settles it. */
    public final Kind kind;
    /** The key forwarded to the provider, or {@code null}. */
    public final String idempotencyKey;
    /** {@code success} or {@code error}. */
    public final String originalStatus;
    /** The buyer-facing page, or {@code null}. */
    public final String hostedUrl;
    /** The provider's id of the payment or verification. */
    public final String providerId;
    /** The settlement status. */
    public String status;
    /** The call's {@code data}, or {@code null}. */
    public JsonNode data;
    /** The settlement events so far. */
    public final ArrayNode events = Json.NODES.arrayNode();
    /** Open status streams. */
    public final List<BlockingQueue<StreamSignal>> subscribers = new ArrayList<>();

    /**
     * A record.
     *
     * @param id the id
     * @param tool the tool
     * @param server the server
     * @param kind what settles it
     * @param originalStatus {@code success} or {@code error}
     * @param hostedUrl the hosted page or {@code null}
     * @param providerId the provider's id or {@code null}
     */
    public ToolCallRecord(String id, String tool, String server, Kind kind, String originalStatus, String hostedUrl,
            String providerId) {
        this.id = id;
        this.tool = tool;
        this.server = server;
        this.kind = kind;
        this.idempotencyKey = kind == Kind.OTHER ? null : UUID.randomUUID().toString();
        this.originalStatus = originalStatus;
        this.hostedUrl = hostedUrl;
        this.providerId = providerId;
        this.status = kind == Kind.OTHER ? "unknown" : "pending";
    }

    /**
     * Whether its status is terminal.
     *
     * @return {@code true} once settled for good
     */
    public boolean isTerminal() {
        return (kind == Kind.PAYMENT ? PAYMENT_TERMINAL : VERIFICATION_TERMINAL).contains(status);
    }

    /**
     * The status envelope, as the payment or verification endpoint shows it.
     *
     * @param view which endpoint asks
     * @return a new object
     */
    public ObjectNode envelope(Kind view) {
        ObjectNode env = Json.object();
        env.put("tool_call_id", id);
        String field = view == Kind.VERIFICATION ? "verification_status" : "payment_status";
        boolean mine = kind == view;
        env.put(field, mine ? status : "unknown");
        if (mine) {
            env.put("idempotency_key", idempotencyKey);
        } else {
            env.putNull("idempotency_key");
        }
        env.put("original_status", originalStatus);
        if (hostedUrl != null && mine) {
            env.put("hosted_url", hostedUrl);
        } else {
            env.putNull("hosted_url");
        }
        env.set("events", mine ? events.deepCopy() : Json.NODES.arrayNode());
        return env;
    }
}
