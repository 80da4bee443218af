package dev.codespar.testkit.internal.routes.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.routes.Bodies;
import dev.codespar.testkit.internal.routes.Exchange;
import dev.codespar.testkit.internal.state.ProjectStore;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.wire.Answer;
import dev.codespar.testkit.internal.wire.Json;
import java.util.List;

/**
 * {@code /v1/projects}: list, read, create, update, delete, with the slug rules of the error reference
 * ({@code slug_invalid}, {@code slug_reserved}, {@code slug_conflict}) and the default project's protections.
 */
public final class ProjectsRoute {

    private final World world;

    /**
     * The route.
     *
     * @param world the state
     */
    public ProjectsRoute(World world) {
        this.world = world;
    }

    /**
     * {@code GET /v1/projects?is_default=&limit=&offset=}.
     *
     * @param ex the request
     * @return {@code {projects}}
     */
    public Answer list(Exchange ex) {
        int limit = Bodies.limit(ex, 50, 100);
        int offset = Bodies.offset(ex);
        String isDefault = ex.queryParam("is_default");
        if (isDefault != null && !isDefault.equals("true") && !isDefault.equals("false")) {
            throw Answer.invalid(ex, "is_default must be true or false");
        }
        List<ProjectStore.Project> all = world.org.projects.all().stream()
                .filter(p -> isDefault == null || p.isDefault == Boolean.parseBoolean(isDefault)).toList();
        ObjectNode body = Json.object();
        ArrayNode rows = body.putArray("projects");
        all.stream().skip(offset).limit(limit).forEach(p -> rows.add(p.row()));
        return Answer.json(200, body);
    }

    /**
     * {@code GET /v1/projects/{id}}.
     *
     * @param ex the request
     * @return the project
     */
    public Answer get(Exchange ex) {
        return Answer.json(200, known(ex).row());
    }

    /**
     * {@code POST /v1/projects {name, slug, environment?}}.
     *
     * @param ex the request
     * @return 201 and the project
     */
    public Answer create(Exchange ex) {
        JsonNode body = Bodies.object(ex);
        String name = Bodies.required(ex, body, "name");
        Bodies.length(ex, name, "name", 1, 128);
        JsonNode slugNode = body.get("slug");
        if (slugNode == null || slugNode.isNull()) {
            throw Answer.invalid(ex, "Missing required field: slug");
        }
        String slug = checkSlug(ex, slugNode);
        String environment = Bodies.optional(ex, body, "environment");
        if (environment == null) {
            environment = "live".equals(world.keyEnvironment(ex.key())) ? "live" : "test";
        } else if (!environment.equals("live") && !environment.equals("test")) {
            throw Answer.invalid(ex, "environment must be live or test");
        }
        return Answer.json(201, world.org.projects.create(name, slug, environment).row());
    }

    /**
     * {@code PATCH /v1/projects/{id} {name?, slug?, is_default?: true}}.
     *
     * @param ex the request
     * @return the project
     */
    public Answer update(Exchange ex) {
        ProjectStore.Project p = known(ex);
        JsonNode body = Bodies.object(ex);
        if (!body.has("name") && !body.has("slug") && !body.has("is_default")) {
            throw Answer.invalid(ex, "empty patch: set name, slug or is_default");
        }
        JsonNode isDefault = body.get("is_default");
        if (isDefault != null && !(isDefault.isBoolean() && isDefault.asBoolean())) {
            throw Answer.invalid(ex, "is_default may only be set to true");
        }
        String name = Bodies.optional(ex, body, "name");
        if (name != null) {
            Bodies.length(ex, name, "name", 1, 128);
        }
        String slug = body.has("slug") ? checkSlug(ex, body.get("slug")) : null;
        if (slug != null && !slug.equals(p.slug) && world.org.projects.bySlug(slug) != null) {
            throw conflict(ex, slug);
        }
        if (name != null) {
            p.name = name;
        }
        if (slug != null) {
            p.slug = slug;
        }
        if (isDefault != null) {
            world.org.projects.makeDefault(p);
        }
        return Answer.json(200, p.row());
    }

    /**
     * {@code DELETE /v1/projects/{id}}.
     *
     * @param ex the request
     * @return 204, or 409 for the default or the last project
     */
    public Answer delete(Exchange ex) {
        ProjectStore.Project p = known(ex);
        if (p.isDefault) {
            return Answer.error(ex, "cannot_delete_default", 409,
                    "promote another project to default before deleting this one").with("project_id", p.id);
        }
        if (world.org.projects.size() <= 1) {
            return Answer.error(ex, "cannot_delete_last_project", 409, "organization must keep at least one project")
                    .with("project_id", p.id);
        }
        world.org.projects.delete(p.id);
        return Answer.noContent();
    }

    private ProjectStore.Project known(Exchange ex) {
        ProjectStore.Project p = world.org.projects.get(ex.param("id"));
        if (p == null) {
            throw Answer.notFound(ex, "Project not found");
        }
        return p;
    }

    /** The slug rules: 1..64 of {@code [a-z0-9_-]}, {@code default} reserved, unique in the organisation. */
    private String checkSlug(Exchange ex, JsonNode node) {
        if (!node.isTextual()) {
            throw Answer.error(ex, "slug_invalid", 400, "slug must be a string").refusal();
        }
        String slug = node.asText();
        if (slug.isEmpty() || slug.length() > 64 || !slug.matches("^[a-z0-9_-]+$")) {
            throw Answer.error(ex, "slug_invalid", 400, "slug must be 1 to 64 characters of a-z, 0-9, '_' or '-'")
                    .refusal();
        }
        if (slug.equals("default")) {
            throw Answer.error(ex, "slug_reserved", 400, "slug 'default' is reserved").refusal();
        }
        if (ex.method.equals("POST") && world.org.projects.bySlug(slug) != null) {
            throw conflict(ex, slug);
        }
        return slug;
    }

    private static RuntimeException conflict(Exchange ex, String slug) {
        return Answer.error(ex, "slug_conflict", 409, "Another project in the organization already uses the slug "
                + slug).refusal();
    }
}
