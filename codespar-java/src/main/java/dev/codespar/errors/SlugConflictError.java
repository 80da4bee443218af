package dev.codespar.errors;

/**
 * Another project of the organisation already uses this slug ({@code slug_conflict}, HTTP 409; some servers
 * answer it with 400, and it is this class either way).
 *
 * <p>Fix: pick a unique slug, or update the existing project.
 */
public final class SlugConflictError extends ConflictError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error; the SDK does this for you, and tests can too (or use {@link ApiError#from(ErrorDetails)}).
     *
     * @param details the code, status, request id and the rest of the failure
     */
    public SlugConflictError(ErrorDetails details) {
        super(details);
    }
}
