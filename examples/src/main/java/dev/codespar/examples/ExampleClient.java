package dev.codespar.examples;

import dev.codespar.CodeSparClient;
import dev.codespar.testkit.FakeCodeSpar;
import java.util.Optional;

/**
 * The client an example runs with, and the embedded fake API behind it when there is no API key. Closing it closes
 * both.
 */
public final class ExampleClient implements AutoCloseable {

    private final CodeSparClient client;
    private final FakeCodeSpar fake;
    private final boolean liveKey;

    ExampleClient(CodeSparClient client, FakeCodeSpar fake, boolean liveKey) {
        this.client = client;
        this.fake = fake;
        this.liveKey = liveKey;
    }

    /**
     * Whether the client uses a production key ({@code csk_live_}): examples then never move money.
     *
     * @return {@code true} for a live key
     */
    public boolean isLive() {
        return liveKey;
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
     * The embedded fake, when the example runs without {@code CODESPAR_API_KEY}.
     *
     * @return the fake, or empty against the real API
     */
    public Optional<FakeCodeSpar> fake() {
        return Optional.ofNullable(fake);
    }

    /**
     * One line saying what the example talks to.
     *
     * @return e.g. {@code the real CodeSpar API at https://api.codespar.dev}
     */
    public String describe() {
        return fake != null
                ? "an embedded FakeCodeSpar at " + fake.baseUrl() + " (CODESPAR_API_KEY is not set)"
                : "the real CodeSpar API at " + client.getBaseUrl();
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
