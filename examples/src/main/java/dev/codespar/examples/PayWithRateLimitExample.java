package dev.codespar.examples;

import dev.codespar.PaymentStatusResult;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.ToolResult;
import dev.codespar.errors.RateLimitedError;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * Pay a recipient via Pix and cope with rate limiting.
 *
 * <p>The SDK already retries a 429 (up to {@code maxRetries}) and sleeps through short {@code Retry-After} waits.
 * When {@link RateLimitedError} still escapes, the server asked for a longer wait than {@code maxRetryWait}, or the
 * retries ran out: {@code getRetryAfter()} says when to try again. A 429 is always safe to send again: the server
 * did not do the work.
 */
public final class PayWithRateLimitExample {

    private PayWithRateLimitExample() {}

    /**
     * Runs the example.
     *
     * @param example the client and what kind of server is behind it
     * @param out where to report
     * @return 0 when the payment was accepted, 1 when it was refused
     */
    public static int run(ExampleClient example, PrintStream out) {
        // without a key, the fake answers 429 three times: the SDK retries twice by itself, then the example waits
        example.fake().ifPresent(fake -> fake.failTimes(3, "rate_limited").onTool("codespar_pay")
                .retryAfter(Duration.ofSeconds(1)));
        SessionConfig.Builder config = SessionConfig.builder().servers("asaas");
        if (example.answersFromMocks()) {
            config.mocks(TestMode.mocks("codespar_pay", TestMode.PIX_TOOL));
        }
        try (Session session = example.client().create("user_123", config.build())) {
            Map<String, Object> pix = Map.of("action", "pay", "amount", 1000, "currency", "BRL", "method", "pix",
                    "description", "Order 42", "recipient", "ana@example.com");
            ToolResult result = payOnceMore(session, "codespar_pay", pix, out);
            if (example.answersFromMocks() && TestMode.notRegistered(result)) {
                out.println("codespar_pay is not registered on this server");
                TestMode.explainMissing(result, "codespar_pay", out);
                result = payOnceMore(session, TestMode.PIX_TOOL, TestMode.PIX_INPUT, out);
            }
            if (!result.success()) {
                out.println("payment refused: " + result.error() + " (code " + result.code() + ")");
                return 1;
            }
            out.println("payment " + result.data().path("id").asText() + " accepted, tool call "
                    + result.toolCallId() + TestMode.mockNote(result));
            if (example.answersFromMocks()) {
                out.println("(test mode: no rate limit came, and a mocked payment never settles; against a live"
                        + " project session.toolCalls().paymentStatus(toolCallId) reads its settlement)");
                return 0;
            }
            PaymentStatusResult status = session.toolCalls().paymentStatus(result.toolCallId());
            out.println("settlement so far: " + status.paymentStatus());
        }
        return 0;
    }

    private static ToolResult payOnceMore(Session session, String tool, Map<String, Object> input,
            PrintStream out) {
        try {
            return session.execute(tool, input);
        } catch (RateLimitedError e) {
            Duration wait = e.getRetryAfter().orElse(Duration.ofSeconds(30));
            out.println("rate limited after " + e.getAttempts() + " attempts; trying again in " + wait.toMillis()
                    + " ms (request_id=" + e.getRequestId() + ")");
            // a real service would put the payment back on its queue with this delay instead of blocking a thread
            sleep(wait);
            return session.execute(tool, input);
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    /**
     * Runs the example against the API configured by {@link ExampleSupport#testClient()}.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        ExampleSupport.exit(ExampleSupport.run(System::getenv, true, "PayWithRateLimitExample",
                PayWithRateLimitExample::run, System.out));
    }
}
