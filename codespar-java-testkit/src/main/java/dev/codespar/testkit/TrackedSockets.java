package dev.codespar.testkit;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import javax.net.ServerSocketFactory;

/**
 * Lets a dispatcher take over the connection of the request it is answering, to write a live event stream.
 *
 * <p>MockWebServer answers with a fixed body once {@code dispatch} returns; a status stream must instead stay open
 * and push an update whenever the test settles a payment. MockWebServer reads each request and calls the dispatcher
 * on the connection's own thread, so the socket that thread last read from is the socket of the request being
 * dispatched: the accepted sockets remember, per thread, who read from them. The dispatcher then writes the whole
 * HTTP answer itself and tells MockWebServer to close the connection ({@code DISCONNECT_AFTER_REQUEST}), so the two
 * never write to the same socket.
 */
final class TrackedSockets extends ServerSocketFactory {

    private static final ThreadLocal<TrackedSocket> LAST_READ = new ThreadLocal<>();

    /** The socket the calling thread last read a request from, or {@code null}. */
    static TrackedSocket current() {
        return LAST_READ.get();
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new TrackingServerSocket();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        return createServerSocket(port, 50, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        return createServerSocket(port, backlog, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        ServerSocket s = new TrackingServerSocket();
        s.bind(new InetSocketAddress(address, port), backlog);
        return s;
    }

    /** Accepts {@link TrackedSocket}s. */
    private static final class TrackingServerSocket extends ServerSocket {
        TrackingServerSocket() throws IOException {
            super();
        }

        @Override
        public Socket accept() throws IOException {
            if (isClosed()) {
                throw new SocketException("Socket is closed");
            }
            if (!isBound()) {
                throw new SocketException("Socket is not bound yet");
            }
            TrackedSocket socket = new TrackedSocket();
            implAccept(socket);
            // MockWebServer flushes an answer's head before its body: with Nagle's algorithm on, the body waits for
            // the client's delayed ACK of the head, about 40 ms per answer
            socket.setTcpNoDelay(true);
            return socket;
        }
    }

    /** An accepted socket that marks the reading thread. */
    static final class TrackedSocket extends Socket {
        private InputStream marking;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (marking == null) {
                marking = new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read() throws IOException {
                        LAST_READ.set(TrackedSocket.this);
                        return super.read();
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        LAST_READ.set(TrackedSocket.this);
                        return super.read(b, off, len);
                    }
                };
            }
            return marking;
        }
    }
}
