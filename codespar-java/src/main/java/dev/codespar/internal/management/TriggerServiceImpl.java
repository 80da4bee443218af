package dev.codespar.internal.management;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.codespar.internal.http.ApiCall;
import dev.codespar.internal.http.ApiPage;
import dev.codespar.internal.http.ApiRequest;
import dev.codespar.internal.http.HttpTransport;
import dev.codespar.internal.http.JsonReaders;
import dev.codespar.internal.json.JsonFields;
import dev.codespar.internal.validation.Validation;
import dev.codespar.management.Trigger;
import dev.codespar.management.TriggerCreateParams;
import dev.codespar.management.TriggerService;
import dev.codespar.paging.Page;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;

/** {@link TriggerService} over {@code /v1/triggers}. */
public final class TriggerServiceImpl implements TriggerService {

    private static final ApiPage.Spec<Trigger> PAGE =
            new ApiPage.Spec<>("GET /v1/triggers", "triggers", json -> ManagementReaders.trigger(json, null));

    private static final HttpTransport.ResponseReader<Trigger> CREATED = ManagementReaders.single("id",
            ManagementReaders.TRIGGER_SECRETS, json -> ManagementReaders.trigger(json, null), "trigger");

    private final HttpTransport transport;

    /**
     * The service over a transport.
     *
     * @param transport the client's transport
     */
    public TriggerServiceImpl(HttpTransport transport) {
        this.transport = transport;
    }

    @Override
    public Trigger create(TriggerCreateParams params) {
        return createCall(params).execute();
    }

    @Override
    public CompletableFuture<Trigger> createAsync(TriggerCreateParams params) {
        return createCall(params).executeAsync();
    }

    @Override
    public Page<Trigger> list() {
        return listCall().execute();
    }

    @Override
    public CompletableFuture<Page<Trigger>> listAsync() {
        return listCall().executeAsync();
    }

    @Override
    public Trigger rotateSecret(String id) {
        return rotateSecretCall(id).execute();
    }

    @Override
    public CompletableFuture<Trigger> rotateSecretAsync(String id) {
        return rotateSecretCall(id).executeAsync();
    }

    /** {@code POST /v1/triggers} with {@code {"name", "event", "webhook_url", "server_id"}}. */
    private ApiCall<Trigger> createCall(TriggerCreateParams params) {
        return ApiCall.of(transport, () -> {
            ManagementRequests.params(params);
            CreateBody body = new CreateBody(params.name(), params.event(), params.webhookUrl(), params.serverId());
            Validation.check(body, "params");
            HttpUrl url = HttpUrl.parse(body.webhookUrl());
            if (url == null || !url.isHttps() || url.host().isEmpty()) {
                // the URL itself is not quoted: endpoints sometimes carry a token in their query
                throw Validation.invalid("webhookUrl: must be an absolute https:// URL (CodeSpar delivers only"
                        + " over HTTPS)");
            }
            return ApiRequest.post(body, "triggers");
        }, CREATED);
    }

    /** {@code GET /v1/triggers}. */
    private ApiCall<Page<Trigger>> listCall() {
        return ApiPage.first(transport, () -> ApiRequest.get("triggers"), PAGE);
    }

    /**
     * {@code POST /v1/triggers/{id}/rotate-secret} with {@code {}}. The answer must hold the new secret; the id is
     * the one asked for when the answer does not repeat it.
     */
    private ApiCall<Trigger> rotateSecretCall(String id) {
        return ApiCall.of(transport,
                () -> ApiRequest.post(null, "triggers", ManagementRequests.id(id, "id"), "rotate-secret"),
                JsonReaders.answer().map(answer -> {
                    Trigger trigger = ManagementReaders.trigger(JsonFields.unwrap(answer.json(), "trigger"), id);
                    if (trigger.secret() == null) {
                        // a secret the SDK could not read (nested, not text) must not ride out in the error either
                        throw JsonReaders.missingField(
                                JsonReaders.redacted(answer, ManagementReaders.TRIGGER_SECRETS), "secret");
                    }
                    return trigger;
                }));
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
