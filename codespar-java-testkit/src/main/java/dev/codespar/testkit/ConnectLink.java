package dev.codespar.testkit;

import java.time.Instant;

/** A Connect Link the fake issued; opening its URL connects the server. Guarded by the state lock. */
final class ConnectLink {

    final String token;
    final String server;
    final String userId;
    final String sessionId;
    final Instant expiresAt;

    ConnectLink(String token, String server, String userId, String sessionId, Instant expiresAt) {
        this.token = token;
        this.server = server;
        this.userId = userId;
        this.sessionId = sessionId;
        this.expiresAt = expiresAt;
    }
}
