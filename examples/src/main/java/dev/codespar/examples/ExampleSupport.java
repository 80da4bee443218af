package dev.codespar.examples;

import dev.codespar.CodeSparClient;

/** What every example shares: how it gets a client. */
public final class ExampleSupport {

    private ExampleSupport() {}

    /**
     * A client for the examples: configured from {@code CODESPAR_API_KEY} (and {@code CODESPAR_BASE_URL}, when
     * set) against the real API.
     *
     * @return the client; the caller closes it
     */
    public static CodeSparClient client() {
        return CodeSparClient.builder().build();
    }
}
