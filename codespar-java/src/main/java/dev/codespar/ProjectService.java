package dev.codespar;

import dev.codespar.paging.Page;
import dev.codespar.internal.http.ApiPage;
import dev.codespar.internal.http.JsonReaders;
import dev.codespar.internal.json.JsonFields;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.codespar.errors.ErrorDetails;
import dev.codespar.errors.SlugInvalidError;
import dev.codespar.errors.SlugReservedError;
import dev.codespar.internal.http.ApiRequest;
import dev.codespar.internal.http.HttpTransport;
import dev.codespar.internal.http.JsonAnswer;
import dev.codespar.internal.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.concurrent.CompletableFuture;

/**
 * The projects of the organisation: {@code /v1/projects}. Get it with {@link CodeSparClient#projects()}; stateless
 * and thread-safe.
 *
 * <pre>{@code
 * Project staging = client.projects().create(ProjectCreateParams.builder()
 *         .name("Checkout (staging)").slug("checkout-staging").environment(Environment.TEST).build());
 * for (Project p : client.projects().list().autoPager()) {
 *     System.out.println(p.id() + " " + p.slug() + (p.isDefault() ? " (default)" : ""));
 * }
 * }</pre>
 *
 * <p>Slugs are checked before the network with the API's rules: empty, longer than 64 characters or outside
 * lowercase letters, digits, {@code _} and {@code -} → {@link SlugInvalidError}; {@code default} →
 * {@link SlugReservedError} (status 400, no request id, {@code getAttempts()} 0). A slug already used in the
 * organisation comes back from the server as {@link dev.codespar.errors.SlugConflictError}.
 */
public final class ProjectService {

    /** The longest slug the API accepts. */
    public static final int MAX_SLUG_LENGTH = 64;

    private static final ApiPage.Spec<Project> PAGE = new ApiPage.Spec<>("GET /v1/projects", "projects", Project::fromJson);

    private final HttpTransport transport;

    ProjectService(HttpTransport transport) {
        this.transport = transport;
    }

    /**
     * The first page of projects, with the server's default page size. {@code GET /v1/projects}.
     *
     * @return the first page; {@link Page#autoPager()} walks all of them
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    public Page<Project> list() {
        return list(ProjectListParams.builder().build());
    }

    /**
     * The first page of projects matching the parameters. {@code GET /v1/projects?is_default=&limit=&offset=}.
     *
     * @param params filters and paging
     * @return the first page; {@link Page#autoPager()} walks all of them
     * @throws dev.codespar.errors.InvalidRequestError when a parameter is out of range (no network call)
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    public Page<Project> list(ProjectListParams params) {
        return ApiPage.first(transport, () -> listRequest(params), PAGE).execute();
    }

    /**
     * Non-blocking twin of {@link #list()}.
     *
     * @return a future of the first page
     */
    public CompletableFuture<Page<Project>> listAsync() {
        return listAsync(ProjectListParams.builder().build());
    }

    /**
     * Non-blocking twin of {@link #list(ProjectListParams)}.
     *
     * @param params filters and paging
     * @return a future of the first page; validation errors complete it exceptionally
     */
    public CompletableFuture<Page<Project>> listAsync(ProjectListParams params) {
        return ApiPage.first(transport, () -> listRequest(params), PAGE).executeAsync();
    }

    private static ApiRequest listRequest(ProjectListParams params) {
        Validation.check(params, "params");
        return ApiRequest.get("projects")
                .withQuery("is_default", params.getIsDefault())
                .withQuery("limit", params.getLimit())
                .withQuery("offset", params.getOffset());
    }

    /**
     * One project. {@code GET /v1/projects/{id}}.
     *
     * @param id the project id
     * @return the project
     * @throws dev.codespar.errors.InvalidRequestError when the id is blank (no network call)
     * @throws dev.codespar.errors.NotFoundError when no such project is visible to the key
     */
    public Project get(String id) {
        return Calls.run(transport, () -> ApiRequest.get("projects", Calls.id(id, "id")), this::parse);
    }

    /**
     * Non-blocking twin of {@link #get(String)}.
     *
     * @param id the project id
     * @return a future of the project
     */
    public CompletableFuture<Project> getAsync(String id) {
        return Calls.runAsync(transport, () -> ApiRequest.get("projects", Calls.id(id, "id")), this::parse);
    }

    /**
     * Creates a project. {@code POST /v1/projects} with {@code {"name", "slug", "environment"}}.
     *
     * <pre>{@code
     * Project p = client.projects().create(ProjectCreateParams.builder()
     *         .name("Marketplace").slug("marketplace").environment(Environment.LIVE).build());
     * }</pre>
     *
     * @param params name, slug and environment
     * @return the new project
     * @throws dev.codespar.errors.InvalidRequestError when the name is blank or too long (no network call)
     * @throws SlugInvalidError when the slug breaks the slug rules (no network call)
     * @throws SlugReservedError when the slug is {@code default} (no network call)
     * @throws dev.codespar.errors.SlugConflictError when another project of the organisation has the slug
     * @throws dev.codespar.errors.ApiError for any other failed call
     */
    public Project create(ProjectCreateParams params) {
        return Calls.run(transport, () -> createRequest(params), this::parse);
    }

    /**
     * Non-blocking twin of {@link #create(ProjectCreateParams)}.
     *
     * @param params name, slug and environment
     * @return a future of the new project; validation errors complete it exceptionally
     */
    public CompletableFuture<Project> createAsync(ProjectCreateParams params) {
        return Calls.runAsync(transport, () -> createRequest(params), this::parse);
    }

    private static ApiRequest createRequest(ProjectCreateParams params) {
        if (params == null) {
            throw Validation.invalid("params must not be null");
        }
        CreateBody body = new CreateBody(params.getName(), params.getSlug(),
                Environment.toWire(params.getEnvironment(), "environment"));
        Validation.check(body, "params");
        checkSlug(params.getSlug());
        return ApiRequest.post(body, "projects");
    }

    /**
     * Changes a project's name, slug, or makes it the organisation's default. {@code PATCH /v1/projects/{id}} with
     * only the fields set.
     *
     * @param id the project id
     * @param params what to change (at least one thing)
     * @return the updated project
     * @throws dev.codespar.errors.InvalidRequestError when the id is blank, nothing is set or the name is invalid
     *     (no network call)
     * @throws SlugInvalidError when the new slug breaks the slug rules (no network call)
     * @throws SlugReservedError when the new slug is {@code default} (no network call)
     * @throws dev.codespar.errors.SlugConflictError when another project of the organisation has the slug
     * @throws dev.codespar.errors.ApiError for any other failed call
     */
    public Project update(String id, ProjectUpdateParams params) {
        return Calls.run(transport, () -> updateRequest(id, params), this::parse);
    }

    /**
     * Non-blocking twin of {@link #update(String, ProjectUpdateParams)}.
     *
     * @param id the project id
     * @param params what to change
     * @return a future of the updated project; validation errors complete it exceptionally
     */
    public CompletableFuture<Project> updateAsync(String id, ProjectUpdateParams params) {
        return Calls.runAsync(transport, () -> updateRequest(id, params), this::parse);
    }

    private static ApiRequest updateRequest(String id, ProjectUpdateParams params) {
        Calls.id(id, "id");
        if (params == null) {
            throw Validation.invalid("params must not be null");
        }
        UpdateBody body = new UpdateBody(params.getName(), params.getSlug(), params.isMakeDefault() ? true : null);
        if (body.name() == null && body.slug() == null && body.isDefault() == null) {
            throw Validation.invalid("params: set at least one of name, slug or makeDefault()");
        }
        Validation.check(body, "params");
        if (body.slug() != null) {
            checkSlug(body.slug());
        }
        return ApiRequest.of("PATCH", "projects", id).withBody(body);
    }

    /**
     * Deletes a project. {@code DELETE /v1/projects/{id}} (answered 204).
     *
     * @param id the project id
     * @throws dev.codespar.errors.InvalidRequestError when the id is blank (no network call)
     * @throws dev.codespar.errors.ConflictError when it is the default or the last project
     *     ({@code cannot_delete_default}, {@code cannot_delete_last_project})
     * @throws dev.codespar.errors.ApiError for any other failed call
     */
    public void delete(String id) {
        Calls.runDiscarding(transport, () -> ApiRequest.delete("projects", Calls.id(id, "id")));
    }

    /**
     * Non-blocking twin of {@link #delete(String)}.
     *
     * @param id the project id
     * @return a future completed when the project is deleted
     */
    public CompletableFuture<Void> deleteAsync(String id) {
        return Calls.runDiscardingAsync(transport, () -> ApiRequest.delete("projects", Calls.id(id, "id")));
    }

    private Project parse(JsonAnswer answer) {
        com.fasterxml.jackson.databind.JsonNode json = JsonFields.unwrap(answer.json(), "project");
        JsonReaders.requireText(answer, json, "id");
        return Project.fromJson(json);
    }

    /**
     * Checks a slug with the API's rules, before the network.
     *
     * @param slug the slug
     * @throws SlugInvalidError when it is null, empty, longer than 64 characters or has a character outside
     *     {@code [a-z0-9_-]}
     * @throws SlugReservedError when it is {@code default}
     */
    static void checkSlug(String slug) {
        String rule = "a slug is 1 to " + MAX_SLUG_LENGTH
                + " characters of lowercase letters, digits, '_' and '-'";
        if (slug == null || slug.isEmpty()) {
            throw new SlugInvalidError(ErrorDetails.of("slug_invalid", 400, "slug is empty: " + rule));
        }
        if (slug.length() > MAX_SLUG_LENGTH) {
            throw new SlugInvalidError(ErrorDetails.of("slug_invalid", 400,
                    "slug is " + slug.length() + " characters long, more than " + MAX_SLUG_LENGTH + ": " + rule));
        }
        for (int i = 0; i < slug.length(); i++) {
            char c = slug.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!ok) {
                throw new SlugInvalidError(ErrorDetails.of("slug_invalid", 400, "slug \"" + slug
                        + "\" has the character '" + c + "' at index " + i + ": " + rule));
            }
        }
        if (slug.equals("default")) {
            throw new SlugReservedError(ErrorDetails.of("slug_reserved", 400, "slug \"default\" is reserved for the"
                    + " organisation's auto-created default project: choose another slug"));
        }
    }

    @Override
    public String toString() {
        return "ProjectService";
    }

    /** The body of {@code POST /v1/projects}. */
    @JsonPropertyOrder({"name", "slug", "environment"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreateBody(
            @JsonProperty("name") @NotBlank @Size(max = 128) String name,
            @JsonProperty("slug") String slug,
            @JsonProperty("environment") String environment) {}

    /** The body of {@code PATCH /v1/projects/{id}}: only what changes. */
    @JsonPropertyOrder({"name", "slug", "is_default"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UpdateBody(
            @JsonProperty("name") @Size(min = 1, max = 128) @Pattern(regexp = "(?s).*\\S.*",
                    message = "must not be blank") String name,
            @JsonProperty("slug") String slug,
            @JsonProperty("is_default") Boolean isDefault) {}
}
