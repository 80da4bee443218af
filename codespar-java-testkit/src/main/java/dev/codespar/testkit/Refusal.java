package dev.codespar.testkit;

/** Thrown inside a handler to answer at once with an error (or any answer). */
final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final transient Answer answer;

    Refusal(Answer answer) {
        super(null, null, false, false);
        this.answer = answer;
    }
}
