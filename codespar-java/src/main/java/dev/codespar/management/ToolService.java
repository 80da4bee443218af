package dev.codespar.management;

import dev.codespar.paging.Page;
import java.util.concurrent.CompletableFuture;

/**
 * The catalogue of tools: {@code /v1/tools}. Get it with {@code client.tools()}; stateless and thread-safe. (The
 * tools a session can call right now come from the session itself; this is the whole catalogue.)
 *
 * <pre>{@code
 * for (CatalogTool t : client.tools().list(ToolListParams.builder().server("asaas").build()).autoPager()) {
 *     System.out.println(t.name() + ": " + t.description());
 * }
 * }</pre>
 */
public interface ToolService {

    /**
     * The tools of every server. {@code GET /v1/tools}.
     *
     * @return the first page (usually the only one); {@link Page#autoPager()} walks all of them
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    Page<CatalogTool> list();

    /**
     * {@link #list()} without blocking.
     *
     * @return a future of the first page
     */
    CompletableFuture<Page<CatalogTool>> listAsync();

    /**
     * The tools matching the filter. {@code GET /v1/tools?server=}.
     *
     * @param params the server filter, and paging for servers that page this list
     * @return the first page; {@link Page#autoPager()} walks all of them
     * @throws dev.codespar.errors.InvalidRequestError when the limit or offset is out of range (no network call)
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    Page<CatalogTool> list(ToolListParams params);

    /**
     * {@link #list(ToolListParams)} without blocking.
     *
     * @param params the filter
     * @return a future of the first page; validation errors complete it exceptionally
     */
    CompletableFuture<Page<CatalogTool>> listAsync(ToolListParams params);

    /**
     * One catalogue tool. {@code GET /v1/tools/{name}}; the name is percent-encoded as one path segment (a
     * {@code server/tool} name is sent as {@code server%2Ftool}).
     *
     * @param name the tool name
     * @return the tool
     * @throws dev.codespar.errors.InvalidRequestError when the name is blank (no network call)
     * @throws dev.codespar.errors.NotFoundError when the catalogue has no such tool
     */
    CatalogTool get(String name);

    /**
     * {@link #get(String)} without blocking.
     *
     * @param name the tool name
     * @return a future of the tool; validation errors complete it exceptionally
     */
    CompletableFuture<CatalogTool> getAsync(String name);
}
