package dev.codespar;

import dev.codespar.paging.Page;
import dev.codespar.internal.http.ApiPage;
import dev.codespar.internal.http.JsonReaders;
import dev.codespar.internal.json.JsonFields;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.internal.http.ApiRequest;
import dev.codespar.internal.http.HttpTransport;
import dev.codespar.internal.http.JsonAnswer;
import dev.codespar.internal.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.concurrent.CompletableFuture;

/**
 * The organisation's API keys: {@code /v1/api-keys}. Get it with {@link CodeSparClient#apiKeys()}; stateless and
 * thread-safe. The API publishes no revoke endpoint: revoke keys in the dashboard.
 *
 * <pre>{@code
 * ApiKey key = client.apiKeys().create("billing-worker");
 * vault.store("codespar", key.fullKey());        // the only time the full key is shown
 * client.apiKeys().list().stream().filter(ApiKey::isActive).forEach(k -> System.out.println(k.prefix()));
 * }</pre>
 *
 * <p>The full key is never logged and {@link ApiKey#toString()} redacts it.
 */
public final class ApiKeyService {

    /** Fields that hold the full key, dropped from raw objects and error bodies. */
    static final String[] SECRET_FIELDS = {"full_key", "key"};

    private static final ApiPage.Spec<ApiKey> PAGE = new ApiPage.Spec<>("GET /v1/api-keys", "keys", ApiKey::fromJson);

    private final HttpTransport transport;

    ApiKeyService(HttpTransport transport) {
        this.transport = transport;
    }

    /**
     * Creates a key in the server's default environment. {@code POST /v1/api-keys} with {@code {"name"}}.
     *
     * @param name a label, 1 to 128 characters
     * @return the key, with its {@link ApiKey#fullKey()} (shown only now)
     * @throws dev.codespar.errors.InvalidRequestError when the name is blank or too long (no network call)
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    public ApiKey create(String name) {
        return create(ApiKeyCreateParams.builder().name(name).build());
    }

    /**
     * Creates a key. {@code POST /v1/api-keys} with {@code {"name", "env"}}.
     *
     * @param params name and environment
     * @return the key, with its {@link ApiKey#fullKey()} (shown only now)
     * @throws dev.codespar.errors.InvalidRequestError when the name is blank or too long (no network call)
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    public ApiKey create(ApiKeyCreateParams params) {
        return Calls.run(transport, () -> createRequest(params), ApiKeyService::parseCreate);
    }

    /**
     * Non-blocking twin of {@link #create(String)}.
     *
     * @param name a label
     * @return a future of the key; validation errors complete it exceptionally
     */
    public CompletableFuture<ApiKey> createAsync(String name) {
        return createAsync(ApiKeyCreateParams.builder().name(name).build());
    }

    /**
     * Non-blocking twin of {@link #create(ApiKeyCreateParams)}.
     *
     * @param params name and environment
     * @return a future of the key; validation errors complete it exceptionally
     */
    public CompletableFuture<ApiKey> createAsync(ApiKeyCreateParams params) {
        return Calls.runAsync(transport, () -> createRequest(params), ApiKeyService::parseCreate);
    }

    private static ApiRequest createRequest(ApiKeyCreateParams params) {
        if (params == null) {
            throw Validation.invalid("params must not be null");
        }
        CreateBody body = new CreateBody(params.getName(), Environment.toWire(params.getEnvironment(), "environment"));
        Validation.check(body, "params");
        return ApiRequest.post(body, "api-keys");
    }

    private static ApiKey parseCreate(JsonAnswer answer) {
        JsonNode json = JsonFields.unwrap(answer.json(), "key", "api_key");
        JsonReaders.requireText(answer, json, "id", SECRET_FIELDS);
        return ApiKey.fromJson(json);
    }

    /**
     * The organisation's keys (prefixes only). {@code GET /v1/api-keys}, answered {@code {"keys": [...]}}.
     *
     * @return the first page (the API publishes no paging for this list: usually the only one)
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    public Page<ApiKey> list() {
        return ApiPage.first(transport, () -> ApiRequest.get("api-keys"), PAGE).execute();
    }

    /**
     * Non-blocking twin of {@link #list()}.
     *
     * @return a future of the first page
     */
    public CompletableFuture<Page<ApiKey>> listAsync() {
        return ApiPage.first(transport, () -> ApiRequest.get("api-keys"), PAGE).executeAsync();
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
