package dev.codespar.examples;

import dev.codespar.CodeSparClient;
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
     * @param client the client
     * @param out where to report
     */
    public static void run(CodeSparClient client, PrintStream out) {
        try (Session session = client.create("user_123", SessionConfig.builder().servers("asaas").build())) {
            Map<String, Object> pix = Map.of("action", "pay", "amount", 1000, "currency", "BRL", "method", "pix",
                    "description", "Order 42", "recipient", "ana@example.com");
            ToolResult result = payOnceMore(session, pix, out);
            if (!result.success()) {
                out.println("payment refused: " + result.error() + " (code " + result.code() + ")");
                return;
            }
            out.println("payment " + result.data().path("id").asText() + " accepted, tool call "
                    + result.toolCallId());
            PaymentStatusResult status = session.toolCalls().paymentStatus(result.toolCallId());
            out.println("settlement so far: " + status.paymentStatus());
        }
    }

    private static ToolResult payOnceMore(Session session, Map<String, Object> input, PrintStream out) {
        try {
            return session.execute("codespar_pay", input);
        } catch (RateLimitedError e) {
            Duration wait = e.getRetryAfter().orElse(Duration.ofSeconds(30));
            out.println("rate limited after " + e.getAttempts() + " attempts; trying again in " + wait.toMillis()
                    + " ms (request_id=" + e.getRequestId() + ")");
            // a real service would put the payment back on its queue with this delay instead of blocking a thread
            sleep(wait);
            return session.execute("codespar_pay", input);
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
        try (ExampleClient example = ExampleSupport.testClient()) {
            // without a key, the fake answers 429 three times: the SDK retries twice by itself, then the example waits
            example.fake().ifPresent(fake -> fake.failTimes(3, "rate_limited").onTool("codespar_pay")
                    .retryAfter(Duration.ofSeconds(1)));
            run(example.client(), System.out);
        }
    }
}
