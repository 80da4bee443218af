package dev.codespar.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A consent waiting for the consumer, from {@link ConsumerService#initConsent(ConsentInitParams)}: the one-shot token
 * to put on the consent page and to submit once they approve.
 *
 * @param token the consent token; it authorises the submission, so {@link #toString()} and {@link #raw()} leave it
 *     out
 * @param expiresAt until when it can be submitted, or {@code null} when not sent
 * @param raw the answer as the server sent it, without the token
 */
public record ConsentInit(String token, Instant expiresAt, JsonNode raw) {

    @Override
    public String toString() {
        return "ConsentInit{token=[redacted], expiresAt=" + expiresAt + "}";
    }
}
