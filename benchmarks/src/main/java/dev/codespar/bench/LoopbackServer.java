package dev.codespar.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import okio.Buffer;

/**
 * The fast in-process HTTP/1.1 server both sides of every network benchmark talk to, on 127.0.0.1: keep-alive,
 * {@code Content-Length} request bodies, canned answers (see {@link Fixtures}), and chunked server-sent event
 * streams generated on the fly (so a million-event stream costs the server no memory). One thread per
 * connection: virtual threads on JDK 21+, daemon platform threads before.
 *
 * <p>Routes: {@code POST /v1/sessions} (201 session), {@code POST /v1/sessions/{id}/execute} (200 tool result; 429
 * {@code rate_limited} for {@link Fixtures#LIMITED_SESSION_ID}), {@code POST /v1/sessions/{id}/send} (a send
 * stream of N events, N read from the message {@code "stream N"}); anything else is a 404.
 */
public final class LoopbackServer implements AutoCloseable {

    private static final byte[] HEAD_END = {'\r', '\n', '\r', '\n'};
    private static final byte[] LIMITED_USER = Fixtures.utf8(Fixtures.LIMITED_USER_ID);

    private final ServerSocket server;
    private final ExecutorService connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong requests = new AtomicLong();
    private final byte[] created = answer(201, "Created", Fixtures.SESSION_JSON, "");
    private final byte[] createdLimited = answer(201, "Created", Fixtures.LIMITED_SESSION_JSON, "");
    private final byte[] executed = answer(200, "OK", Fixtures.TOOL_RESULT_JSON, "");
    private final byte[] limited = answer(429, "Too Many Requests", Fixtures.RATE_LIMITED_JSON, "Retry-After: 1\r\n");
    private final byte[] notFound = answer(404, "Not Found", "{\"error\":\"not_found\"}".getBytes(StandardCharsets.UTF_8), "");
    private volatile boolean closed;

    private LoopbackServer() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        ExecutorService virtual = Threads.virtualExecutor();
        connections = virtual != null ? virtual : Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "loopback-server-connection");
            t.setDaemon(true);
            return t;
        });
        Thread acceptor = new Thread(this::acceptLoop, "loopback-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Starts a server on a free loopback port.
     *
     * @return the running server
     */
    public static LoopbackServer start() {
        try {
            return new LoopbackServer();
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind a loopback port", e);
        }
    }

    /** @return {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** @return requests answered so far */
    public long requests() {
        return requests.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                connections.execute(() -> serve(socket));
            } catch (IOException e) {
                if (!closed) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buf = new byte[8192];
            int len = 0;
            while (true) {
                int headEnd;
                while ((headEnd = indexOf(buf, 0, len, HEAD_END)) < 0) {
                    if (len == buf.length) {
                        buf = Arrays.copyOf(buf, len * 2);
                    }
                    int n = in.read(buf, len, buf.length - len);
                    if (n < 0) {
                        return;
                    }
                    len += n;
                }
                String head = new String(buf, 0, headEnd, StandardCharsets.ISO_8859_1);
                int total = headEnd + 4 + contentLength(head);
                while (len < total) {
                    if (total > buf.length) {
                        buf = Arrays.copyOf(buf, Math.max(total, buf.length * 2));
                    }
                    int n = in.read(buf, len, buf.length - len);
                    if (n < 0) {
                        return;
                    }
                    len += n;
                }
                requests.incrementAndGet();
                respond(head, buf, headEnd + 4, total, out);
                System.arraycopy(buf, total, buf, 0, len - total);
                len -= total;
            }
        } catch (IOException e) {
            // the client went away: nothing to do
        } finally {
            open.remove(socket);
        }
    }

    private void respond(String head, byte[] buf, int bodyStart, int bodyEnd, OutputStream out) throws IOException {
        int sp1 = head.indexOf(' ');
        int sp2 = head.indexOf(' ', sp1 + 1);
        String method = head.substring(0, sp1);
        String path = head.substring(sp1 + 1, sp2);
        if (method.equals("POST") && path.equals("/v1/sessions")) {
            boolean limitedUser = indexOf(buf, bodyStart, bodyEnd, LIMITED_USER) >= 0;
            out.write(limitedUser ? createdLimited : created);
        } else if (method.equals("POST") && path.startsWith("/v1/sessions/") && path.endsWith("/execute")) {
            out.write(path.startsWith(Fixtures.LIMITED_SESSION_ID, 13) ? limited : executed);
        } else if (method.equals("POST") && path.startsWith("/v1/sessions/") && path.endsWith("/send")) {
            String body = new String(buf, bodyStart, bodyEnd - bodyStart, StandardCharsets.UTF_8);
            int at = body.indexOf("stream ");
            long events = at < 0 ? 1 : Long.parseLong(body.substring(at + 7).replaceAll("[^0-9].*$", ""));
            stream(events, out);
        } else {
            out.write(notFound);
        }
        out.flush();
    }

    /** A chunked send stream of {@code events} events, written in chunks of about 16 KiB. */
    private static void stream(long events, OutputStream out) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                + "X-Request-Id: " + Fixtures.REQUEST_ID + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        Buffer chunk = new Buffer();
        for (long i = 0; i < events; i++) {
            chunk.write(Fixtures.event(i, events));
            if (chunk.size() >= 16 * 1024 || i == events - 1) {
                byte[] data = chunk.readByteArray();
                out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(data);
                out.write('\r');
                out.write('\n');
            }
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    private static int contentLength(String head) {
        int at = indexOfIgnoreCase(head, "\r\ncontent-length:");
        if (at < 0) {
            return 0;
        }
        int from = at + 17;
        int end = head.indexOf('\r', from);
        return Integer.parseInt(head.substring(from, end < 0 ? head.length() : end).trim());
    }

    private static int indexOfIgnoreCase(String s, String what) {
        for (int i = 0; i + what.length() <= s.length(); i++) {
            if (s.regionMatches(true, i, what, 0, what.length())) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] buf, int from, int to, byte[] what) {
        outer:
        for (int i = from; i + what.length <= to; i++) {
            for (int j = 0; j < what.length; j++) {
                if (buf[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] answer(int status, String reason, byte[] body, String extraHeaders) {
        byte[] head = ("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/json; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\nX-Request-Id: " + Fixtures.REQUEST_ID + "\r\n" + extraHeaders
                + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        connections.shutdownNow();
    }
}
