package dev.codespar.telemetry;

import java.time.Duration;

/**
 * How a call ended.
 *
 * @param status the HTTP status of the last answer; {@code 0} when no answer came (or the call was refused before the
 *     network)
 * @param errorCode the error code ({@code rate_limited}, {@code network_error}, {@code invalid_request}, ...), or
 *     {@code null} on success
 * @param attempts how many HTTP attempts were made (0 when refused before the network)
 * @param requestId the server's request id of the last answer, or {@code null} (high cardinality: a trace attribute,
 *     not a metric tag)
 * @param duration from the start of the call to its end, retries and their waits included
 */
public record CallOutcome(int status, String errorCode, int attempts, String requestId, Duration duration) {

    /**
     * Whether the call succeeded.
     *
     * @return {@code true} when there is no error code
     */
    public boolean success() {
        return errorCode == null;
    }
}
