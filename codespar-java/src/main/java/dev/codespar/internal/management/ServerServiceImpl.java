package dev.codespar.internal.management;

import dev.codespar.internal.http.ApiCall;
import dev.codespar.internal.http.ApiPage;
import dev.codespar.internal.http.ApiRequest;
import dev.codespar.internal.http.HttpTransport;
import dev.codespar.internal.validation.Validation;
import dev.codespar.management.CatalogServer;
import dev.codespar.management.ServerListParams;
import dev.codespar.management.ServerService;
import dev.codespar.paging.Page;
import java.util.concurrent.CompletableFuture;

/** {@link ServerService} over {@code /v1/servers}. */
public final class ServerServiceImpl implements ServerService {

    private static final ApiPage.Spec<CatalogServer> PAGE =
            new ApiPage.Spec<>("GET /v1/servers", "servers", ManagementReaders::catalogServer);

    private static final HttpTransport.ResponseReader<CatalogServer> ONE =
            ManagementReaders.single("id", ManagementReaders.NO_SECRETS, ManagementReaders::catalogServer, "server");

    private final HttpTransport transport;

    /**
     * The service over a transport.
     *
     * @param transport the client's transport
     */
    public ServerServiceImpl(HttpTransport transport) {
        this.transport = transport;
    }

    @Override
    public Page<CatalogServer> list() {
        return listCall(ServerListParams.builder().build()).execute();
    }

    @Override
    public CompletableFuture<Page<CatalogServer>> listAsync() {
        return listCall(ServerListParams.builder().build()).executeAsync();
    }

    @Override
    public Page<CatalogServer> list(ServerListParams params) {
        return listCall(params).execute();
    }

    @Override
    public CompletableFuture<Page<CatalogServer>> listAsync(ServerListParams params) {
        return listCall(params).executeAsync();
    }

    @Override
    public CatalogServer get(String id) {
        return getCall(id).execute();
    }

    @Override
    public CompletableFuture<CatalogServer> getAsync(String id) {
        return getCall(id).executeAsync();
    }

    /** {@code GET /v1/servers?category=&country=&q=&status=&auth_type=&limit=&offset=}, in that order. */
    private ApiCall<Page<CatalogServer>> listCall(ServerListParams params) {
        return ApiPage.first(transport, () -> {
            Validation.check(params, "params");
            return ApiRequest.get("servers")
                    .withQuery("category", params.category())
                    .withQuery("country", params.country())
                    .withQuery("q", params.query())
                    .withQuery("status", params.status())
                    .withQuery("auth_type", params.authType())
                    .withQuery("limit", params.limit())
                    .withQuery("offset", params.offset());
        }, PAGE);
    }

    /** {@code GET /v1/servers/{id}}. */
    private ApiCall<CatalogServer> getCall(String id) {
        return ApiCall.of(transport, () -> ApiRequest.get("servers", ManagementRequests.id(id, "id")), ONE);
    }

    @Override
    public String toString() {
        return "ServerService";
    }
}
