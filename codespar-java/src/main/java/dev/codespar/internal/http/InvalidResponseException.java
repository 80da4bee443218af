package dev.codespar.internal.http;

import dev.codespar.errors.ErrorDetails;

/**
 * Thrown by a {@link HttpTransport.ResponseReader} when a 2xx answer is not what the SDK can use (not JSON, or a
 * required field missing). The transport turns it into the {@link dev.codespar.errors.ApiError} the caller sees,
 * with the attempt count filled in; it is never retried (the server did the work).
 */
public final class InvalidResponseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ErrorDetails details;

    InvalidResponseException(ErrorDetails details) {
        super(details.message(), null, false, false);
        this.details = details;
    }

    ErrorDetails details() {
        return details;
    }
}
