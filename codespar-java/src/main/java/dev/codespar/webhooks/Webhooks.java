package dev.codespar.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.internal.json.Json;
import dev.codespar.internal.json.JsonFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The receiving side of triggers: checks that a webhook delivery really comes from CodeSpar and parses it.
 *
 * <p>Each delivery is a {@code POST} to the trigger's {@code webhook_url} whose {@value #SIGNATURE_HEADER} header is
 * the hex-encoded HMAC-SHA256 of the raw request body, keyed with the trigger's signing secret ({@code whsec_...},
 * the whole string as UTF-8). Verify the bytes exactly as received, before any JSON parsing: re-serialized JSON does
 * not keep the signature. The comparison takes the same time wherever the signatures differ
 * ({@link MessageDigest#isEqual}).
 *
 * <pre>{@code
 * byte[] body = exchange.getRequestBody().readAllBytes();
 * String signature = Webhooks.signatureHeader(exchange.getRequestHeaders());
 * try {
 *     WebhookEvent event = Webhooks.constructEvent(body, signature, System.getenv("CODESPAR_WEBHOOK_SECRET"));
 *     if ("payment.confirmed".equals(event.type())) {
 *         markPaid(event.data().path("payment_id").asText());
 *     }
 *     exchange.sendResponseHeaders(204, -1);           // answer 2xx within 10 s, or the delivery is retried
 * } catch (WebhookVerificationException e) {
 *     exchange.sendResponseHeaders(400, -1);
 * }
 * }</pre>
 *
 * <p>A failed check throws {@link WebhookVerificationException} (an {@link IllegalArgumentException}, not part of
 * the API error tree: no API call is made). Nothing here logs.
 */
public final class Webhooks {

    /** The header that carries a delivery's signature. */
    public static final String SIGNATURE_HEADER = "X-CodeSpar-Signature";

    private static final String ALGORITHM = "HmacSHA256";
    private static final int SIGNATURE_BYTES = 32;

    private Webhooks() {}

    /**
     * Verifies a delivery's signature and parses the delivery.
     *
     * @param payload the raw request body, byte for byte as received
     * @param signature the value of the {@value #SIGNATURE_HEADER} header, or {@code null} when it was absent
     * @param secret the trigger's signing secret ({@code whsec_...})
     * @return the event
     * @throws WebhookVerificationException when the signature is missing, malformed or wrong, or the body is not a
     *     JSON object
     * @throws IllegalArgumentException when the payload is {@code null} or the secret is {@code null} or blank (a
     *     bug in the receiver, not a bad delivery)
     */
    public static WebhookEvent constructEvent(byte[] payload, String signature, String secret) {
        verifySignature(payload, signature, secret);
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(payload);
        } catch (IOException | NumberFormatException e) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.MALFORMED_PAYLOAD,
                    "the webhook delivery is correctly signed but its body is not JSON", e);
        }
        if (json == null || !json.isObject()) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.MALFORMED_PAYLOAD,
                    "the webhook delivery is correctly signed but its body is not a JSON object");
        }
        return event(json);
    }

    /**
     * {@link #constructEvent(byte[], String, String)} for a body already read as text; it is encoded back as UTF-8,
     * which gives the original bytes only when they were UTF-8. Prefer the {@code byte[]} form.
     *
     * @param payload the raw request body
     * @param signature the {@value #SIGNATURE_HEADER} value, or {@code null}
     * @param secret the trigger's signing secret
     * @return the event
     * @throws WebhookVerificationException when the delivery does not verify
     */
    public static WebhookEvent constructEvent(String payload, String signature, String secret) {
        if (payload == null) {
            throw new IllegalArgumentException("payload must not be null");
        }
        return constructEvent(payload.getBytes(StandardCharsets.UTF_8), signature, secret);
    }

    /**
     * Verifies a delivery's signature without parsing it.
     *
     * <p>Accepted forms of the header: 64 hex digits, either case, optionally prefixed {@code sha256=}, with
     * surrounding spaces ignored.
     *
     * @param payload the raw request body, byte for byte as received
     * @param signature the value of the {@value #SIGNATURE_HEADER} header, or {@code null} when it was absent
     * @param secret the trigger's signing secret ({@code whsec_...})
     * @throws WebhookVerificationException when the signature is missing, malformed or does not match
     * @throws IllegalArgumentException when the payload is {@code null} or the secret is {@code null} or blank
     */
    public static void verifySignature(byte[] payload, String signature, String secret) {
        byte[] expected = hmac(payload, secret);
        if (signature == null || signature.isBlank()) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.MISSING_SIGNATURE,
                    "the webhook delivery has no " + SIGNATURE_HEADER + " header");
        }
        byte[] given = decode(signature);
        if (given == null) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.MALFORMED_SIGNATURE,
                    "the " + SIGNATURE_HEADER + " header is not a hex HMAC-SHA256 (64 hex digits)");
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw new WebhookVerificationException(WebhookVerificationException.Reason.SIGNATURE_MISMATCH,
                    "the " + SIGNATURE_HEADER + " header does not match the body: the delivery was altered, or"
                            + " it was signed with another secret (was the secret rotated?)");
        }
    }

    /**
     * The signature CodeSpar puts on a body: lower-case hex HMAC-SHA256 of the bytes with the secret. Useful to
     * test your receiver with deliveries you sign yourself.
     *
     * @param payload the body
     * @param secret the signing secret
     * @return 64 lower-case hex digits
     */
    public static String computeSignature(byte[] payload, String secret) {
        return HexFormat.of().formatHex(hmac(payload, secret));
    }

    /**
     * Finds the {@value #SIGNATURE_HEADER} value in a header map, whatever the case of its name (e.g. the
     * {@code Headers} of {@code com.sun.net.httpserver}, or a servlet's headers copied into a map).
     *
     * @param headers header names to their values
     * @return the first value, or {@code null} when the header is absent
     */
    public static String signatureHeader(Map<String, ? extends List<String>> headers) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, ? extends List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(SIGNATURE_HEADER) && e.getValue() != null
                    && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    /**
     * The event of a delivery. The API does not publish the delivery body, so each field is read from the names
     * seen for it, tolerantly (a missing or wrong-typed field is {@code null}).
     */
    private static WebhookEvent event(JsonNode json) {
        return new WebhookEvent(
                JsonFields.firstText(json, "id", "delivery_id"),
                JsonFields.firstText(json, "event", "type"),
                JsonFields.text(json, "trigger_id"),
                JsonFields.text(json, "server_id"),
                JsonFields.firstInstant(json, "created_at", "occurred_at", "timestamp"),
                JsonFields.firstNode(json, "data", "payload"),
                json);
    }

    /** The MAC of a delivery; refuses a {@code null} payload, then a missing secret (bugs of the receiver). */
    private static byte[] hmac(byte[] payload, String secret) {
        if (payload == null) {
            throw new IllegalArgumentException("payload must not be null");
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the trigger's signing secret must not be null or blank");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // every Java SE runtime ships HmacSHA256, and any non-empty key is valid for it
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** The signature bytes, or {@code null} when the header is not 64 hex digits (after an optional prefix). */
    private static byte[] decode(String header) {
        String value = header.strip();
        if (value.toLowerCase(Locale.ROOT).startsWith("sha256=")) {
            value = value.substring("sha256=".length());
        }
        if (value.length() != SIGNATURE_BYTES * 2 || !value.chars().allMatch(HexFormat::isHexDigit)) {
            return null;
        }
        return HexFormat.of().parseHex(value);
    }
}
