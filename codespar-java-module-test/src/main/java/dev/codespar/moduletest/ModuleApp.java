package dev.codespar.moduletest;

import com.sun.net.httpserver.HttpServer;
import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.ToolResult;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A tiny application on the module path: a canned CodeSpar API on the JDK's HTTP server, and the SDK calling it.
 */
public final class ModuleApp implements AutoCloseable {

    private final HttpServer server;

    /**
     * Starts the canned API on a free loopback port.
     *
     * @throws IOException when the port cannot be bound
     */
    public ModuleApp() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            exchange.getRequestBody().readAllBytes();
            String body;
            int status;
            if (path.equals("/v1/sessions")) {
                status = 201;
                body = "{\"id\":\"ses_module\",\"user_id\":\"u\",\"servers\":[\"asaas\"],\"status\":\"active\"}";
            } else if (path.endsWith("/execute")) {
                status = 200;
                body = "{\"success\":true,\"data\":{\"id\":\"pay_1\"},\"error\":null,\"tool_call_id\":\"tc_1\"}";
            } else if (path.equals("/v1/projects")) {
                status = 201;
                body = "{\"id\":\"prj_0123456789abcdef\",\"name\":\"Checkout\",\"slug\":\"checkout\"}";
            } else {
                status = 204;
                body = "";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    /**
     * A client of the canned API.
     *
     * @return the client
     */
    public CodeSparClient client() {
        return CodeSparClient.builder().apiKey("csk_test_module0123456789")
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort()).build();
    }

    /**
     * Opens a session and pays, as an application would.
     *
     * @param client the client
     * @return the payment's result
     */
    public static ToolResult pay(CodeSparClient client) {
        try (Session session = client.create("u", SessionConfig.builder().servers("asaas").build())) {
            return session.execute("codespar_pay", Map.of("action", "pay", "amount", 1000, "currency", "BRL"));
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
