package dev.codespar.management;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A project: an isolated space of an organisation (its sessions, connections, triggers and keys), in the live or
 * the test environment. Returned by {@link ProjectService}.
 *
 * @param id the project id ({@code prj_} followed by 16 characters); pass it to
 *     {@code CodeSparClient.builder().projectId(...)} to act in this project
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
        JsonNode raw) {}
