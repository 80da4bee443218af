package dev.codespar.errors;

/**
 * Another active trigger of the project already subscribes the same URL to the same event
 * ({@code webhook_url_conflict}, HTTP 409). Only raised when creating a trigger.
 *
 * <p>Fix: use a different URL, or update the existing trigger instead of creating a duplicate.
 */
public final class WebhookUrlConflictError extends ConflictError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error; the SDK does this for you, and tests can too (or use {@link ApiError#from(ErrorDetails)}).
     *
     * @param details the code, status, request id and the rest of the failure
     */
    public WebhookUrlConflictError(ErrorDetails details) {
        super(details);
    }
}
