package dev.codespar.internal.management;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.codespar.internal.http.ApiCall;
import dev.codespar.internal.http.ApiPage;
import dev.codespar.internal.http.ApiRequest;
import dev.codespar.internal.http.HttpTransport;
import dev.codespar.internal.validation.Validation;
import dev.codespar.management.ApiKey;
import dev.codespar.management.ApiKeyCreateParams;
import dev.codespar.management.ApiKeyService;
import dev.codespar.paging.Page;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.concurrent.CompletableFuture;

/** {@link ApiKeyService} over {@code /v1/api-keys}. */
public final class ApiKeyServiceImpl implements ApiKeyService {

    private static final ApiPage.Spec<ApiKey> PAGE =
            new ApiPage.Spec<>("GET /v1/api-keys", "keys", ManagementReaders::apiKey);

    private static final HttpTransport.ResponseReader<ApiKey> CREATED = ManagementReaders.single("id",
            ManagementReaders.API_KEY_SECRETS, ManagementReaders::apiKey, "key", "api_key");

    private final HttpTransport transport;

    /**
     * The service over a transport.
     *
     * @param transport the client's transport
     */
    public ApiKeyServiceImpl(HttpTransport transport) {
        this.transport = transport;
    }

    @Override
    public ApiKey create(String name) {
        return createCall(ApiKeyCreateParams.builder().name(name).build()).execute();
    }

    @Override
    public CompletableFuture<ApiKey> createAsync(String name) {
        return createCall(ApiKeyCreateParams.builder().name(name).build()).executeAsync();
    }

    @Override
    public ApiKey create(ApiKeyCreateParams params) {
        return createCall(params).execute();
    }

    @Override
    public CompletableFuture<ApiKey> createAsync(ApiKeyCreateParams params) {
        return createCall(params).executeAsync();
    }

    @Override
    public Page<ApiKey> list() {
        return listCall().execute();
    }

    @Override
    public CompletableFuture<Page<ApiKey>> listAsync() {
        return listCall().executeAsync();
    }

    /** {@code POST /v1/api-keys} with {@code {"name", "env"}}. */
    private ApiCall<ApiKey> createCall(ApiKeyCreateParams params) {
        return ApiCall.of(transport, () -> {
            ManagementRequests.params(params);
            CreateBody body = new CreateBody(params.name(),
                    ManagementRequests.environment(params.environment(), "environment"));
            Validation.check(body, "params");
            return ApiRequest.post(body, "api-keys");
        }, CREATED);
    }

    /** {@code GET /v1/api-keys}, answered {@code {"keys": [...]}}. */
    private ApiCall<Page<ApiKey>> listCall() {
        return ApiPage.first(transport, () -> ApiRequest.get("api-keys"), PAGE);
    }

    @Override
    public String toString() {
        return "ApiKeyService";
    }

    /** The body of {@code POST /v1/api-keys}. */
    @JsonPropertyOrder({"name", "env"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreateBody(
            @JsonProperty("name") @NotBlank @Size(max = 128) String name,
            @JsonProperty("env") String env) {}
}
