package dev.codespar.testkit;

import dev.codespar.testkit.internal.scenario.Scenario;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link FakeCodeSpar} as a process, for services in other languages and the official SDKs. It listens on
 * {@code localhost} (the only plain-http host the official clients accept), prints the environment a client needs,
 * and runs until it is stopped (Ctrl-C or a signal).
 *
 * <pre>
 * java -jar codespar-java-testkit-&lt;version&gt;-standalone.jar --port 0 --dialect hosted --scenario scenario.json
 * CODESPAR_BASE_URL=http://localhost:41873
 * CODESPAR_API_KEY=csk_test_fake_0123456789abcdef
 * FAKE_CODESPAR_DIALECT=hosted
 * FAKE_CODESPAR_READY=true
 * </pre>
 *
 * <p>Options: {@code --port <n>} (default 0: a free port), {@code --host <name>} (default {@code localhost}),
 * {@code --dialect hosted|runtime}, {@code --api-key <csk_...>}, {@code --scenario <file.json>} (settings and
 * programming; see docs/testkit.md in the repository), {@code --journal-limit <n>} (default 10 000). The control routes
 * ({@link FakeCodeSparBuilder#controlApi(boolean)}) are on, so the test can settle payments, approve consents or
 * reset the fake over HTTP. The same class runs from a class path:
 * {@code java -cp ... dev.codespar.testkit.FakeCodeSparMain}.
 */
public final class FakeCodeSparMain {

    private FakeCodeSparMain() {}

    /**
     * Starts the fake and waits until the process is stopped.
     *
     * @param args the options
     * @throws InterruptedException never, in practice: the wait ends with the process
     */
    public static void main(String[] args) throws InterruptedException {
        FakeCodeSpar fake;
        try {
            fake = start(args, new PrintStream(System.out, true, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            System.err.println("FakeCodeSpar: " + e.getMessage());
            System.err.println("usage: [--port <n>] [--host localhost] [--dialect hosted|runtime] [--api-key <key>]"
                    + " [--scenario <file.json>] [--journal-limit <n>]");
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fake.close();
            stopped.countDown();
        }, "FakeCodeSpar shutdown"));
        stopped.await();
    }

    /**
     * Starts a fake from command-line options and prints its environment lines.
     *
     * @param args the options
     * @param out where the environment lines go
     * @return the running fake; the caller closes it
     * @throws IllegalArgumentException for a bad option or scenario
     */
    public static FakeCodeSpar start(String[] args, PrintStream out) {
        FakeCodeSparBuilder builder = FakeCodeSpar.builder().host("localhost").journalLimit(10_000).controlApi(true);
        Scenario scenario = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--port":
                    builder.port(integer(option, value));
                    break;
                case "--host":
                    builder.host(value);
                    break;
                case "--dialect":
                    builder.dialect(Dialect.parse(value));
                    break;
                case "--api-key":
                    builder.apiKey(value);
                    break;
                case "--journal-limit":
                    builder.journalLimit(integer(option, value));
                    break;
                case "--scenario":
                    try {
                        scenario = Scenario.read(Path.of(value));
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read the scenario " + value, e);
                    }
                    scenario.settings(builder);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + option);
            }
        }
        FakeCodeSpar fake = builder.start();
        if (scenario != null) {
            fake.program(scenario);
        }
        // the process's whole interface: what a client needs, as environment lines a shell can export
        out.println("CODESPAR_BASE_URL=" + fake.baseUrl());
        out.println("CODESPAR_API_KEY=" + fake.apiKey());
        out.println("FAKE_CODESPAR_DIALECT=" + fake.dialect().name().toLowerCase(java.util.Locale.ROOT));
        out.println("FAKE_CODESPAR_READY=true");
        return fake;
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got " + value);
        }
    }
}
