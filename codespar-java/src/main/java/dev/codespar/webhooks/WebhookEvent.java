package dev.codespar.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.internal.json.Json;
import java.time.Instant;

/**
 * One verified webhook delivery, as {@link Webhooks#constructEvent(byte[], String, String)} parses it.
 *
 * <p>The API does not publish the delivery body, so each field is read from the names seen for it and may be
 * {@code null}; {@link #raw()} always holds the whole body. Deliveries are retried (up to 12 attempts) until your
 * endpoint answers 2xx within 10 seconds, so the same delivery can arrive more than once: make handling idempotent,
 * e.g. keyed by {@link #id()}.
 *
 * @param id the delivery id ({@code dlv_...}; {@code id}, else {@code delivery_id}), or {@code null}
 * @param type the event, e.g. {@code payment.confirmed} ({@code event}, else {@code type}), or {@code null}
 * @param triggerId the trigger that sent it ({@code trigger_id}), or {@code null}
 * @param serverId the server the event came from ({@code server_id}), or {@code null}
 * @param createdAt when the event happened ({@code created_at}, else {@code occurred_at}, else {@code timestamp}),
 *     or {@code null}
 * @param data the event's payload ({@code data}, else {@code payload}); a JSON null when absent
 * @param raw the whole delivery body
 */
public record WebhookEvent(
        String id,
        String type,
        String triggerId,
        String serverId,
        Instant createdAt,
        JsonNode data,
        JsonNode raw) {

    /**
     * Reads {@link #data()} into a type of yours (a record, a POJO, a {@code Map}).
     *
     * @param type the target type
     * @param <T> the target type
     * @return the converted data, or {@code null} when there is none
     * @throws IllegalArgumentException when the data does not fit the type
     */
    public <T> T dataAs(Class<T> type) {
        return Json.convert(data, type);
    }
}
