package dev.codespar.management;

import dev.codespar.paging.Page;
import java.util.concurrent.CompletableFuture;

/**
 * The catalogue of servers (provider integrations): {@code /v1/servers} (scope {@code servers:read}). Get it with
 * {@code client.servers()}; stateless and thread-safe.
 *
 * <pre>{@code
 * client.servers().list(ServerListParams.builder().country("BR").category("payments").build())
 *         .stream()
 *         .forEach(s -> System.out.println(s.id() + " (" + s.authType() + ")"));
 * CatalogServer asaas = client.servers().get("asaas");
 * }</pre>
 */
public interface ServerService {

    /**
     * The first page of the catalogue, unfiltered. {@code GET /v1/servers}.
     *
     * @return the first page; {@link Page#autoPager()} walks all of them
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    Page<CatalogServer> list();

    /**
     * {@link #list()} without blocking.
     *
     * @return a future of the first page
     */
    CompletableFuture<Page<CatalogServer>> listAsync();

    /**
     * The first page of catalogue servers matching the filters.
     * {@code GET /v1/servers?category=&country=&q=&status=&auth_type=&limit=&offset=}.
     *
     * @param params filters and paging
     * @return the first page; {@link Page#autoPager()} walks all of them
     * @throws dev.codespar.errors.InvalidRequestError when the limit or offset is out of range (no network call)
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    Page<CatalogServer> list(ServerListParams params);

    /**
     * {@link #list(ServerListParams)} without blocking.
     *
     * @param params filters and paging
     * @return a future of the first page; validation errors complete it exceptionally
     */
    CompletableFuture<Page<CatalogServer>> listAsync(ServerListParams params);

    /**
     * One catalogue server. {@code GET /v1/servers/{id}}.
     *
     * @param id the server id, e.g. {@code asaas}
     * @return the server
     * @throws dev.codespar.errors.InvalidRequestError when the id is blank (no network call)
     * @throws dev.codespar.errors.NotFoundError when the catalogue has no such server
     */
    CatalogServer get(String id);

    /**
     * {@link #get(String)} without blocking.
     *
     * @param id the server id
     * @return a future of the server; validation errors complete it exceptionally
     */
    CompletableFuture<CatalogServer> getAsync(String id);
}
