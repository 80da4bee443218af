package dev.codespar;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;
import okhttp3.mockwebserver.MockWebServer;

/**
 * A MockWebServer whose sockets send at once ({@code TCP_NODELAY}). MockWebServer writes an answer's head and body
 * in two writes; with Nagle's algorithm on, the body then waits for the client's delayed ACK, about 40 ms per call
 * on Linux. Harmless for a few requests, it would make a load test measure the kernel's timer instead of the SDK.
 */
final class FastServer {

    private FastServer() {}

    static MockWebServer create() {
        MockWebServer server = new MockWebServer();
        server.setServerSocketFactory(new ServerSocketFactory() {
            @Override
            public ServerSocket createServerSocket() throws IOException {
                return new ServerSocket() {
                    @Override
                    public Socket accept() throws IOException {
                        Socket socket = super.accept();
                        socket.setTcpNoDelay(true);
                        return socket;
                    }
                };
            }

            @Override
            public ServerSocket createServerSocket(int port) {
                throw new UnsupportedOperationException("MockWebServer binds the unbound socket itself");
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog) {
                throw new UnsupportedOperationException("MockWebServer binds the unbound socket itself");
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog, InetAddress address) {
                throw new UnsupportedOperationException("MockWebServer binds the unbound socket itself");
            }
        });
        return server;
    }
}
