package dev.codespar.internal.http;

import dev.codespar.errors.ApiError;
import dev.codespar.errors.ErrorDetails;
import dev.codespar.errors.NetworkError;
import dev.codespar.errors.TimeoutError;
import java.io.IOException;

/**
 * What one failed attempt left behind, before it becomes the exception the caller sees (if it is not retried).
 *
 * @param details code, status, message, request id and retry hint
 * @param kind what kind of failure it was
 * @param requestSent whether the whole request had been written before the failure: only then may the server have
 *     processed it
 * @param cause the I/O failure, or {@code null} for an HTTP error answer
 */
record AttemptFailure(ErrorDetails details, Kind kind, boolean requestSent, IOException cause) {

    /** How an attempt failed. */
    enum Kind {
        /** The server answered with an error status. */
        HTTP,
        /** No complete answer: refused, reset, cut short. */
        NETWORK,
        /** No complete answer in time. */
        TIMEOUT,
        /** The client was closed or the caller interrupted: never tried again. */
        FINAL
    }

    static AttemptFailure http(ErrorDetails details) {
        return new AttemptFailure(details, Kind.HTTP, true, null);
    }

    boolean isNetwork() {
        return kind != Kind.HTTP;
    }

    AttemptFailure withRequestId(String requestId) {
        return new AttemptFailure(details.withRequestId(requestId), kind, requestSent, cause);
    }

    /**
     * The exception of this failure.
     *
     * @param attempts how many attempts were made in all
     */
    ApiError toError(int attempts) {
        ErrorDetails d = details.withAttempts(attempts);
        switch (kind) {
            case HTTP:
                return ApiError.from(d);
            case TIMEOUT:
                return new TimeoutError(d, requestSent, cause);
            default:
                return new NetworkError(d, requestSent, cause);
        }
    }
}
