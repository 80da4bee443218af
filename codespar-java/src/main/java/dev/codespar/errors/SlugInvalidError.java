package dev.codespar.errors;

/**
 * A project slug is empty, longer than 64 characters, or contains a character outside lowercase letters,
 * digits, {@code _} and {@code -} ({@code slug_invalid}, HTTP 400). Only raised when creating or updating a project.
 *
 * <p>The SDK checks these rules before the network, so it usually comes with {@link #getAttempts()} 0 and no
 * request id.
 *
 * <p>Fix: use a slug of 1 to 64 characters from {@code [a-z0-9_-]}.
 */
public final class SlugInvalidError extends BadRequestError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error; the SDK does this for you, and tests can too (or use {@link ApiError#from(ErrorDetails)}).
     *
     * @param details the code, status, request id and the rest of the failure
     */
    public SlugInvalidError(ErrorDetails details) {
        super(details);
    }
}
