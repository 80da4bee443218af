package dev.codespar.testkit.internal.tools;

/**
 * An input that does not fit a tool's definition: the hosted API answers HTTP 400 {@code invalid_request} for the
 * transactional tools, a failed result for the others and on the runtime.
 */
public final class ToolInputError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An input error.
     *
     * @param message what is wrong, e.g. {@code Missing required field: amount}
     */
    public ToolInputError(String message) {
        super(message, null, false, false);
    }
}
