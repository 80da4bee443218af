package dev.codespar.examples;

import dev.codespar.CodeSparClient;
import dev.codespar.testkit.FakeCodeSpar;
import java.util.Objects;
import java.util.Optional;

/**
 * The client an example runs with, what kind of server is behind it, and the embedded fake API when there is no
 * API key. Closing it closes both.
 */
public final class ExampleClient implements AutoCloseable {

    /** What the server behind the client does with a tool call, which decides how an example goes about its job. */
    public enum Mode {
        /**
         * The server runs the tools: the embedded fake, whose world the examples program (a rate limit, a pending
         * connection, an agent's script).
         */
        RUNS_TOOLS,
        /**
         * A test-mode server ({@code csk_test_} key, or the open-source runtime with its test mode on): it answers
         * tools only from the mocks a session declares, so the examples declare the mocks their flow needs.
         */
        MOCKS_ONLY,
        /** A {@code csk_live_} key: the examples never move money with it. */
        LIVE
    }

    private final CodeSparClient client;
    private final FakeCodeSpar fake;
    private final Mode mode;
    private final String description;

    /**
     * A client and what is behind it.
     *
     * @param client the SDK client
     * @param fake the embedded fake to close with the client, or {@code null}
     * @param mode what the server does with a tool call
     * @param description what the client talks to, for the example's first line
     */
    ExampleClient(CodeSparClient client, FakeCodeSpar fake, Mode mode, String description) {
        this.client = Objects.requireNonNull(client, "client");
        this.fake = fake;
        this.mode = Objects.requireNonNull(mode, "mode");
        this.description = Objects.requireNonNull(description, "description");
    }

    /**
     * Whether the client uses a production key ({@code csk_live_}): examples then never move money.
     *
     * @return {@code true} for a live key
     */
    public boolean isLive() {
        return mode == Mode.LIVE;
    }

    /**
     * Whether the server answers tools only from the session's mocks (test mode), so an example must declare them.
     *
     * @return {@code true} in test mode
     */
    public boolean answersFromMocks() {
        return mode == Mode.MOCKS_ONLY;
    }

    /**
     * What the server does with a tool call.
     *
     * @return the mode
     */
    public Mode mode() {
        return mode;
    }

    /**
     * The SDK client.
     *
     * @return the client
     */
    public CodeSparClient client() {
        return client;
    }

    /**
     * The embedded fake whose world the example programs: present only when it runs the tools
     * ({@link Mode#RUNS_TOOLS}). A test-mode fake stands in for a real server and is not programmed.
     *
     * @return the fake, or empty against any other server
     */
    public Optional<FakeCodeSpar> fake() {
        return mode == Mode.RUNS_TOOLS ? Optional.ofNullable(fake) : Optional.empty();
    }

    /** The embedded fake of any mode, for tests that read its journal. */
    Optional<FakeCodeSpar> embeddedFake() {
        return Optional.ofNullable(fake);
    }

    /**
     * One line saying what the example talks to.
     *
     * @return e.g. {@code the real CodeSpar API at https://api.codespar.dev}
     */
    public String describe() {
        return description;
    }

    /** Closes the client, then the embedded fake. */
    @Override
    public void close() {
        try {
            client.close();
        } finally {
            if (fake != null) {
                fake.close();
            }
        }
    }
}
