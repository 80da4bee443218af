package dev.codespar;

import dev.codespar.errors.NotConnectedError;
import dev.codespar.internal.http.ChainedFuture;
import dev.codespar.internal.http.HttpTransport;
import dev.codespar.internal.http.Timing;
import dev.codespar.internal.validation.Validation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Waiting until every server of a session is connected, as the official SDKs do: poll the connections every second
 * until the deadline; ready means a non-empty list with every server connected. Past the deadline this SDK throws
 * {@link NotConnectedError} with the servers still pending (the official SDKs return silently).
 */
final class ConnectionWait {

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    private static final Duration MAX_WAIT = Duration.ofMinutes(10);

    private final HttpTransport transport;
    private final SessionCalls calls;
    private final String sessionId;
    private final List<String> servers;

    ConnectionWait(HttpTransport transport, SessionCalls calls, String sessionId, List<String> servers) {
        this.transport = transport;
        this.calls = calls;
        this.sessionId = sessionId;
        this.servers = servers;
    }

    SessionConnections blocking(Duration timeout) {
        check(timeout, "timeout");
        Timing timing = transport.timing();
        long deadline = timing.nowMillis() + timeout.toMillis();
        while (true) {
            SessionConnections connections = calls.connections().execute();
            if (connections.isReady()) {
                return connections;
            }
            long remaining = deadline - timing.nowMillis();
            if (remaining <= 0) {
                throw notConnected(connections, timeout);
            }
            try {
                // a closed client ends the pause at once; the next poll then fails saying so
                transport.pause(Duration.ofMillis(Math.min(POLL_INTERVAL.toMillis(), remaining)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw notConnected(connections, timeout);
            }
        }
    }

    CompletableFuture<SessionConnections> async(Duration timeout) {
        try {
            check(timeout, "timeout");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        ChainedFuture<SessionConnections> chain = new ChainedFuture<>();
        Timing timing = transport.timing();
        poll(chain, timing, timing.nowMillis() + timeout.toMillis(), timeout);
        return chain;
    }

    private void poll(ChainedFuture<SessionConnections> chain, Timing timing, long deadline, Duration timeout) {
        if (chain.isDone()) {
            return;
        }
        CompletableFuture<SessionConnections> step = calls.connections().executeAsync();
        chain.track(step);
        step.whenComplete((connections, error) -> {
            if (error != null) {
                chain.completeExceptionally(ChainedFuture.unwrap(error));
            } else if (connections.isReady()) {
                chain.complete(connections);
            } else {
                long remaining = deadline - timing.nowMillis();
                if (remaining <= 0) {
                    chain.completeExceptionally(notConnected(connections, timeout));
                } else {
                    timing.after(Duration.ofMillis(Math.min(POLL_INTERVAL.toMillis(), remaining)))
                            .execute(() -> poll(chain, timing, deadline, timeout));
                }
            }
        });
    }

    private NotConnectedError notConnected(SessionConnections connections, Duration timeout) {
        List<String> pending = connections.servers().isEmpty() ? servers : connections.pendingServers();
        return new NotConnectedError("session " + sessionId + ": " + (connections.servers().isEmpty()
                ? "the server listed no connections" : pending.size() + " of " + connections.servers().size()
                        + " servers not connected")
                + " after " + timeout.toMillis() + " ms: " + pending
                + "; send the user a connect link (session.authorize(server, redirectUri)) and wait again, or close"
                + " the session", new NotConnectedError.Details(sessionId, pending, connections.requestId(), null,
                        null, null, null));
    }

    /** The bound of every wait for connections ({@code waitForConnections}, and {@code create}'s). */
    static void check(Duration timeout, String field) {
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_WAIT) > 0) {
            throw Validation.invalid(field + ": must be positive and at most 10 minutes, got " + timeout);
        }
    }
}
