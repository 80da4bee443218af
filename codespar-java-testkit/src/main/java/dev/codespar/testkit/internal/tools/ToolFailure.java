package dev.codespar.testkit.internal.tools;

/** A tool-level failure: HTTP 200 with {@code success:false} and this {@code error}. */
public final class ToolFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure.
     *
     * @param error the result's {@code error}, e.g. {@code no_eligible_providers}
     */
    public ToolFailure(String error) {
        super(error, null, false, false);
    }
}
