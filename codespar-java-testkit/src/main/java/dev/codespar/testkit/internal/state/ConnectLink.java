package dev.codespar.testkit.internal.state;

import java.time.Instant;

/**
 * A Connect Link the fake issued; opening its URL connects the server.
 *
 * @param token the {@code lnk_} token
 * @param server the server it connects
 * @param userId the user whose sessions it connects, or {@code null}
 * @param sessionId the session it was issued for, or {@code null}
 * @param expiresAt when it stops working
 */
public record ConnectLink(String token, String server, String userId, String sessionId, Instant expiresAt) {}
