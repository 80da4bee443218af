package dev.codespar.internal.management;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.internal.http.ApiCall;
import dev.codespar.internal.http.ApiPage;
import dev.codespar.internal.http.ApiRequest;
import dev.codespar.internal.http.HttpTransport;
import dev.codespar.internal.http.JsonReaders;
import dev.codespar.internal.json.Json;
import dev.codespar.internal.json.JsonFields;
import dev.codespar.internal.validation.Validation;
import dev.codespar.management.OrgConnection;
import dev.codespar.management.OrgConnectionCreateParams;
import dev.codespar.management.OrgConnectionListParams;
import dev.codespar.management.OrgConnectionService;
import dev.codespar.paging.Page;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@link OrgConnectionService} over {@code /v1/connections}. */
public final class OrgConnectionServiceImpl implements OrgConnectionService {

    private static final ApiPage.Spec<OrgConnection> PAGE = new ApiPage.Spec<>("GET /v1/connections", "connections",
            json -> ManagementReaders.orgConnection(json, false));

    /** A 201 is a new connection, a 200 the new secret of an existing one. */
    private static final HttpTransport.ResponseReader<OrgConnection> CREATED = JsonReaders.answer().map(answer -> {
        JsonNode json = JsonFields.unwrap(answer.json(), "connection");
        JsonReaders.requireText(answer, json, "id", ManagementReaders.CONNECTION_SECRETS);
        return ManagementReaders.orgConnection(json, answer.status() == 200);
    });

    private final HttpTransport transport;

    /**
     * The service over a transport.
     *
     * @param transport the client's transport
     */
    public OrgConnectionServiceImpl(HttpTransport transport) {
        this.transport = transport;
    }

    @Override
    public OrgConnection create(OrgConnectionCreateParams params) {
        return createCall(params).execute();
    }

    @Override
    public CompletableFuture<OrgConnection> createAsync(OrgConnectionCreateParams params) {
        return createCall(params).executeAsync();
    }

    @Override
    public Page<OrgConnection> list() {
        return listCall(OrgConnectionListParams.builder().build()).execute();
    }

    @Override
    public CompletableFuture<Page<OrgConnection>> listAsync() {
        return listCall(OrgConnectionListParams.builder().build()).executeAsync();
    }

    @Override
    public Page<OrgConnection> list(OrgConnectionListParams params) {
        return listCall(params).execute();
    }

    @Override
    public CompletableFuture<Page<OrgConnection>> listAsync(OrgConnectionListParams params) {
        return listCall(params).executeAsync();
    }

    @Override
    public void revoke(String id) {
        revokeCall(id).execute();
    }

    @Override
    public CompletableFuture<Void> revokeAsync(String id) {
        return revokeCall(id).executeAsync();
    }

    /**
     * {@code POST /v1/connections} with
     * {@code {"server_id", "secret", "display_name", "user_id", "connection_metadata"}}.
     */
    private ApiCall<OrgConnection> createCall(OrgConnectionCreateParams params) {
        return ApiCall.of(transport, () -> {
            ManagementRequests.params(params);
            CreateBody body = new CreateBody(params.serverId(), params.secret(), params.displayName(),
                    params.userId(), params.connectionMetadata());
            Validation.check(body, "params");
            checkSecret(params.secret());
            checkMetadata(params.connectionMetadata());
            return ApiRequest.post(body, "connections");
        }, CREATED);
    }

    /** {@code GET /v1/connections?user_id=&server_id=&status=}. */
    private ApiCall<Page<OrgConnection>> listCall(OrgConnectionListParams params) {
        return ApiPage.first(transport, () -> {
            ManagementRequests.params(params);
            return ApiRequest.get("connections")
                    .withQuery("user_id", params.userId())
                    .withQuery("server_id", params.serverId())
                    .withQuery("status", params.status());
        }, PAGE);
    }

    /** {@code POST /v1/connections/{id}/revoke} with {@code {}}. */
    private ApiCall<Void> revokeCall(String id) {
        return ApiCall.of(transport,
                () -> ApiRequest.post(null, "connections", ManagementRequests.id(id, "id"), "revoke"),
                JsonReaders.discard());
    }

    private static void checkSecret(Object secret) {
        if (secret == null) {
            throw Validation.invalid("secret: must not be null");
        }
        if (secret instanceof String) {
            if (((String) secret).isBlank()) {
                throw Validation.invalid("secret: must not be blank");
            }
            return;
        }
        Map<?, ?> values = (Map<?, ?>) secret;
        if (values.isEmpty()) {
            throw Validation.invalid("secret: must not be an empty map");
        }
        for (Map.Entry<?, ?> e : values.entrySet()) {
            // names only: the values are the secret
            if (e.getKey() == null || e.getKey().toString().isBlank()) {
                throw Validation.invalid("secret: a key is blank");
            }
            if (e.getValue() == null) {
                throw Validation.invalid("secret[\"" + e.getKey() + "\"]: must not be null");
            }
        }
    }

    private static void checkMetadata(Map<String, Object> metadata) {
        if (metadata == null) {
            return;
        }
        if (metadata.size() > MAX_METADATA_KEYS) {
            throw Validation.invalid("connectionMetadata: at most " + MAX_METADATA_KEYS + " keys, got "
                    + metadata.size());
        }
        int bytes = Json.toBytes(metadata).length;
        if (bytes > MAX_METADATA_BYTES) {
            throw Validation.invalid("connectionMetadata: at most " + MAX_METADATA_BYTES + " bytes of JSON, got "
                    + bytes);
        }
    }

    @Override
    public String toString() {
        return "OrgConnectionService";
    }

    /** The body of {@code POST /v1/connections}; its {@code toString()} hides the secret. */
    @JsonPropertyOrder({"server_id", "secret", "display_name", "user_id", "connection_metadata"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreateBody(
            @JsonProperty("server_id") @NotBlank @Size(max = 128) String serverId,
            @JsonProperty("secret") Object secret,
            @JsonProperty("display_name") @Size(max = 256) String displayName,
            @JsonProperty("user_id") @Size(min = 1, max = 128) String userId,
            @JsonProperty("connection_metadata") Map<String, Object> connectionMetadata) {

        @Override
        public String toString() {
            return "CreateBody[serverId=" + serverId + ", secret=[redacted], displayName=" + displayName
                    + ", userId=" + userId + "]";
        }
    }
}
