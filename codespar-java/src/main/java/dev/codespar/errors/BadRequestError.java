package dev.codespar.errors;

/**
 * The server rejected the request as malformed (HTTP 400).
 *
 * <p>Raised for a 400 whose code has no class of its own, such as {@code unknown_servers} (its {@code unknown}
 * array is in {@link #getBody()}) or {@code mocks_invalid} (its {@code field} JSON pointer is in the body).
 * Subclasses cover {@code invalid_request}, {@code slug_invalid} and {@code slug_reserved}.
 *
 * <p>Fix: correct the request; retrying the same request gives the same answer, so the SDK never retries it.
 */
public sealed class BadRequestError extends ApiError
        permits InvalidRequestError, SlugInvalidError, SlugReservedError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error; the SDK does this for you, and tests can too (or use {@link ApiError#from(ErrorDetails)}).
     *
     * @param details the code, status, request id and the rest of the failure
     */
    public BadRequestError(ErrorDetails details) {
        super(details);
    }
}
