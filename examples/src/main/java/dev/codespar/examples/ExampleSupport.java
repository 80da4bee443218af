package dev.codespar.examples;

import dev.codespar.CodeSparClient;
import dev.codespar.errors.ApiError;
import dev.codespar.errors.CodeSparException;
import dev.codespar.errors.StreamError;
import dev.codespar.mandate.DidResolutionException;
import dev.codespar.testkit.Dialect;
import dev.codespar.testkit.FakeCodeSpar;
import dev.codespar.testkit.FakeCodeSparBuilder;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/** What every example shares: how it gets a client, and how it ends (exit status, request id of a failure). */
public final class ExampleSupport {

    /** The server the embedded fake leaves unconnected, as for a new user who has not done its OAuth yet. */
    static final String UNCONNECTED_SERVER = "melhor-envio";

    /**
     * Without a key, which embedded fake to run: unset (or {@code world}) for the fake that runs the tools,
     * {@code hosted-test} for the hosted API in test mode, {@code runtime-test} for the open-source runtime in test
     * mode without the platform's meta-tools.
     */
    static final String FAKE_VARIABLE = "CODESPAR_EXAMPLES_FAKE";

    private ExampleSupport() {}

    /** The body of an example: does its job and answers its exit status (0 when it reached its end). */
    @FunctionalInterface
    interface Body {
        int run(ExampleClient example, PrintStream out);
    }

    /**
     * A client for the examples. With {@code CODESPAR_API_KEY} set: configured from it (and
     * {@code CODESPAR_BASE_URL}, when set) against that server. Without it: against an embedded
     * {@link FakeCodeSpar} started in this JVM, so the examples run anywhere without a key. In that fake world the
     * shipping server {@value #UNCONNECTED_SERVER} (OAuth) is not connected yet, a pending connection comes up after
     * the session's connections were polled twice, and payments settle one second after they are made.
     * {@code CODESPAR_EXAMPLES_FAKE=hosted-test} or {@code runtime-test} starts instead a fake of a test-mode server
     * (the hosted API, or the open-source runtime), which answers tools from a session's mocks alone.
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
        if (key != null && !key.isBlank()) {
            CodeSparClient client = CodeSparClient.builder().apiKey(key).build();
            boolean live = key.strip().startsWith("csk_live_");
            return new ExampleClient(client, null, live ? ExampleClient.Mode.LIVE : ExampleClient.Mode.MOCKS_ONLY,
                    "the server at " + client.getBaseUrl() + " (CODESPAR_API_KEY is set"
                            + (live ? ", a csk_live_ key)" : ", a test key: test mode)"));
        }
        String kind = env.apply(FAKE_VARIABLE);
        kind = kind == null || kind.isBlank() ? "world" : kind.strip().toLowerCase(Locale.ROOT);
        switch (kind) {
            case "world":
                return embedded(FakeCodeSpar.builder().dialect(Dialect.HOSTED)
                        .requireConnection(UNCONNECTED_SERVER)
                        .connectAfterPolls(2)
                        .autoSettle(Duration.ofSeconds(1)), ExampleClient.Mode.RUNS_TOOLS, "");
            case "hosted-test":
                return embedded(FakeCodeSpar.builder().dialect(Dialect.HOSTED).strictTestMode(true),
                        ExampleClient.Mode.MOCKS_ONLY, " speaking like the hosted API in test mode");
            case "runtime-test":
                return embedded(FakeCodeSpar.builder().dialect(Dialect.RUNTIME).runtimeTestMode(true)
                                .runtimeMetaTools(false), ExampleClient.Mode.MOCKS_ONLY,
                        " speaking like the open-source runtime in test mode, without meta-tools");
            default:
                throw new IllegalArgumentException(FAKE_VARIABLE + " is world, hosted-test or runtime-test, not "
                        + kind);
        }
    }

    private static ExampleClient embedded(FakeCodeSparBuilder builder, ExampleClient.Mode mode,
            String speaking) {
        FakeCodeSpar fake = builder.start();
        try {
            return new ExampleClient(fake.client(), fake, mode, "an embedded FakeCodeSpar" + speaking + " at "
                    + fake.baseUrl() + " (CODESPAR_API_KEY is not set)");
        } catch (RuntimeException e) {
            fake.close();
            throw e;
        }
    }

    /**
     * Runs an example with the client the environment gives, and answers its exit status.
     *
     * @param env the environment
     * @param movesMoney whether a live key is refused
     * @param title the example's name, for its first line
     * @param body the example
     * @param out where its transcript goes
     * @return 0 when it reached its end, 1 when a call failed, 2 when it could not start
     */
    static int run(Function<String, String> env, boolean movesMoney, String title, Body body, PrintStream out) {
        ExampleClient example;
        try {
            example = movesMoney ? testClient(env) : client(env);
        } catch (IllegalStateException | IllegalArgumentException e) {
            out.println("NOT STARTED: " + e.getMessage());
            return 2;
        } catch (CodeSparException e) {
            return failed(e, out);
        }
        try (example) {
            return run(example, title, body, out);
        }
    }

    /**
     * Runs an example with a client already made (which the caller closes): its first line says what it talks to,
     * and a failed call ends it with status 1 and the request id to quote.
     *
     * @param example the client
     * @param title the example's name
     * @param body the example
     * @param out where its transcript goes
     * @return the example's status, or 1 when a call failed
     */
    static int run(ExampleClient example, String title, Body body, PrintStream out) {
        out.println(title + " against " + example.describe());
        if (example.answersFromMocks()) {
            out.println("Test mode: this server answers tools only from the mocks a session declares; the example"
                    + " declares the ones its flow needs.");
        }
        try {
            return body.run(example, out);
        } catch (CodeSparException e) {
            return failed(e, out);
        } catch (DidResolutionException e) {
            out.println("FAILED: " + e.getMessage());
            out.println(e.getRequestId().map(id -> "        quote request_id=" + id + " in a support ticket")
                    .orElse("        no request id: the server sent none"));
            return 1;
        }
    }

    /**
     * Reports a failed call: its message and the request id for a support ticket, or why there is none.
     *
     * @param e the failure
     * @param out where to report
     * @return 1, the exit status of a failed example
     */
    static int failed(CodeSparException e, PrintStream out) {
        out.println("FAILED: " + e.getMessage());
        String requestId = e instanceof ApiError ? ((ApiError) e).getRequestId()
                : e instanceof StreamError ? ((StreamError) e).getRequestId() : null;
        if (requestId != null) {
            out.println("        quote request_id=" + requestId + " in a support ticket");
        } else if (e instanceof ApiError && ((ApiError) e).getStatus() == 0) {
            out.println("        no request id: no answer came from the server (check the network and"
                    + " CODESPAR_BASE_URL)");
        } else if (e instanceof ApiError) {
            out.println("        no request id: the server answered " + ((ApiError) e).getStatus()
                    + " without one (the open-source runtime sends none)");
        }
        if (e instanceof ApiError && "mocks_not_permitted".equals(((ApiError) e).getCode())) {
            out.println("        this server runs tools for real (its test mode is off): the example declares mocks"
                    + " and stops here rather than move money");
        }
        return 1;
    }

    /**
     * Ends the JVM with the example's status when it is not 0 (a failed example fails the Maven build).
     *
     * @param status the exit status
     */
    static void exit(int status) {
        if (status != 0) {
            System.exit(status);
        }
    }
}
