package dev.codespar;

import java.time.Instant;

/**
 * A Connect Link: the page where the user connects their own account at a provider
 * ({@code POST /v1/connect/start}). Send {@link #authorizeUrl()} to the user; once they finish, the provider
 * redirects them to your {@code redirect_uri} and the session's tools can use the connection.
 *
 * @param linkToken the link's token, e.g. {@code lnk_abc}
 * @param authorizeUrl the URL the user opens
 * @param expiresAt when the link stops working, or {@code null} when the server did not say
 * @param requestId the request id of the HTTP answer; may be {@code null}
 */
public record ConnectLink(String linkToken, String authorizeUrl, Instant expiresAt, String requestId) {}
