package dev.codespar.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.codespar.webhooks.WebhookEvent;
import dev.codespar.webhooks.WebhookVerificationException;
import dev.codespar.webhooks.Webhooks;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * A minimal receiver for CodeSpar trigger deliveries, on the JDK's own HTTP server ({@code com.sun.net.httpserver}):
 * it verifies each delivery's {@code X-CodeSpar-Signature} against the trigger's secret, answers 400 to anything
 * that does not verify, and 204 to the rest.
 *
 * <pre>
 * CODESPAR_WEBHOOK_SECRET=whsec_... PORT=8080 \
 *   mvn -B -q -DskipTests -Pquickstart package -Dexample=WebhookReceiver
 * </pre>
 *
 * <p>Put it behind your HTTPS endpoint (CodeSpar only delivers to {@code https://} URLs) and register that URL with
 * {@code client.triggers().create(...)}. Deliveries are retried until your endpoint answers 2xx within 10 seconds,
 * so answer fast (queue slow work) and handle each delivery id once.
 */
public final class WebhookReceiver {

    /** The path deliveries are expected on. */
    public static final String PATH = "/codespar/webhooks";

    /** Bodies above this size are refused before verification. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private WebhookReceiver() {}

    /**
     * Starts the receiver.
     *
     * @param args unused; configuration comes from {@code CODESPAR_WEBHOOK_SECRET} and {@code PORT}
     * @throws IOException when the port cannot be bound
     */
    public static void main(String[] args) throws IOException {
        String secret = System.getenv("CODESPAR_WEBHOOK_SECRET");
        if (secret == null || secret.isBlank()) {
            System.err.println("Set CODESPAR_WEBHOOK_SECRET to the trigger's signing secret (whsec_...).");
            System.exit(2);
        }
        String port = System.getenv().getOrDefault("PORT", "8080");
        HttpServer server = start(new InetSocketAddress(Integer.parseInt(port)), secret,
                event -> System.out.println("delivery " + event.id() + ": " + event.type() + " " + event.data()));
        System.out.println("Listening on http://localhost:" + server.getAddress().getPort() + PATH);
    }

    /**
     * Starts a receiver that hands every verified delivery to {@code handler}.
     *
     * @param address where to listen (port 0 picks a free one)
     * @param secret the trigger's signing secret
     * @param handler what to do with a verified event; keep it fast
     * @return the running server; {@code stop(0)} it when done
     * @throws IOException when the address cannot be bound
     */
    public static HttpServer start(InetSocketAddress address, String secret, Consumer<WebhookEvent> handler)
            throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        server.createContext(PATH, exchange -> handle(exchange, secret, handler));
        server.start();
        return server;
    }

    private static void handle(HttpExchange exchange, String secret, Consumer<WebhookEvent> handler)
            throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            if (body.length > MAX_BODY_BYTES) {
                exchange.sendResponseHeaders(413, -1);
                return;
            }
            WebhookEvent event;
            try {
                // verify the raw bytes, before any parsing
                event = Webhooks.constructEvent(body, Webhooks.signatureHeader(exchange.getRequestHeaders()), secret);
            } catch (WebhookVerificationException e) {
                System.err.println("rejected a delivery: " + e.getReason());
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            handler.accept(event);
            exchange.sendResponseHeaders(204, -1);
        }
    }
}
