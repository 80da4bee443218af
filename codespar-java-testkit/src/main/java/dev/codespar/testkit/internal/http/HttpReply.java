package dev.codespar.testkit.internal.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A complete answer to write: status, headers (in order) and body, and how to damage it on the way out.
 *
 * @param status the HTTP status
 * @param headers the headers, in order; the writer puts {@code Content-Length} where an entry of that name stands
 *     (its value is ignored), else last
 * @param body the body, or {@code null} for none
 * @param damage how the writer mangles the answer
 * @param dripBytes with {@link Damage#DRIP}: bytes per burst
 * @param dripPeriod with {@link Damage#DRIP}: the pause between bursts
 */
public record HttpReply(int status, List<Map.Entry<String, String>> headers, byte[] body, Damage damage,
        long dripBytes, Duration dripPeriod) {

    /** What happens to the answer on the wire. */
    public enum Damage {
        /** Written whole, at once. */
        NONE,
        /** The head and half the body, then the connection is closed. */
        CUT_MID_BODY,
        /** Half the body with a matching {@code Content-Length}: well framed, malformed content. */
        TRUNCATE,
        /** The body in small bursts with pauses. */
        DRIP
    }

    /**
     * An undamaged answer.
     *
     * @param status the HTTP status
     * @param headers the headers
     * @param body the body or {@code null}
     * @return the reply
     */
    public static HttpReply of(int status, List<Map.Entry<String, String>> headers, byte[] body) {
        return new HttpReply(status, headers, body, Damage.NONE, 0, Duration.ZERO);
    }

    /**
     * This reply with damage.
     *
     * @param kind the damage
     * @param bytes drip burst size
     * @param period drip pause
     * @return a new reply
     */
    public HttpReply damaged(Damage kind, long bytes, Duration period) {
        return new HttpReply(status, headers, body, kind, bytes, period);
    }
}
