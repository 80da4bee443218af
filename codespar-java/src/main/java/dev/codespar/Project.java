package dev.codespar;

import dev.codespar.internal.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A project: an isolated space of an organisation (its sessions, connections, triggers and keys), in the live or
 * the test environment. Returned by {@link ProjectService}.
 *
 * @param id the project id ({@code prj_} followed by 16 characters); use it with
 *     {@link CodeSparClient.Builder#projectId(String)}
 * @param orgId the organisation, or {@code null} when not sent
 * @param name the display name, or {@code null} when not sent
 * @param slug the slug, unique in the organisation, or {@code null} when not sent
 * @param isDefault whether this is the organisation's default project (the one used when no project header is sent)
 * @param environment {@link Environment#LIVE} or {@link Environment#TEST}; {@link Environment#UNKNOWN} when absent
 *     or new
 * @param createdAt when the project was created, or {@code null}
 * @param raw the object as the server sent it, with fields this SDK version does not read
 */
public record Project(
        String id,
        String orgId,
        String name,
        String slug,
        boolean isDefault,
        Environment environment,
        Instant createdAt,
        JsonNode raw) {

    static Project fromJson(JsonNode json) {
        Boolean isDefault = JsonFields.bool(json, "is_default");
        return new Project(
                JsonFields.text(json, "id"),
                JsonFields.text(json, "org_id"),
                JsonFields.text(json, "name"),
                JsonFields.text(json, "slug"),
                isDefault != null && isDefault,
                Environment.parse(JsonFields.text(json, "environment")),
                JsonFields.instant(json, "created_at"),
                json);
    }
}
