package dev.codespar.examples;

import dev.codespar.CodeSparClient;
import dev.codespar.testkit.FakeCodeSpar;
import java.time.Duration;
import java.util.function.Function;

/** What every example shares: how it gets a client. */
public final class ExampleSupport {

    /** The server the embedded fake leaves unconnected, as for a new user who has not done its OAuth yet. */
    static final String UNCONNECTED_SERVER = "melhor-envio";

    private ExampleSupport() {}

    /**
     * A client for the examples. With {@code CODESPAR_API_KEY} set: configured from it (and
     * {@code CODESPAR_BASE_URL}, when set) against the real API. Without it: against an embedded
     * {@link FakeCodeSpar} started in this JVM, so the examples run anywhere without a key. In that fake world the
     * shipping server {@value #UNCONNECTED_SERVER} (OAuth) is not connected yet, a pending connection comes up after
     * the session's connections were polled twice, and payments settle one second after they are made.
     *
     * <pre>{@code
     * try (ExampleClient example = ExampleSupport.client()) {
     *     Session session = example.client().create("user_123", SessionConfig.builder().servers("asaas").build());
     * }
     * }</pre>
     *
     * @return the client and, without a key, its fake; the caller closes it (which closes both)
     */
    public static ExampleClient client() {
        return client(System::getenv);
    }

    /**
     * Like {@link #client()}, for the examples that move money: a {@code csk_live_} key is refused, so that running
     * an example never pays anyone for real.
     *
     * @return the client and, without a key, its fake
     * @throws IllegalStateException with a live key
     */
    public static ExampleClient testClient() {
        return testClient(System::getenv);
    }

    static ExampleClient testClient(Function<String, String> env) {
        ExampleClient example = client(env);
        if (example.isLive()) {
            example.close();
            throw new IllegalStateException("this example moves money: run it with a csk_test_ key (or none, for the"
                    + " embedded fake), never with a csk_live_ key");
        }
        return example;
    }

    static ExampleClient client(Function<String, String> env) {
        String key = env.apply("CODESPAR_API_KEY");
        if (key == null || key.isBlank()) {
            FakeCodeSpar fake = FakeCodeSpar.builder()
                    .requireConnection(UNCONNECTED_SERVER)
                    .connectAfterPolls(2)
                    .autoSettle(Duration.ofSeconds(1))
                    .start();
            try {
                return new ExampleClient(fake.client(), fake, false);
            } catch (RuntimeException e) {
                fake.close();
                throw e;
            }
        }
        return new ExampleClient(CodeSparClient.builder().apiKey(key).build(), null,
                key.strip().startsWith("csk_live_"));
    }
}
