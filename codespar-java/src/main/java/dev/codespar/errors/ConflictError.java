package dev.codespar.errors;

/**
 * The request conflicts with the current state of a resource (HTTP 409), e.g. {@code cannot_delete_default}
 * when deleting an organisation's default project. Subclasses cover {@code slug_conflict} and
 * {@code webhook_url_conflict}.
 *
 * <p>Fix: read the current state and change the request; never retried.
 */
public sealed class ConflictError extends ApiError
        permits SlugConflictError, WebhookUrlConflictError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error; the SDK does this for you, and tests can too (or use {@link ApiError#from(ErrorDetails)}).
     *
     * @param details the code, status, request id and the rest of the failure
     */
    public ConflictError(ErrorDetails details) {
        super(details);
    }
}
