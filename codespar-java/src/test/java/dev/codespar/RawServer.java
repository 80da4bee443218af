package dev.codespar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A byte-level HTTP/1.1 server on loopback, written on plain sockets rather than MockWebServer, so that a test
 * decides exactly what happens on the wire: how many bytes are read before a reset, when an idle keep-alive
 * connection is closed.
 */
final class RawServer implements AutoCloseable {

    /** What the server does with one accepted connection. */
    interface Handler {
        void handle(RawServer server, Socket socket, int connection) throws IOException;
    }

    /** One request as read off the wire. */
    record Request(String line, String body) {}

    private final ServerSocket serverSocket;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    RawServer(Handler handler) throws IOException {
        serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!serverSocket.isClosed()) {
                Socket socket;
                try {
                    socket = serverSocket.accept();
                } catch (IOException closed) {
                    return;
                }
                sockets.add(socket);
                int index = connections.incrementAndGet();
                Thread worker = new Thread(() -> {
                    try (socket) {
                        socket.setTcpNoDelay(true);
                        handler.handle(this, socket, index);
                    } catch (IOException ignored) {
                        // the client went away: nothing to answer
                    }
                }, "raw-server-conn-" + index);
                worker.setDaemon(true);
                worker.start();
            }
        }, "raw-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://127.0.0.1:" + serverSocket.getLocalPort();
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    /** Requests read whole so far, in order. */
    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Reads one request (head and {@code Content-Length} body); {@code null} at end of stream. */
    Request read(InputStream in) throws IOException {
        String head = readHead(in);
        if (head == null) {
            return null;
        }
        int length = 0;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            return null;
        }
        Request request = new Request(head.substring(0, head.indexOf("\r\n")), new String(body, StandardCharsets.UTF_8));
        requests.add(request);
        return request;
    }

    /** Writes a JSON answer on a keep-alive connection. */
    static void answer(OutputStream out, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: keep-alive\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** Closes the connection with a reset (RST) instead of an orderly FIN. */
    static void reset(Socket socket) throws SocketException, IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
