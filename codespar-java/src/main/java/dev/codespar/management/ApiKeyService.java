package dev.codespar.management;

import dev.codespar.paging.Page;
import java.util.concurrent.CompletableFuture;

/**
 * The organisation's API keys: {@code /v1/api-keys}. Get it with {@code client.apiKeys()}; stateless and
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
public interface ApiKeyService {

    /**
     * Creates a key in the server's default environment. {@code POST /v1/api-keys} with {@code {"name"}}.
     *
     * @param name a label, 1 to 128 characters
     * @return the key, with its {@link ApiKey#fullKey()} (shown only now)
     * @throws dev.codespar.errors.InvalidRequestError when the name is blank or too long (no network call)
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    ApiKey create(String name);

    /**
     * {@link #create(String)} without blocking.
     *
     * @param name a label
     * @return a future of the key; validation errors complete it exceptionally
     */
    CompletableFuture<ApiKey> createAsync(String name);

    /**
     * Creates a key. {@code POST /v1/api-keys} with {@code {"name", "env"}} ({@code env} only when set).
     *
     * @param params name and environment
     * @return the key, with its {@link ApiKey#fullKey()} (shown only now)
     * @throws dev.codespar.errors.InvalidRequestError when the name is blank or too long, or the environment is
     *     {@link Environment#UNKNOWN} (no network call)
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    ApiKey create(ApiKeyCreateParams params);

    /**
     * {@link #create(ApiKeyCreateParams)} without blocking.
     *
     * @param params name and environment
     * @return a future of the key; validation errors complete it exceptionally
     */
    CompletableFuture<ApiKey> createAsync(ApiKeyCreateParams params);

    /**
     * The organisation's keys (prefixes only). {@code GET /v1/api-keys}, answered {@code {"keys": [...]}}.
     *
     * @return the first page (the API publishes no paging for this list: usually the only one)
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    Page<ApiKey> list();

    /**
     * {@link #list()} without blocking.
     *
     * @return a future of the first page
     */
    CompletableFuture<Page<ApiKey>> listAsync();
}
