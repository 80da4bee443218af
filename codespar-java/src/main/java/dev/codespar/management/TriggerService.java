package dev.codespar.management;

import dev.codespar.paging.Page;
import java.util.concurrent.CompletableFuture;

/**
 * Webhook triggers of the current project: {@code /v1/triggers} (scope {@code triggers:write}). Get it with
 * {@code client.triggers()}; stateless and thread-safe. Verify what the triggers deliver with
 * {@link dev.codespar.webhooks.Webhooks}.
 *
 * <pre>{@code
 * Trigger t = client.triggers().create(TriggerCreateParams.builder()
 *         .name("Payments to ERP")
 *         .event("payment.confirmed")
 *         .webhookUrl("https://erp.example.com/codespar/webhooks")
 *         .build());
 * secrets.store("codespar-webhook", t.secret());   // returned only here and by rotateSecret
 * }</pre>
 *
 * <p>The SDK never logs a secret, and {@link Trigger#toString()} redacts it. The trigger-management endpoints have a
 * lower rate limit than the rest of the API; a 429 is retried by the client's retry policy.
 */
public interface TriggerService {

    /**
     * Creates a trigger. {@code POST /v1/triggers} with {@code {"name", "event", "webhook_url", "server_id"}}
     * ({@code server_id} only when set).
     *
     * @param params name, event, HTTPS webhook URL and optional server
     * @return the trigger, with its signing {@link Trigger#secret()} (the only time besides a rotation)
     * @throws dev.codespar.errors.InvalidRequestError when a field is blank or the URL is not {@code https://}
     *     (no network call)
     * @throws dev.codespar.errors.WebhookUrlConflictError when an active trigger of the project already sends this
     *     event to this URL
     * @throws dev.codespar.errors.ForbiddenError when the key lacks the {@code triggers:write} scope
     * @throws dev.codespar.errors.ApiError for any other failed call
     */
    Trigger create(TriggerCreateParams params);

    /**
     * {@link #create(TriggerCreateParams)} without blocking.
     *
     * @param params name, event, HTTPS webhook URL and optional server
     * @return a future of the trigger; validation errors complete it exceptionally
     */
    CompletableFuture<Trigger> createAsync(TriggerCreateParams params);

    /**
     * The triggers of the project. {@code GET /v1/triggers}. Listed triggers carry no secret.
     *
     * @return the first page (the API publishes no paging for this list: usually the only one)
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    Page<Trigger> list();

    /**
     * {@link #list()} without blocking.
     *
     * @return a future of the first page
     */
    CompletableFuture<Page<Trigger>> listAsync();

    /**
     * Replaces a trigger's signing secret. {@code POST /v1/triggers/{id}/rotate-secret} with {@code {}}. Deliveries
     * are signed with the new secret from then on: update your receiver at once.
     *
     * @param id the trigger id ({@code trg_...})
     * @return the trigger with its new {@link Trigger#secret()} (fields the server did not repeat are {@code null})
     * @throws dev.codespar.errors.InvalidRequestError when the id is blank (no network call)
     * @throws dev.codespar.errors.NotFoundError when no such trigger exists
     * @throws dev.codespar.errors.ApiError for any other failed call, and with code {@code invalid_response} when the
     *     answer holds no secret
     */
    Trigger rotateSecret(String id);

    /**
     * {@link #rotateSecret(String)} without blocking.
     *
     * @param id the trigger id
     * @return a future of the trigger with its new secret; validation errors complete it exceptionally
     */
    CompletableFuture<Trigger> rotateSecretAsync(String id);
}
