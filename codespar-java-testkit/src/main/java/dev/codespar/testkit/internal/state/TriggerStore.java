package dev.codespar.testkit.internal.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.wire.Ids;
import dev.codespar.testkit.internal.wire.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The organisation's webhook triggers; guarded by the world's lock. */
public final class TriggerStore {

    /** One trigger. */
    public static final class Trigger {
        /** Its id, {@code trg_<16>}. */
        public final String id;
        /** Its project. */
        public final String projectId;
        /** Its name. */
        public final String name;
        /** The event it subscribes, {@code *} for all. */
        public final String event;
        /** The server it is scoped to, or {@code null}. */
        public final String serverId;
        /** Where deliveries go. */
        public final String webhookUrl;
        /** When it was created. */
        public final Instant createdAt;
        /** The signing secret, {@code whsec_...}. */
        public String secret;
        /** {@code active} or {@code deleted}. */
        public String status = "active";

        Trigger(String id, String projectId, String name, String event, String serverId, String webhookUrl,
                String secret, Instant createdAt) {
            this.id = id;
            this.projectId = projectId;
            this.name = name;
            this.event = event;
            this.serverId = serverId;
            this.webhookUrl = webhookUrl;
            this.secret = secret;
            this.createdAt = createdAt;
        }

        /**
         * The wire row.
         *
         * @param withSecret whether to show the secret (create and rotate only)
         * @return {@code id, org_id, name, event, server_id, webhook_url, status, signing_enabled, [secret],
         *     created_at}
         */
        public ObjectNode row(boolean withSecret) {
            ObjectNode row = Json.object();
            row.put("id", id);
            row.put("org_id", World.ORG_ID);
            row.put("name", name);
            row.put("event", event);
            if (serverId == null) {
                row.putNull("server_id");
            } else {
                row.put("server_id", serverId);
            }
            row.put("webhook_url", webhookUrl);
            row.put("status", status);
            row.put("signing_enabled", true);
            if (withSecret) {
                row.put("secret", secret);
            }
            row.put("created_at", Json.iso(createdAt));
            return row;
        }

        /**
         * Whether a delivery of it goes to this trigger.
         *
         * @param type an event type
         * @return whether a delivery of it goes to this trigger
         */
        public boolean matches(String type) {
            return status.equals("active") && (event.equals("*") || event.equals(type));
        }
    }

    private final Map<String, Trigger> triggers = new LinkedHashMap<>();
    private final World world;

    TriggerStore(World world) {
        this.world = world;
    }

    void reset() {
        triggers.clear();
    }

    /**
     * Creates a trigger.
     *
     * @param projectId its project
     * @param name its name
     * @param event its event
     * @param serverId its server, or {@code null}
     * @param webhookUrl its URL
     * @return the trigger
     */
    public Trigger create(String projectId, String name, String event, String serverId, String webhookUrl) {
        Trigger t = new Trigger(Ids.of("trg_", 16), projectId, name, event, serverId, webhookUrl, newSecret(),
                world.now());
        triggers.put(t.id, t);
        return t;
    }

    /**
     * A delivery's body and signature.
     *
     * @param deliveryId {@code dlv_<8>}
     * @param trigger the trigger
     * @param event the event type
     * @param body the JSON body
     * @param signature hex HMAC-SHA256 of the body with the trigger's secret
     */
    public record Delivery(String deliveryId, Trigger trigger, String event, String body, String signature) {}

    /**
     * Signs one delivery per active trigger subscribed to an event.
     *
     * @param event the event type
     * @param serverId the server the event comes from, or {@code null}
     * @param data the event's data
     * @return the deliveries, in trigger order
     */
    public List<Delivery> deliver(String event, String serverId, com.fasterxml.jackson.databind.JsonNode data) {
        List<Delivery> out = new ArrayList<>();
        for (Trigger t : active()) {
            if (!t.matches(event) || (t.serverId != null && serverId != null && !t.serverId.equals(serverId))) {
                continue;
            }
            String id = Ids.lower("dlv_", 8);
            ObjectNode body = Json.object();
            body.put("id", id);
            body.put("event", event);
            body.put("trigger_id", t.id);
            if (serverId == null && t.serverId == null) {
                body.putNull("server_id");
            } else {
                body.put("server_id", serverId != null ? serverId : t.serverId);
            }
            body.put("created_at", Json.iso(world.now()));
            body.set("data", data == null ? Json.object() : data.deepCopy());
            String text = Json.text(body);
            out.add(new Delivery(id, t, event, text, sign(t.secret, text)));
        }
        return out;
    }

    /**
     * The webhook signature: hex HMAC-SHA256 of the raw body.
     *
     * @param secret the trigger's secret
     * @param body the body text
     * @return lower-case hex
     */
    public static String sign(String secret, String body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a fresh signing secret */
    public static String newSecret() {
        return Ids.of("whsec_", 32);
    }

    /**
     * The trigger (deleted ones included), or {@code null}.
     *
     * @param id a trigger id
     * @return the trigger (deleted ones included), or {@code null}
     */
    public Trigger get(String id) {
        return triggers.get(id);
    }

    /** @return every active trigger, oldest first */
    public List<Trigger> active() {
        List<Trigger> out = new ArrayList<>();
        for (Trigger t : triggers.values()) {
            if (t.status.equals("active")) {
                out.add(t);
            }
        }
        return out;
    }
}
