package dev.codespar;

import dev.codespar.paging.Page;
import dev.codespar.internal.http.ApiPage;
import dev.codespar.internal.json.JsonFields;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.internal.http.ApiRequest;
import dev.codespar.internal.http.HttpTransport;
import dev.codespar.internal.http.JsonAnswer;
import dev.codespar.internal.http.JsonReaders;
import dev.codespar.internal.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;

/**
 * Webhook triggers of the current project: {@code /v1/triggers} (scope {@code triggers:write}). Get it with
 * {@link CodeSparClient#triggers()}; stateless and thread-safe. Verify what the triggers deliver with
 * {@link Webhooks}.
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
public final class TriggerService {

    private static final ApiPage.Spec<Trigger> PAGE =
            new ApiPage.Spec<>("GET /v1/triggers", "triggers", json -> Trigger.fromJson(json, null));

    /** Fields that hold the signing secret, dropped from raw objects and error bodies. */
    static final String[] SECRET_FIELDS = {"secret", "signing_secret"};

    private final HttpTransport transport;

    TriggerService(HttpTransport transport) {
        this.transport = transport;
    }

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
    public Trigger create(TriggerCreateParams params) {
        return Calls.run(transport, () -> createRequest(params), TriggerService::parseCreate);
    }

    /**
     * Non-blocking twin of {@link #create(TriggerCreateParams)}.
     *
     * @param params name, event, HTTPS webhook URL and optional server
     * @return a future of the trigger; validation errors complete it exceptionally
     */
    public CompletableFuture<Trigger> createAsync(TriggerCreateParams params) {
        return Calls.runAsync(transport, () -> createRequest(params), TriggerService::parseCreate);
    }

    private static ApiRequest createRequest(TriggerCreateParams params) {
        if (params == null) {
            throw Validation.invalid("params must not be null");
        }
        CreateBody body = new CreateBody(params.getName(), params.getEvent(), params.getWebhookUrl(),
                params.getServerId());
        Validation.check(body, "params");
        HttpUrl url = HttpUrl.parse(body.webhookUrl());
        if (url == null || !url.isHttps() || url.host().isEmpty()) {
            // the URL itself is not quoted: endpoints sometimes carry a token in their query
            throw Validation.invalid("webhookUrl: must be an absolute https:// URL (CodeSpar delivers only over"
                    + " HTTPS)");
        }
        return ApiRequest.post(body, "triggers");
    }

    private static Trigger parseCreate(JsonAnswer answer) {
        JsonNode json = JsonFields.unwrap(answer.json(), "trigger");
        JsonReaders.requireText(answer, json, "id", SECRET_FIELDS);
        return Trigger.fromJson(json, null);
    }

    /**
     * The triggers of the project. {@code GET /v1/triggers}. Listed triggers carry no secret.
     *
     * @return the first page (the API publishes no paging for this list: usually the only one)
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    public Page<Trigger> list() {
        return ApiPage.first(transport, () -> ApiRequest.get("triggers"), PAGE).execute();
    }

    /**
     * Non-blocking twin of {@link #list()}.
     *
     * @return a future of the first page
     */
    public CompletableFuture<Page<Trigger>> listAsync() {
        return ApiPage.first(transport, () -> ApiRequest.get("triggers"), PAGE).executeAsync();
    }

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
    public Trigger rotateSecret(String id) {
        return Calls.run(transport, () -> rotateRequest(id), answer -> parseRotate(answer, id));
    }

    /**
     * Non-blocking twin of {@link #rotateSecret(String)}.
     *
     * @param id the trigger id
     * @return a future of the trigger with its new secret
     */
    public CompletableFuture<Trigger> rotateSecretAsync(String id) {
        return Calls.runAsync(transport, () -> rotateRequest(id), answer -> parseRotate(answer, id));
    }

    private static ApiRequest rotateRequest(String id) {
        return ApiRequest.post(null, "triggers", Calls.id(id, "id"), "rotate-secret");
    }

    private static Trigger parseRotate(JsonAnswer answer, String id) {
        Trigger trigger = Trigger.fromJson(JsonFields.unwrap(answer.json(), "trigger"), id);
        if (trigger.secret() == null) {
            // a secret the SDK could not read (nested, not text) must not ride out in the error's body either
            throw JsonReaders.missingField(JsonReaders.redacted(answer, SECRET_FIELDS), "secret");
        }
        return trigger;
    }

    @Override
    public String toString() {
        return "TriggerService";
    }

    /** The body of {@code POST /v1/triggers}. */
    @JsonPropertyOrder({"name", "event", "webhook_url", "server_id"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreateBody(
            @JsonProperty("name") @NotBlank @Size(max = 128) String name,
            @JsonProperty("event") @NotBlank @Size(max = 256) String event,
            @JsonProperty("webhook_url") @NotBlank @Size(max = 2048) String webhookUrl,
            @JsonProperty("server_id") @Size(min = 1, max = 128) String serverId) {}
}
