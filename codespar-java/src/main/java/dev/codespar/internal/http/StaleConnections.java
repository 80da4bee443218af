package dev.codespar.internal.http;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.WeakHashMap;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@code POST} off pooled connections the server may already have closed.
 *
 * <p>A server closes a keep-alive connection after some idle time (Node's default is 5 s, gunicorn's 2 s). A request
 * written on such a connection is lost in a way the client cannot tell from a server that processed it and then
 * failed, so a {@code POST} (a payment) would end in a false "may have been processed". OkHttp 4.12 checks a pooled
 * connection's health before a non-{@code GET} only once it has been idle 10 s. So the SDK's calls record, through
 * OkHttp's connection events, when each connection was last released, and {@link #sweep()}, called before every
 * non-idempotent request, closes the sockets of the idle connections released longer ago than the bound: OkHttp then
 * finds them closed and opens a fresh one. The cost is one new connection (a TCP and, for {@code https}, a TLS
 * handshake) for a {@code POST} that follows a quiet spell longer than the bound.
 *
 * <p>Only connections the SDK's calls have used are known here, and only idle ones are closed: a connection is busy
 * from the moment a call acquires it until OkHttp releases it.
 */
final class StaleConnections {

    private static final Logger LOG = LoggerFactory.getLogger(StaleConnections.class);

    /** Per connection: calls holding it, and since when it is idle. */
    private static final class Use {
        int active;
        long idleSinceNanos;
    }

    private final long maxIdleNanos;
    private final Map<Connection, Use> uses = new WeakHashMap<>();

    StaleConnections(Duration maxIdle) {
        this.maxIdleNanos = maxIdle.toNanos();
    }

    /**
     * The event listeners of the SDK's calls: the given factory's listener, with the connection bookkeeping on top.
     *
     * @param delegate the listener factory of the caller's client (OkHttp's no-op one by default)
     */
    EventListener.Factory listenerFactory(EventListener.Factory delegate) {
        return call -> new ForwardingEventListener(delegate.create(call)) {
            @Override
            public void connectionAcquired(Call call, Connection connection) {
                acquired(connection);
                super.connectionAcquired(call, connection);
            }

            @Override
            public void connectionReleased(Call call, Connection connection) {
                released(connection);
                super.connectionReleased(call, connection);
            }
        };
    }

    /** Closes the sockets of the known connections idle longer than the bound. */
    void sweep() {
        long now = System.nanoTime();
        synchronized (uses) {
            for (Iterator<Map.Entry<Connection, Use>> it = uses.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Connection, Use> entry = it.next();
                Use use = entry.getValue();
                if (use.active == 0 && now - use.idleSinceNanos > maxIdleNanos) {
                    it.remove();
                    close(entry.getKey().socket(), (now - use.idleSinceNanos) / 1_000_000);
                }
            }
        }
    }

    private void acquired(Connection connection) {
        synchronized (uses) {
            uses.computeIfAbsent(connection, c -> new Use()).active++;
        }
    }

    private void released(Connection connection) {
        synchronized (uses) {
            Use use = uses.get(connection);
            if (use != null && --use.active == 0) {
                use.idleSinceNanos = System.nanoTime();
            }
        }
    }

    private static void close(Socket socket, long idleMillis) {
        try {
            socket.close();
            LOG.debug("closed a pooled connection idle for {} ms before a non-idempotent request", idleMillis);
        } catch (IOException e) {
            // a socket that fails to close is as unusable to OkHttp as a closed one
            LOG.debug("closing a stale pooled connection failed: {}", e.toString());
        }
    }
}
