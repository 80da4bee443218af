package dev.codespar.errors;

/**
 * The request body or query is malformed or misses a required field ({@code invalid_request}, HTTP 400).
 *
 * <p>Likely causes: a required field is missing (e.g. {@code amount} on {@code codespar_pay}), a value is out of
 * range (a negative amount), a value has the wrong type (a string where a number is expected), or the JSON itself
 * is malformed. The message names the field.
 *
 * <p>The SDK also raises it before any network call when an argument or a request object fails client-side
 * validation: then {@link #getStatus()} is 400, {@link #getRequestId()} is {@code null} and {@link #getAttempts()}
 * is 0.
 *
 * <p>Fix: validate the input against the tool's schema before sending; never retried.
 */
public final class InvalidRequestError extends BadRequestError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error; the SDK does this for you, and tests can too (or use {@link ApiError#from(ErrorDetails)}).
     *
     * @param details the code, status, request id and the rest of the failure
     */
    public InvalidRequestError(ErrorDetails details) {
        super(details);
    }
}
