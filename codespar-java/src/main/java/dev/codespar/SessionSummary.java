package dev.codespar;

import dev.codespar.internal.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A session as the listing endpoints describe it: who it was for, its servers, its state and how many tool calls it
 * made. Returned by {@link SessionService}; to call tools, create a {@link Session} instead.
 *
 * @param id the session id
 * @param userId the user it was created for, or {@code null}
 * @param status {@link SessionStatus#ACTIVE}, {@link SessionStatus#CLOSED}, {@link SessionStatus#ERROR}, or
 *     {@link SessionStatus#UNKNOWN}
 * @param servers its servers (names; servers sent as objects contribute their {@code id}); empty when not sent
 * @param projectId the project, or {@code null}
 * @param orgId the organisation, or {@code null}
 * @param createdAt when it was created, or {@code null}
 * @param closedAt when it was closed, or {@code null} while open
 * @param expiresAt when it expires if unused, or {@code null}
 * @param toolCallCount how many tool calls it made ({@code tool_call_count} or {@code tool_calls_count}), or
 *     {@code null} when not sent
 * @param raw the object as the server sent it
 */
public record SessionSummary(
        String id,
        String userId,
        SessionStatus status,
        List<String> servers,
        String projectId,
        String orgId,
        Instant createdAt,
        Instant closedAt,
        Instant expiresAt,
        Long toolCallCount,
        JsonNode raw) {

    static SessionSummary fromJson(JsonNode json) {
        return new SessionSummary(
                JsonFields.text(json, "id"),
                JsonFields.text(json, "user_id"),
                SessionStatus.parse(JsonFields.text(json, "status")),
                JsonFields.ids(json.get("servers")),
                JsonFields.text(json, "project_id"),
                JsonFields.text(json, "org_id"),
                JsonFields.instant(json, "created_at"),
                JsonFields.instant(json, "closed_at"),
                JsonFields.instant(json, "expires_at"),
                JsonFields.firstLong(json, "tool_call_count", "tool_calls_count", "tool_calls"),
                json);
    }
}
