package dev.codespar.management;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.internal.http.ErrorEnvelope;
import java.time.Instant;

/**
 * A trigger: a webhook subscription that makes CodeSpar {@code POST} matching events to your HTTPS endpoint, each
 * delivery signed with the trigger's secret (verify it with {@link dev.codespar.webhooks.Webhooks}). Returned by {@link TriggerService}.
 *
 * <p>The signing {@link #secret()} is present only in the answers of {@link TriggerService#create} and
 * {@link TriggerService#rotateSecret}: store it then (e.g. in your secret manager). It never appears in
 * {@link #toString()}, and {@link #raw()} is the object without it, so logging a trigger is safe.
 *
 * @param id the trigger id ({@code trg_...})
 * @param orgId the organisation, or {@code null}
 * @param name the display name, or {@code null}
 * @param event the subscribed event, e.g. {@code payment.confirmed}, or {@code *} for every event
 * @param serverId the server the trigger is limited to, or {@code null} for all
 * @param webhookUrl where deliveries are sent
 * @param status the state as the server wrote it ({@code active}; kept as text since other states are not
 *     published), or {@code null}
 * @param signingEnabled whether deliveries carry {@code X-CodeSpar-Signature}, or {@code null} when not sent
 * @param secret the signing secret ({@code whsec_...}): only on create and rotate, else {@code null}
 * @param createdAt when the trigger was created, or {@code null}
 * @param raw the object as the server sent it, minus {@code secret}
 */
public record Trigger(
        String id,
        String orgId,
        String name,
        String event,
        String serverId,
        String webhookUrl,
        String status,
        Boolean signingEnabled,
        String secret,
        Instant createdAt,
        JsonNode raw) {

    /** The {@code event} value that subscribes to every event. */
    public static final String ALL_EVENTS = "*";

    /** Leaves the secret out: {@code secret=[redacted]} when there is one. */
    @Override
    public String toString() {
        return "Trigger[id=" + id + ", orgId=" + orgId + ", name=" + name + ", event=" + event + ", serverId="
                + serverId + ", webhookUrl=" + ErrorEnvelope.withoutQuery(webhookUrl) + ", status=" + status
                + ", signingEnabled=" + signingEnabled + ", secret=" + (secret == null ? "null" : "[redacted]") + ", createdAt="
                + createdAt + "]";
    }
}
