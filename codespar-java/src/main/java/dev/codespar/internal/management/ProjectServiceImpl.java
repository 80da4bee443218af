package dev.codespar.internal.management;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.codespar.errors.ErrorDetails;
import dev.codespar.errors.SlugInvalidError;
import dev.codespar.errors.SlugReservedError;
import dev.codespar.internal.http.ApiCall;
import dev.codespar.internal.http.ApiPage;
import dev.codespar.internal.http.ApiRequest;
import dev.codespar.internal.http.HttpTransport;
import dev.codespar.internal.http.JsonReaders;
import dev.codespar.internal.validation.Validation;
import dev.codespar.management.Project;
import dev.codespar.management.ProjectCreateParams;
import dev.codespar.management.ProjectListParams;
import dev.codespar.management.ProjectService;
import dev.codespar.management.ProjectUpdateParams;
import dev.codespar.paging.Page;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.concurrent.CompletableFuture;

/** {@link ProjectService} over {@code /v1/projects}. */
public final class ProjectServiceImpl implements ProjectService {

    private static final ApiPage.Spec<Project> PAGE =
            new ApiPage.Spec<>("GET /v1/projects", "projects", ManagementReaders::project);

    private static final HttpTransport.ResponseReader<Project> ONE =
            ManagementReaders.single("id", ManagementReaders.NO_SECRETS, ManagementReaders::project, "project");

    private final HttpTransport transport;

    /**
     * The service over a transport.
     *
     * @param transport the client's transport
     */
    public ProjectServiceImpl(HttpTransport transport) {
        this.transport = transport;
    }

    @Override
    public Page<Project> list() {
        return listCall(ProjectListParams.builder().build()).execute();
    }

    @Override
    public CompletableFuture<Page<Project>> listAsync() {
        return listCall(ProjectListParams.builder().build()).executeAsync();
    }

    @Override
    public Page<Project> list(ProjectListParams params) {
        return listCall(params).execute();
    }

    @Override
    public CompletableFuture<Page<Project>> listAsync(ProjectListParams params) {
        return listCall(params).executeAsync();
    }

    @Override
    public Project get(String id) {
        return getCall(id).execute();
    }

    @Override
    public CompletableFuture<Project> getAsync(String id) {
        return getCall(id).executeAsync();
    }

    @Override
    public Project create(ProjectCreateParams params) {
        return createCall(params).execute();
    }

    @Override
    public CompletableFuture<Project> createAsync(ProjectCreateParams params) {
        return createCall(params).executeAsync();
    }

    @Override
    public Project update(String id, ProjectUpdateParams params) {
        return updateCall(id, params).execute();
    }

    @Override
    public CompletableFuture<Project> updateAsync(String id, ProjectUpdateParams params) {
        return updateCall(id, params).executeAsync();
    }

    @Override
    public void delete(String id) {
        deleteCall(id).execute();
    }

    @Override
    public CompletableFuture<Void> deleteAsync(String id) {
        return deleteCall(id).executeAsync();
    }

    /** {@code GET /v1/projects?is_default=&limit=&offset=}. */
    private ApiCall<Page<Project>> listCall(ProjectListParams params) {
        return ApiPage.first(transport, () -> {
            Validation.check(params, "params");
            return ApiRequest.get("projects")
                    .withQuery("is_default", params.isDefault())
                    .withQuery("limit", params.limit())
                    .withQuery("offset", params.offset());
        }, PAGE);
    }

    /** {@code GET /v1/projects/{id}}. */
    private ApiCall<Project> getCall(String id) {
        return ApiCall.of(transport, () -> ApiRequest.get("projects", ManagementRequests.id(id, "id")), ONE);
    }

    /** {@code POST /v1/projects} with {@code {"name", "slug", "environment"}}. */
    private ApiCall<Project> createCall(ProjectCreateParams params) {
        return ApiCall.of(transport, () -> {
            ManagementRequests.params(params);
            CreateBody body = new CreateBody(params.name(), params.slug(),
                    ManagementRequests.environment(params.environment(), "environment"));
            Validation.check(body, "params");
            checkSlug(params.slug());
            return ApiRequest.post(body, "projects");
        }, ONE);
    }

    /** {@code PATCH /v1/projects/{id}} with only the fields that change. */
    private ApiCall<Project> updateCall(String id, ProjectUpdateParams params) {
        return ApiCall.of(transport, () -> {
            ManagementRequests.id(id, "id");
            ManagementRequests.params(params);
            UpdateBody body = new UpdateBody(params.name(), params.slug(), params.makeDefault() ? true : null);
            if (body.name() == null && body.slug() == null && body.isDefault() == null) {
                throw Validation.invalid("params: set at least one of name, slug or makeDefault()");
            }
            Validation.check(body, "params");
            if (body.slug() != null) {
                checkSlug(body.slug());
            }
            return ApiRequest.of("PATCH", "projects", id).withBody(body);
        }, ONE);
    }

    /** {@code DELETE /v1/projects/{id}}, answered 204. */
    private ApiCall<Void> deleteCall(String id) {
        return ApiCall.of(transport, () -> ApiRequest.delete("projects", ManagementRequests.id(id, "id")),
                JsonReaders.discard());
    }

    /**
     * Checks a slug with the API's rules, before the network.
     *
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
