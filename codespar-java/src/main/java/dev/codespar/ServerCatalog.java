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
 * The catalogue of servers (provider integrations): {@code /v1/servers} (scope {@code servers:read}). Get it with
 * {@link CodeSparClient#servers()}; stateless and thread-safe.
 *
 * <pre>{@code
 * client.servers().list(ServerListParams.builder().country("BR").category("payments").build())
 *         .stream()
 *         .forEach(s -> System.out.println(s.id() + " (" + s.authType() + ")"));
 * CatalogServer asaas = client.servers().get("asaas");
 * }</pre>
 */
public final class ServerCatalog {

    private static final ApiPage.Spec<CatalogServer> PAGE =
            new ApiPage.Spec<>("GET /v1/servers", "servers", CatalogServer::fromJson);

    private final HttpTransport transport;

    ServerCatalog(HttpTransport transport) {
        this.transport = transport;
    }

    /**
     * The first page of the catalogue, unfiltered. {@code GET /v1/servers}.
     *
     * @return the first page; {@link Page#autoPager()} walks all of them
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    public Page<CatalogServer> list() {
        return list(ServerListParams.builder().build());
    }

    /**
     * The first page of catalogue servers matching the filters.
     * {@code GET /v1/servers?category=&country=&q=&status=&auth_type=&limit=&offset=}.
     *
     * @param params filters and paging
     * @return the first page; {@link Page#autoPager()} walks all of them
     * @throws dev.codespar.errors.InvalidRequestError when the limit or offset is out of range (no network call)
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    public Page<CatalogServer> list(ServerListParams params) {
        return ApiPage.first(transport, () -> listRequest(params), PAGE).execute();
    }

    /**
     * Non-blocking twin of {@link #list()}.
     *
     * @return a future of the first page
     */
    public CompletableFuture<Page<CatalogServer>> listAsync() {
        return listAsync(ServerListParams.builder().build());
    }

    /**
     * Non-blocking twin of {@link #list(ServerListParams)}.
     *
     * @param params filters and paging
     * @return a future of the first page; validation errors complete it exceptionally
     */
    public CompletableFuture<Page<CatalogServer>> listAsync(ServerListParams params) {
        return ApiPage.first(transport, () -> listRequest(params), PAGE).executeAsync();
    }

    private static ApiRequest listRequest(ServerListParams params) {
        Validation.check(params, "params");
        return ApiRequest.get("servers")
                .withQuery("category", params.getCategory())
                .withQuery("country", params.getCountry())
                .withQuery("q", params.getQuery())
                .withQuery("status", params.getStatus())
                .withQuery("auth_type", params.getAuthType())
                .withQuery("limit", params.getLimit())
                .withQuery("offset", params.getOffset());
    }

    /**
     * One catalogue server. {@code GET /v1/servers/{id}}.
     *
     * @param id the server id, e.g. {@code asaas}
     * @return the server
     * @throws dev.codespar.errors.InvalidRequestError when the id is blank (no network call)
     * @throws dev.codespar.errors.NotFoundError when the catalogue has no such server
     */
    public CatalogServer get(String id) {
        return Calls.run(transport, () -> ApiRequest.get("servers", Calls.id(id, "id")), ServerCatalog::parse);
    }

    /**
     * Non-blocking twin of {@link #get(String)}.
     *
     * @param id the server id
     * @return a future of the server
     */
    public CompletableFuture<CatalogServer> getAsync(String id) {
        return Calls.runAsync(transport, () -> ApiRequest.get("servers", Calls.id(id, "id")), ServerCatalog::parse);
    }

    private static CatalogServer parse(JsonAnswer answer) {
        JsonNode json = JsonFields.unwrap(answer.json(), "server");
        JsonReaders.requireText(answer, json, "id");
        return CatalogServer.fromJson(json);
    }

    @Override
    public String toString() {
        return "ServerCatalog";
    }
}
