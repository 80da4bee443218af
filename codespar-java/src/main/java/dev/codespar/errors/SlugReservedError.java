package dev.codespar.errors;

/**
 * The project slug {@code default} is reserved for the project every organisation gets automatically
 * ({@code slug_reserved}, HTTP 400). Checked by the SDK before the network.
 *
 * <p>Fix: choose another slug.
 */
public final class SlugReservedError extends BadRequestError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error; the SDK does this for you, and tests can too (or use {@link ApiError#from(ErrorDetails)}).
     *
     * @param details the code, status, request id and the rest of the failure
     */
    public SlugReservedError(ErrorDetails details) {
        super(details);
    }
}
