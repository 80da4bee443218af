package dev.codespar.testkit.internal.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.wire.Ids;
import dev.codespar.testkit.internal.wire.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The organisation's projects; guarded by the world's lock. */
public final class ProjectStore {

    /** One project. */
    public static final class Project {
        /** Its id. */
        public final String id;
        /** When it was created. */
        public final Instant createdAt;
        /** {@code live} or {@code test}. */
        public final String environment;
        /** Its name. */
        public String name;
        /** Its slug, unique in the organisation. */
        public String slug;
        /** Whether it is the default project. */
        public boolean isDefault;

        Project(String id, String name, String slug, boolean isDefault, String environment, Instant createdAt) {
            this.id = id;
            this.name = name;
            this.slug = slug;
            this.isDefault = isDefault;
            this.environment = environment;
            this.createdAt = createdAt;
        }

        /** @return the wire row {@code id, org_id, name, slug, is_default, environment, created_at} */
        public ObjectNode row() {
            ObjectNode row = Json.object();
            row.put("id", id);
            row.put("org_id", World.ORG_ID);
            row.put("name", name);
            row.put("slug", slug);
            row.put("is_default", isDefault);
            row.put("environment", environment);
            row.put("created_at", Json.iso(createdAt));
            return row;
        }
    }

    private final Map<String, Project> projects = new LinkedHashMap<>();
    private final World world;

    ProjectStore(World world) {
        this.world = world;
        reset();
    }

    void reset() {
        projects.clear();
        String env = world.config.apiKey().startsWith("csk_live_") ? "live" : "test";
        projects.put(World.DEFAULT_PROJECT, new Project(World.DEFAULT_PROJECT, "Default", "default", true, env,
                world.config.clock().instant()));
    }

    /** @return every project, oldest first */
    public List<Project> all() {
        return new ArrayList<>(projects.values());
    }

    /**
     * The project, or {@code null}.
     *
     * @param id a project id
     * @return the project, or {@code null}
     */
    public Project get(String id) {
        return projects.get(id);
    }

    /**
     * The project that uses it, or {@code null}.
     *
     * @param slug a slug
     * @return the project that uses it, or {@code null}
     */
    public Project bySlug(String slug) {
        for (Project p : projects.values()) {
            if (p.slug.equals(slug)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Creates a project.
     *
     * @param name the name
     * @param slug the slug, already checked
     * @param environment {@code live} or {@code test}
     * @return the project
     */
    public Project create(String name, String slug, String environment) {
        Project p = new Project(Ids.lower("prj_", 16), name, slug, false, environment, world.now());
        projects.put(p.id, p);
        return p;
    }

    /** @param p the project that becomes the default; the previous default stops being it */
    public void makeDefault(Project p) {
        projects.values().forEach(other -> other.isDefault = false);
        p.isDefault = true;
    }

    /** @param id the project to delete */
    public void delete(String id) {
        projects.remove(id);
    }

    /** @return how many projects there are */
    public int size() {
        return projects.size();
    }
}
