package dev.codespar.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One signed webhook delivery of a trigger, as {@link FakeCodeSpar#triggerEvent} made it: the exact body bytes and
 * the {@code X-CodeSpar-Signature} header (hex HMAC-SHA256 of the body, keyed with the trigger's secret). Hand the
 * two to the receiving code, or {@link #postTo(String) post} them to a receiver on loopback.
 *
 * <pre>{@code
 * Trigger trigger = client.triggers().create(...);                    // the fake answers with its secret
 * WebhookDelivery d = fake.triggerEvent("payment.confirmed", Map.of("payment_id", "pay_1")).get(0);
 * WebhookEvent event = Webhooks.constructEvent(d.bodyBytes(), d.signature(), trigger.secret());
 * }</pre>
 *
 * @param deliveryId {@code dlv_<8>}, also the body's {@code id}
 * @param triggerId the trigger it was made for
 * @param event the event type, e.g. {@code payment.confirmed}
 * @param webhookUrl the trigger's URL (the fake never calls it: it is {@code https://} and outside loopback)
 * @param body the JSON body {@code {id, event, trigger_id, server_id, created_at, data}}
 * @param signature the {@code X-CodeSpar-Signature} value
 */
public record WebhookDelivery(String deliveryId, String triggerId, String event, String webhookUrl, String body,
        String signature) {

    /** The signature header's name. */
    public static final String SIGNATURE_HEADER = "X-CodeSpar-Signature";

    /**
     * The body as the receiver gets it.
     *
     * @return UTF-8 bytes
     */
    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The headers of the delivery request.
     *
     * @return {@code Content-Type} and the signature
     */
    public Map<String, String> headers() {
        return Map.of("Content-Type", "application/json", SIGNATURE_HEADER, signature);
    }

    /**
     * Posts the delivery to a receiver (a test's own server, on loopback) and returns its status.
     *
     * @param url the receiver's URL
     * @return the HTTP status the receiver answered
     * @throws UncheckedIOException when the receiver cannot be reached
     */
    public int postTo(String url) {
        OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
        Request request = new Request.Builder().url(Objects.requireNonNull(url, "url"))
                .header(SIGNATURE_HEADER, signature)
                .post(RequestBody.create(bodyBytes(), MediaType.get("application/json"))).build();
        try (Response r = http.newCall(request).execute()) {
            return r.code();
        } catch (IOException e) {
            throw new UncheckedIOException("could not deliver to " + url, e);
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
