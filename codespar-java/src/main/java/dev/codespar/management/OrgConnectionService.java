package dev.codespar.management;

import dev.codespar.paging.Page;
import java.util.concurrent.CompletableFuture;

/**
 * The organisation's connections to servers (stored provider credentials): {@code /v1/connections}. Get it with
 * {@code client.orgConnections()}; stateless and thread-safe.
 *
 * <pre>{@code
 * OrgConnection c = client.orgConnections().create(OrgConnectionCreateParams.builder()
 *         .serverId("asaas").secret(System.getenv("ASAAS_API_KEY")).build());
 * client.orgConnections().list().stream().forEach(System.out::println);
 * client.orgConnections().revoke(c.id());
 * }</pre>
 *
 * <p>Secrets go only into the request body: never into a log line, an exception message or a {@code toString()}.
 * (For the connections of one session, and connect links for end users, use the session.)
 */
public interface OrgConnectionService {

    /** At most this many keys in {@code connection_metadata}. */
    int MAX_METADATA_KEYS = 64;

    /** At most this many bytes of serialized {@code connection_metadata}. */
    int MAX_METADATA_BYTES = 32 * 1024;

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
    OrgConnection create(OrgConnectionCreateParams params);

    /**
     * {@link #create(OrgConnectionCreateParams)} without blocking.
     *
     * @param params server, secret and optional fields
     * @return a future of the connection; validation errors complete it exceptionally
     */
    CompletableFuture<OrgConnection> createAsync(OrgConnectionCreateParams params);

    /**
     * The organisation's connections. {@code GET /v1/connections}.
     *
     * @return the first page (the API answers {@code {"connections": [...]}}, a single page)
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    Page<OrgConnection> list();

    /**
     * {@link #list()} without blocking.
     *
     * @return a future of the first page
     */
    CompletableFuture<Page<OrgConnection>> listAsync();

    /**
     * The connections matching the filters. {@code GET /v1/connections?user_id=&server_id=&status=}.
     *
     * @param params the filters
     * @return the first page
     * @throws dev.codespar.errors.InvalidRequestError when the params are {@code null} (no network call)
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    Page<OrgConnection> list(OrgConnectionListParams params);

    /**
     * {@link #list(OrgConnectionListParams)} without blocking.
     *
     * @param params the filters
     * @return a future of the first page; validation errors complete it exceptionally
     */
    CompletableFuture<Page<OrgConnection>> listAsync(OrgConnectionListParams params);

    /**
     * Revokes a connection: CodeSpar stops using its credentials. {@code POST /v1/connections/{id}/revoke} with
     * {@code {}}.
     *
     * @param id the connection id
     * @throws dev.codespar.errors.InvalidRequestError when the id is blank (no network call)
     * @throws dev.codespar.errors.NotFoundError when no such connection exists
     * @throws dev.codespar.errors.ApiError for any other failed call
     */
    void revoke(String id);

    /**
     * {@link #revoke(String)} without blocking.
     *
     * @param id the connection id
     * @return a future completed when the connection is revoked; validation errors complete it exceptionally
     */
    CompletableFuture<Void> revokeAsync(String id);
}
