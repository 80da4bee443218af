package dev.codespar.management;

import dev.codespar.errors.SlugInvalidError;
import dev.codespar.errors.SlugReservedError;
import dev.codespar.paging.Page;
import java.util.concurrent.CompletableFuture;

/**
 * The projects of the organisation: {@code /v1/projects}. Get it with {@code client.projects()}; stateless and
 * thread-safe.
 *
 * <pre>{@code
 * Project staging = client.projects().create(ProjectCreateParams.builder()
 *         .name("Checkout (staging)").slug("checkout-staging").environment(Environment.TEST).build());
 * for (Project p : client.projects().list().autoPager()) {
 *     System.out.println(p.id() + " " + p.slug() + (p.isDefault() ? " (default)" : ""));
 * }
 * }</pre>
 *
 * <p>Slugs are checked before the network with the API's rules: empty, longer than {@value #MAX_SLUG_LENGTH}
 * characters or outside lowercase letters, digits, {@code _} and {@code -} → {@link SlugInvalidError};
 * {@code default} → {@link SlugReservedError} (status 400, no request id, {@code getAttempts()} 0). A slug already
 * used in the organisation comes back from the server as {@link dev.codespar.errors.SlugConflictError}.
 */
public interface ProjectService {

    /** The longest slug the API accepts. */
    int MAX_SLUG_LENGTH = 64;

    /**
     * The first page of projects, with the server's default page size. {@code GET /v1/projects}.
     *
     * @return the first page; {@link Page#autoPager()} walks all of them
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    Page<Project> list();

    /**
     * {@link #list()} without blocking.
     *
     * @return a future of the first page
     */
    CompletableFuture<Page<Project>> listAsync();

    /**
     * The first page of projects matching the parameters. {@code GET /v1/projects?is_default=&limit=&offset=}.
     *
     * @param params filters and paging
     * @return the first page; {@link Page#autoPager()} walks all of them
     * @throws dev.codespar.errors.InvalidRequestError when a parameter is out of range (no network call)
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    Page<Project> list(ProjectListParams params);

    /**
     * {@link #list(ProjectListParams)} without blocking.
     *
     * @param params filters and paging
     * @return a future of the first page; validation errors complete it exceptionally
     */
    CompletableFuture<Page<Project>> listAsync(ProjectListParams params);

    /**
     * One project. {@code GET /v1/projects/{id}}.
     *
     * @param id the project id
     * @return the project
     * @throws dev.codespar.errors.InvalidRequestError when the id is blank (no network call)
     * @throws dev.codespar.errors.NotFoundError when no such project is visible to the key
     */
    Project get(String id);

    /**
     * {@link #get(String)} without blocking.
     *
     * @param id the project id
     * @return a future of the project; validation errors complete it exceptionally
     */
    CompletableFuture<Project> getAsync(String id);

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
    Project create(ProjectCreateParams params);

    /**
     * {@link #create(ProjectCreateParams)} without blocking.
     *
     * @param params name, slug and environment
     * @return a future of the new project; validation errors complete it exceptionally
     */
    CompletableFuture<Project> createAsync(ProjectCreateParams params);

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
    Project update(String id, ProjectUpdateParams params);

    /**
     * {@link #update(String, ProjectUpdateParams)} without blocking.
     *
     * @param id the project id
     * @param params what to change
     * @return a future of the updated project; validation errors complete it exceptionally
     */
    CompletableFuture<Project> updateAsync(String id, ProjectUpdateParams params);

    /**
     * Deletes a project. {@code DELETE /v1/projects/{id}} (answered 204).
     *
     * @param id the project id
     * @throws dev.codespar.errors.InvalidRequestError when the id is blank (no network call)
     * @throws dev.codespar.errors.ConflictError when it is the default or the last project
     *     ({@code cannot_delete_default}, {@code cannot_delete_last_project})
     * @throws dev.codespar.errors.ApiError for any other failed call
     */
    void delete(String id);

    /**
     * {@link #delete(String)} without blocking.
     *
     * @param id the project id
     * @return a future completed when the project is deleted; validation errors complete it exceptionally
     */
    CompletableFuture<Void> deleteAsync(String id);
}
