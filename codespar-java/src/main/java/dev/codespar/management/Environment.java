package dev.codespar.management;

/**
 * Whether a project (or an API key) is for production or for tests. A test project takes {@code csk_test_} keys and
 * accepts session mocks; a live one takes {@code csk_live_} keys.
 */
public enum Environment {
    /** Production: real providers, real money. Wire value {@code live}. */
    LIVE("live"),
    /** Test mode: {@code csk_test_} keys, mocks allowed. Wire value {@code test}. */
    TEST("test"),
    /** A value this SDK version does not know, or none; never sent. */
    UNKNOWN(null);

    private final String wireValue;

    Environment(String wireValue) {
        this.wireValue = wireValue;
    }

    /**
     * The value on the wire.
     *
     * @return {@code live} or {@code test}; {@code null} for {@link #UNKNOWN}
     */
    public String wireValue() {
        return wireValue;
    }
}
