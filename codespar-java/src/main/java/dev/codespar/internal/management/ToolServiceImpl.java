package dev.codespar.internal.management;

import dev.codespar.internal.http.ApiCall;
import dev.codespar.internal.http.ApiPage;
import dev.codespar.internal.http.ApiRequest;
import dev.codespar.internal.http.HttpTransport;
import dev.codespar.internal.validation.Validation;
import dev.codespar.management.CatalogTool;
import dev.codespar.management.ToolListParams;
import dev.codespar.management.ToolService;
import dev.codespar.paging.Page;
import java.util.concurrent.CompletableFuture;

/** {@link ToolService} over {@code /v1/tools}. */
public final class ToolServiceImpl implements ToolService {

    private static final ApiPage.Spec<CatalogTool> PAGE =
            new ApiPage.Spec<>("GET /v1/tools", "tools", ManagementReaders::catalogTool);

    /** Tools are keyed by {@code name}, not {@code id}. */
    private static final HttpTransport.ResponseReader<CatalogTool> ONE =
            ManagementReaders.single("name", ManagementReaders.NO_SECRETS, ManagementReaders::catalogTool, "tool");

    private final HttpTransport transport;

    /**
     * The service over a transport.
     *
     * @param transport the client's transport
     */
    public ToolServiceImpl(HttpTransport transport) {
        this.transport = transport;
    }

    @Override
    public Page<CatalogTool> list() {
        return listCall(ToolListParams.builder().build()).execute();
    }

    @Override
    public CompletableFuture<Page<CatalogTool>> listAsync() {
        return listCall(ToolListParams.builder().build()).executeAsync();
    }

    @Override
    public Page<CatalogTool> list(ToolListParams params) {
        return listCall(params).execute();
    }

    @Override
    public CompletableFuture<Page<CatalogTool>> listAsync(ToolListParams params) {
        return listCall(params).executeAsync();
    }

    @Override
    public CatalogTool get(String name) {
        return getCall(name).execute();
    }

    @Override
    public CompletableFuture<CatalogTool> getAsync(String name) {
        return getCall(name).executeAsync();
    }

    /** {@code GET /v1/tools?server=&limit=&offset=}. */
    private ApiCall<Page<CatalogTool>> listCall(ToolListParams params) {
        return ApiPage.first(transport, () -> {
            Validation.check(params, "params");
            return ApiRequest.get("tools")
                    .withQuery("server", params.server())
                    .withQuery("limit", params.limit())
                    .withQuery("offset", params.offset());
        }, PAGE);
    }

    /** {@code GET /v1/tools/{name}}, the name percent-encoded as one path segment. */
    private ApiCall<CatalogTool> getCall(String name) {
        return ApiCall.of(transport, () -> ApiRequest.get("tools", ManagementRequests.id(name, "name")), ONE);
    }

    @Override
    public String toString() {
        return "ToolService";
    }
}
