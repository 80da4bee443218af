package dev.codespar.errors;

import dev.codespar.Session;
import java.util.List;
import java.util.Optional;

/**
 * A tool needs a server whose connection is not ready.
 *
 * <p>Thrown when waiting for a session's connections runs past its deadline with servers still pending, when a
 * session created with "wait for connections" did not see them come up in time, and when the server answers that
 * a tool's server is not connected or not registered. The error carries the session id and the servers still
 * pending, so the caller can send the user a connect link, keep going, or close the session.
 *
 * <p>A 422 {@code needs_connection} answer is not this class: it is a {@link NeedsConnectionError} carrying the
 * {@code connect_url} to send to the user.
 */
public final class NotConnectedError extends CodeSparException {

    private static final long serialVersionUID = 1L;

    private final String sessionId;
    private final List<String> pendingServers;
    private final transient Session session;

    /**
     * Creates the error.
     *
     * @param message what is not connected and what to do about it
     * @param sessionId the session the servers belong to, or {@code null}
     * @param pendingServers the servers that are not connected yet (copied)
     */
    public NotConnectedError(String message, String sessionId, List<String> pendingServers) {
        this(message, sessionId, pendingServers, null);
    }

    /**
     * Creates the error for a session the caller holds, or has not received yet (a {@code create} that waited for
     * connections in vain).
     *
     * @param message what is not connected and what to do about it
     * @param session the session (still open), not {@code null}
     * @param pendingServers the servers that are not connected yet (copied)
     */
    public NotConnectedError(String message, Session session, List<String> pendingServers) {
        this(message, session.getId(), pendingServers, session);
    }

    private NotConnectedError(String message, String sessionId, List<String> pendingServers, Session session) {
        super(message, null);
        this.sessionId = sessionId;
        this.pendingServers = pendingServers == null ? List.of() : List.copyOf(pendingServers);
        this.session = session;
    }

    /**
     * The session, still open: after a {@code create} that waited for connections in vain, this is the only way
     * to reach it. Send the user connect links ({@code session.authorize(...)}) and go on, or close it.
     *
     * <pre>{@code
     * try {
     *     session = client.create("user_123", config);   // config waits for connections
     * } catch (NotConnectedError e) {
     *     session = e.getSession().orElseThrow();
     *     for (String server : e.getPendingServers()) {
     *         chat.reply("Connect " + server + ": " + session.authorize(server, redirectUri).authorizeUrl());
     *     }
     * }
     * }</pre>
     *
     * @return the session; empty when the error was built without one (or after deserialization)
     */
    public Optional<Session> getSession() {
        return Optional.ofNullable(session);
    }

    /**
     * The session whose servers are not connected.
     *
     * @return the session id, or {@code null} when unknown
     */
    public String getSessionId() {
        return sessionId;
    }

    /**
     * The servers still waiting for a connection, e.g. {@code ["asaas"]}.
     *
     * @return an immutable list, possibly empty
     */
    public List<String> getPendingServers() {
        return pendingServers;
    }
}
