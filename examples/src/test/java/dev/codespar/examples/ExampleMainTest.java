package dev.codespar.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Each example's {@code main} in a JVM of its own, as {@code -Pquickstart} runs it: the exit status a shell or Maven
 * sees, with only the environment a user sets.
 */
class ExampleMainTest {

    private record Exit(int status, String out) {}

    private static Exit main(String example, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.codespar.examples." + example)
                .redirectErrorStream(true);
        // only what the test sets: no key, base URL or fake choice leaks in from the machine running the build
        pb.environment().keySet().removeIf(name -> name.startsWith("CODESPAR_"));
        pb.environment().putAll(env);
        Process process = pb.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(example + " ended").isTrue();
        return new Exit(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Quickstart", "ConnectAndRetryExample", "PixPaymentExample", "PayWithRateLimitExample",
            "SupportTicketExample", "StreamAgentReplyExample", "MandateSpendExample"})
    void everyExampleExitsZeroAgainstTheRuntimeInTestMode(String example) throws Exception {
        Exit exit = main(example, Map.of(ExampleSupport.FAKE_VARIABLE, "runtime-test"));

        assertThat(exit.status()).as(exit.out()).isZero();
        assertThat(exit.out()).contains(" against an embedded FakeCodeSpar speaking like the open-source runtime in"
                + " test mode, without meta-tools at http://127.0.0.1:")
                .contains("Test mode: this server answers tools only from the mocks a session declares")
                .doesNotContain("FAILED").doesNotContain("Exception");
    }

    @Test
    void anUnreachableServerExitsOneAndSaysNoAnswerCame() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Exit exit = main("Quickstart", Map.of("CODESPAR_API_KEY", "csk_test_unreachable_0000000001",
                "CODESPAR_BASE_URL", "http://127.0.0.1:" + port, "CODESPAR_MAX_RETRIES", "0"));

        assertThat(exit.status()).as(exit.out()).isEqualTo(1);
        assertThat(exit.out()).contains("CodeSpar quickstart against the server at http://127.0.0.1:" + port)
                .contains("FAILED: ")
                .contains("        no request id: no answer came from the server (check the network and"
                        + " CODESPAR_BASE_URL)")
                .doesNotContain("csk_test_unreachable_0000000001").doesNotContain("Session closed");
    }

    @Test
    void aMoneyMovingExampleRefusesALiveKeyWithStatusTwo() throws Exception {
        Exit exit = main("PixPaymentExample", Map.of("CODESPAR_API_KEY", "csk_live_never_pay_000000000001"));

        assertThat(exit.status()).isEqualTo(2);
        assertThat(List.of(exit.out().split("\n"))).contains("NOT STARTED: this example moves money: run it with a"
                + " csk_test_ key (or none, for the embedded fake), never with a csk_live_ key");
    }
}
