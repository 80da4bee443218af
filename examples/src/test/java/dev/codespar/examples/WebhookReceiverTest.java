package dev.codespar.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.codespar.webhooks.WebhookEvent;
import dev.codespar.webhooks.Webhooks;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookReceiverTest {

    private static final String SECRET = "whsec_example_receiver_secret";
    private static final String BODY = "{\"id\":\"dlv_00000001\",\"event\":\"payment.confirmed\","
            + "\"data\":{\"payment_id\":\"pay_1\"}}";

    private final BlockingQueue<WebhookEvent> received = new LinkedBlockingQueue<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private HttpServer server;
    private URI uri;

    @BeforeEach
    void start() throws Exception {
        server = WebhookReceiver.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), SECRET,
                received::add);
        uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + WebhookReceiver.PATH);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private int post(String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header(Webhooks.SIGNATURE_HEADER, signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aSignedDeliveryIsAcceptedAndHandedOver() throws Exception {
        String signature = Webhooks.computeSignature(BODY.getBytes(StandardCharsets.UTF_8), SECRET);

        assertThat(post(BODY, signature)).isEqualTo(204);

        WebhookEvent event = received.poll();
        assertThat(event).isNotNull();
        assertThat(event.id()).isEqualTo("dlv_00000001");
        assertThat(event.type()).isEqualTo("payment.confirmed");
        assertThat(event.data().path("payment_id").asText()).isEqualTo("pay_1");
    }

    @Test
    void tamperedUnsignedOrForeignDeliveriesAreRejected() throws Exception {
        String signature = Webhooks.computeSignature(BODY.getBytes(StandardCharsets.UTF_8), SECRET);
        String foreign = Webhooks.computeSignature(BODY.getBytes(StandardCharsets.UTF_8), "whsec_someone_else");

        assertThat(post(BODY.replace("pay_1", "pay_2"), signature)).isEqualTo(400);
        assertThat(post(BODY, null)).isEqualTo(400);
        assertThat(post(BODY, foreign)).isEqualTo(400);
        assertThat(received).isEmpty();
    }

    @Test
    void onlyPostIsAccepted() throws Exception {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }
}
