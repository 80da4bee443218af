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
import dev.codespar.internal.json.Json;
import dev.codespar.internal.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The organisation's connections to servers (stored provider credentials): {@code /v1/connections}. Get it with
 * {@link CodeSparClient#connections()}; stateless and thread-safe.
 *
 * <pre>{@code
 * OrgConnection c = client.connections().create(OrgConnectionCreateParams.builder()
 *         .serverId("asaas").secret(System.getenv("ASAAS_API_KEY")).build());
 * client.connections().list().stream().forEach(System.out::println);
 * client.connections().revoke(c.id());
 * }</pre>
 *
 * <p>Secrets go only into the request body: never into a log line, an exception message or a {@code toString()}.
 * (For the connections of one session, and connect links for end users, use the session.)
 */
public final class OrgConnectionService {

    /** Fields that may hold a credential, dropped from raw objects and error bodies. */
    static final String[] SECRET_FIELDS = {"secret", "secrets"};

    /** At most this many keys in {@code connection_metadata}. */
    public static final int MAX_METADATA_KEYS = 64;

    /** At most this many bytes of serialized {@code connection_metadata}. */
    public static final int MAX_METADATA_BYTES = 32 * 1024;

    private static final ApiPage.Spec<OrgConnection> PAGE = new ApiPage.Spec<>("GET /v1/connections", "connections",
            json -> OrgConnection.fromJson(json, false));

    private final HttpTransport transport;

    OrgConnectionService(HttpTransport transport) {
        this.transport = transport;
    }

    /**
     * Stores a server's credentials for the organisation (or one user), or rotates them when the connection exists.
     * {@code POST /v1/connections}; the server answers 201 for a new connection, 200 for a rotation
     * ({@link OrgConnection#rotated()}).
     *
     * @param params server, secret and optional label, user and metadata
     * @return the connection (without the secret)
     * @throws dev.codespar.errors.InvalidRequestError when the server id or secret is missing, or the metadata is too
     *     large (no network call)
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    public OrgConnection create(OrgConnectionCreateParams params) {
        return Calls.run(transport, () -> createRequest(params), OrgConnectionService::parseCreate);
    }

    /**
     * Non-blocking twin of {@link #create(OrgConnectionCreateParams)}.
     *
     * @param params server, secret and optional fields
     * @return a future of the connection; validation errors complete it exceptionally
     */
    public CompletableFuture<OrgConnection> createAsync(OrgConnectionCreateParams params) {
        return Calls.runAsync(transport, () -> createRequest(params), OrgConnectionService::parseCreate);
    }

    private static ApiRequest createRequest(OrgConnectionCreateParams params) {
        if (params == null) {
            throw Validation.invalid("params must not be null");
        }
        CreateBody body = new CreateBody(params.getServerId(), params.getSecret(), params.getDisplayName(),
                params.getUserId(), params.getConnectionMetadata());
        Validation.check(body, "params");
        checkSecret(params.getSecret());
        Map<String, Object> metadata = params.getConnectionMetadata();
        if (metadata != null) {
            if (metadata.size() > MAX_METADATA_KEYS) {
                throw Validation.invalid("connectionMetadata: at most " + MAX_METADATA_KEYS + " keys, got "
                        + metadata.size());
            }
            int bytes = Json.toBytes(metadata).length;
            if (bytes > MAX_METADATA_BYTES) {
                throw Validation.invalid("connectionMetadata: at most " + MAX_METADATA_BYTES
                        + " bytes of JSON, got " + bytes);
            }
        }
        return ApiRequest.post(body, "connections");
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

    private static OrgConnection parseCreate(JsonAnswer answer) {
        JsonNode json = JsonFields.unwrap(answer.json(), "connection");
        JsonReaders.requireText(answer, json, "id", SECRET_FIELDS);
        return OrgConnection.fromJson(json, answer.status() == 200);
    }

    /**
     * The organisation's connections. {@code GET /v1/connections}.
     *
     * @return the first page (the API answers {@code {"connections": [...]}}, a single page)
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    public Page<OrgConnection> list() {
        return list(OrgConnectionListParams.builder().build());
    }

    /**
     * The connections matching the filters. {@code GET /v1/connections?user_id=&server_id=&status=}.
     *
     * @param params the filters
     * @return the first page
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    public Page<OrgConnection> list(OrgConnectionListParams params) {
        return ApiPage.first(transport, () -> listRequest(params), PAGE).execute();
    }

    /**
     * Non-blocking twin of {@link #list()}.
     *
     * @return a future of the first page
     */
    public CompletableFuture<Page<OrgConnection>> listAsync() {
        return listAsync(OrgConnectionListParams.builder().build());
    }

    /**
     * Non-blocking twin of {@link #list(OrgConnectionListParams)}.
     *
     * @param params the filters
     * @return a future of the first page
     */
    public CompletableFuture<Page<OrgConnection>> listAsync(OrgConnectionListParams params) {
        return ApiPage.first(transport, () -> listRequest(params), PAGE).executeAsync();
    }

    private static ApiRequest listRequest(OrgConnectionListParams params) {
        if (params == null) {
            throw Validation.invalid("params must not be null");
        }
        return ApiRequest.get("connections")
                .withQuery("user_id", params.getUserId())
                .withQuery("server_id", params.getServerId())
                .withQuery("status", params.getStatus());
    }

    /**
     * Revokes a connection: CodeSpar stops using its credentials. {@code POST /v1/connections/{id}/revoke} with
     * {@code {}}.
     *
     * @param id the connection id
     * @throws dev.codespar.errors.InvalidRequestError when the id is blank (no network call)
     * @throws dev.codespar.errors.NotFoundError when no such connection exists
     * @throws dev.codespar.errors.ApiError for any other failed call
     */
    public void revoke(String id) {
        Calls.runDiscarding(transport, () -> revokeRequest(id));
    }

    /**
     * Non-blocking twin of {@link #revoke(String)}.
     *
     * @param id the connection id
     * @return a future completed when the connection is revoked
     */
    public CompletableFuture<Void> revokeAsync(String id) {
        return Calls.runDiscardingAsync(transport, () -> revokeRequest(id));
    }

    private static ApiRequest revokeRequest(String id) {
        return ApiRequest.post(null, "connections", Calls.id(id, "id"), "revoke");
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
