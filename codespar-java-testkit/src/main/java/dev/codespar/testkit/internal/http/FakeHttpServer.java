package dev.codespar.testkit.internal.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server: keep-alive connections, one thread each, sized and chunked request bodies,
 * {@code Expect: 100-continue}, and answers written in one piece with {@code TCP_NODELAY} (an answer flushed in two
 * writes on a socket with Nagle's algorithm on waits for the client's delayed ACK, about 40 ms).
 */
public final class FakeHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FakeHttpServer.class);

    private final List<ServerSocket> listeners = new ArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService pool;
    private final RequestHandler handler;
    private final int port;
    private volatile boolean closed;

    private FakeHttpServer(List<InetAddress> addresses, int requestedPort, RequestHandler handler, String name) {
        this.handler = handler;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        int bound = requestedPort;
        for (int i = 0; i < addresses.size(); i++) {
            try {
                ServerSocket s = new ServerSocket();
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress(addresses.get(i), bound), 128);
                bound = s.getLocalPort();
                listeners.add(s);
            } catch (IOException e) {
                if (i == 0) {
                    pool.shutdownNow();
                    throw new UncheckedIOException("could not listen on " + addresses.get(0) + ":" + requestedPort,
                            e);
                }
                LOG.debug("not listening on {}: {}", addresses.get(i), e.toString());
            }
        }
        this.port = bound;
        for (ServerSocket s : listeners) {
            pool.execute(() -> acceptLoop(s));
        }
    }

    /**
     * Starts listening.
     *
     * @param addresses where to listen; the first must work, the others (e.g. {@code ::1} beside
     *     {@code 127.0.0.1}) are tried on the same port
     * @param port the port, 0 for a free one
     * @param handler what answers requests
     * @param threadName the prefix of the server's thread names
     * @return the running server
     */
    public static FakeHttpServer start(List<InetAddress> addresses, int port, RequestHandler handler,
            String threadName) {
        return new FakeHttpServer(addresses, port, handler, threadName);
    }

    /**
     * The port it listens on.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    private void acceptLoop(ServerSocket listener) {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.debug("accept failed: {}", e.toString());
                }
                return;
            }
            open.add(socket);
            try {
                pool.execute(() -> serve(socket));
            } catch (RuntimeException rejected) {
                close(socket);
            }
        }
    }

    private void serve(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            RequestReader reader = new RequestReader(in, out);
            while (!closed) {
                HttpRequest request;
                try {
                    request = reader.next();
                } catch (RequestReader.MalformedRequest bad) {
                    out.write(("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nConnection: close\r\n"
                            + "Content-Length: 11\r\n\r\nBad Request").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    return;
                }
                if (request == null) {
                    return;
                }
                Responder responder = new Responder(socket, out);
                handler.handle(request, responder);
                if (!responder.keepAlive() || wantsClose(request)) {
                    return;
                }
            }
        } catch (SocketException | java.io.EOFException gone) {
            // the client or the fake closed the connection
        } catch (IOException e) {
            LOG.debug("connection ended: {}", e.toString());
        } finally {
            close(socket);
        }
    }

    private static boolean wantsClose(HttpRequest request) {
        String connection = request.header("Connection");
        return connection != null && connection.toLowerCase(Locale.ROOT).contains("close");
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }

    /** Stops listening and closes every connection, streams and stalled answers included. */
    @Override
    public void close() {
        closed = true;
        for (ServerSocket s : listeners) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }
        for (Socket s : open) {
            close(s);
        }
        pool.shutdownNow();
    }
}
