package dev.codespar.testkit.internal.wire;

/** Thrown inside a handler to answer at once with an error (or any answer). */
public final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The answer to send. */
    public final transient Answer answer;

    /**
     * A refusal.
     *
     * @param answer the answer to send
     */
    public Refusal(Answer answer) {
        super(null, null, false, false);
        this.answer = answer;
    }
}
