package dev.codespar;

import dev.codespar.paging.Page;
import dev.codespar.internal.http.ApiPage;
import dev.codespar.internal.http.JsonReaders;
import dev.codespar.internal.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.internal.http.ApiRequest;
import dev.codespar.internal.http.HttpTransport;
import dev.codespar.internal.http.JsonAnswer;
import dev.codespar.internal.validation.Validation;
import java.util.concurrent.CompletableFuture;

/**
 * The catalogue of tools: {@code /v1/tools}. Get it with {@link CodeSparClient#tools()}; stateless and thread-safe.
 * (The tools a session can call right now come from the session itself; this is the whole catalogue.)
 *
 * <pre>{@code
 * for (CatalogTool t : client.tools().list(ToolListParams.builder().server("asaas").build()).autoPager()) {
 *     System.out.println(t.name() + ": " + t.description());
 * }
 * }</pre>
 */
public final class ToolCatalog {

    private static final ApiPage.Spec<CatalogTool> PAGE =
            new ApiPage.Spec<>("GET /v1/tools", "tools", CatalogTool::fromJson);

    private final HttpTransport transport;

    ToolCatalog(HttpTransport transport) {
        this.transport = transport;
    }

    /**
     * The tools of every server. {@code GET /v1/tools}.
     *
     * @return the first page (usually the only one); {@link Page#autoPager()} walks all of them
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    public Page<CatalogTool> list() {
        return list(ToolListParams.builder().build());
    }

    /**
     * The tools matching the filter. {@code GET /v1/tools?server=}.
     *
     * @param params the server filter, and paging for servers that page this list
     * @return the first page; {@link Page#autoPager()} walks all of them
     * @throws dev.codespar.errors.InvalidRequestError when the limit or offset is out of range (no network call)
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    public Page<CatalogTool> list(ToolListParams params) {
        return ApiPage.first(transport, () -> listRequest(params), PAGE).execute();
    }

    /**
     * Non-blocking twin of {@link #list()}.
     *
     * @return a future of the first page
     */
    public CompletableFuture<Page<CatalogTool>> listAsync() {
        return listAsync(ToolListParams.builder().build());
    }

    /**
     * Non-blocking twin of {@link #list(ToolListParams)}.
     *
     * @param params the filter
     * @return a future of the first page; validation errors complete it exceptionally
     */
    public CompletableFuture<Page<CatalogTool>> listAsync(ToolListParams params) {
        return ApiPage.first(transport, () -> listRequest(params), PAGE).executeAsync();
    }

    private static ApiRequest listRequest(ToolListParams params) {
        Validation.check(params, "params");
        return ApiRequest.get("tools")
                .withQuery("server", params.getServer())
                .withQuery("limit", params.getLimit())
                .withQuery("offset", params.getOffset());
    }

    /**
     * One catalogue tool. {@code GET /v1/tools/{name}}; the name is percent-encoded as one path segment (a
     * {@code server/tool} name is sent as {@code server%2Ftool}).
     *
     * @param name the tool name
     * @return the tool
     * @throws dev.codespar.errors.InvalidRequestError when the name is blank (no network call)
     * @throws dev.codespar.errors.NotFoundError when the catalogue has no such tool
     */
    public CatalogTool get(String name) {
        return Calls.run(transport, () -> ApiRequest.get("tools", Calls.id(name, "name")), ToolCatalog::parse);
    }

    /**
     * Non-blocking twin of {@link #get(String)}.
     *
     * @param name the tool name
     * @return a future of the tool
     */
    public CompletableFuture<CatalogTool> getAsync(String name) {
        return Calls.runAsync(transport, () -> ApiRequest.get("tools", Calls.id(name, "name")), ToolCatalog::parse);
    }

    private static CatalogTool parse(JsonAnswer answer) {
        JsonNode json = JsonFields.unwrapKeyed("name", answer.json(), "tool");
        JsonReaders.requireText(answer, json, "name");
        return CatalogTool.fromJson(json);
    }

    @Override
    public String toString() {
        return "ToolCatalog";
    }
}
