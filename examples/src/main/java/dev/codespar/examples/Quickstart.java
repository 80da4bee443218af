package dev.codespar.examples;

import dev.codespar.CodeSparClient;
import dev.codespar.EventStream;
import dev.codespar.SendResult;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.SessionConnections;
import dev.codespar.StreamEvent;
import dev.codespar.ToolCallRecord;
import dev.codespar.ToolResult;
import dev.codespar.errors.ApiError;
import dev.codespar.errors.CodeSparException;
import dev.codespar.errors.NeedsConnectionError;
import dev.codespar.errors.UnprocessableEntityError;
import dev.codespar.testkit.FakeCodeSpar;
import dev.codespar.testkit.RecordedCall;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The README's first command: a session, a Pix payment, a rate limit the SDK retries by itself, an agent reply
 * streamed as events, a tool that needs the user to connect a server, and the request id for a support ticket. Runs
 * against the real API when {@code CODESPAR_API_KEY} is set, else against an embedded {@link FakeCodeSpar}. With a
 * {@code csk_test_} key the session declares a mock for {@code codespar_pay} (test mode answers tools from mocks);
 * with a {@code csk_live_} key it only opens a session, reads its connections and closes it: a quickstart never moves
 * real money.
 *
 * <pre>
 * mvn -B -q -DskipTests -Pquickstart package
 * </pre>
 */
public final class Quickstart {

    private static final Map<String, Object> PIX_PAYMENT = Map.of("action", "pay", "amount", 1000, "currency", "BRL",
            "method", "pix", "description", "Order 42", "recipient", "ana@example.com");

    /** What the real API in test mode answers for {@code codespar_pay} (a session mock; the fake needs none). */
    private static final Map<String, Object> MOCK_PAYMENT = Map.of("id", "pay_quickstart", "status", "pending",
            "amount", 1000, "currency", "BRL", "method", "pix");

    private Quickstart() {}

    /**
     * Runs the quickstart and exits non-zero when a step fails.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        int status;
        try (ExampleClient example = ExampleSupport.client()) {
            status = run(example, System.out);
        } catch (CodeSparException e) {
            System.out.println("FAILED: " + e.getMessage());
            status = 1;
        }
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * The quickstart itself, printing its transcript.
     *
     * @param example the client (and the fake, when there is no key)
     * @param out where the transcript goes
     * @return 0 on success, 1 when a step failed
     */
    static int run(ExampleClient example, PrintStream out) {
        CodeSparClient client = example.client();
        Optional<FakeCodeSpar> fake = example.fake();
        out.println("CodeSpar quickstart against " + example.describe());
        if (example.isLive()) {
            out.println("A csk_live_ key: the quickstart only opens a session, reads its connections and closes it;"
                    + " it never moves real money. Use a csk_test_ key to see the rest.");
        }
        out.println();
        SessionConfig.Builder config = SessionConfig.builder().servers("asaas", ExampleSupport.UNCONNECTED_SERVER);
        if (fake.isEmpty() && !example.isLive()) {
            // the real API in test mode answers tools from the session's mocks (a tool without one: tool_not_mocked)
            config.mocks(Map.of("codespar_pay", MOCK_PAYMENT));
        }
        try (Session session = client.create("quickstart-user", config.build())) {
            out.printf("1. Session created      %s  servers=%s  status=%s%n", session.getId(), session.getServers(),
                    session.getStatus());
            if (example.isLive()) {
                SessionConnections connections = session.connections();
                out.printf("2. Connections          ready=%s  pending=%s%n", connections.isReady(),
                        connections.pendingServers());
                out.println();
                out.println("Session closed. Done.");
                return 0;
            }

            ToolResult paid = session.execute("codespar_pay", PIX_PAYMENT);
            if (!paid.success()) {
                out.println("2. Payment refused      codespar_pay: " + paid.error());
                return 1;
            }
            out.printf("2. Payment executed     codespar_pay -> %s %s via %s  tool_call_id=%s%n",
                    paid.data().path("id").asText(), paid.data().path("status").asText(), paid.server(),
                    paid.toolCallId());

            // Against the fake, the next payment is answered 429 once, as a busy API would.
            fake.ifPresent(f -> f.failNext("rate_limited").onTool("codespar_pay"));
            int before = fake.map(f -> f.journal().executions("codespar_pay").size()).orElse(0);
            ToolResult again = session.execute("codespar_pay", PIX_PAYMENT);
            if (fake.isPresent()) {
                List<RecordedCall> calls = fake.get().journal().executions("codespar_pay");
                List<RecordedCall> attempts = calls.subList(before, calls.size());
                out.printf("3. Rate limit retried   codespar_pay -> %s after %d attempts (the SDK honoured"
                        + " Retry-After by itself)%n", again.data().path("id").asText(), attempts.size());
                for (int i = 0; i < attempts.size(); i++) {
                    RecordedCall a = attempts.get(i);
                    out.printf("     attempt %d: %d %s  request_id=%s%n", i + 1, a.status(),
                            a.errorCode() == null ? "ok" : a.errorCode(), a.requestId());
                }
            } else {
                out.printf("3. Rate limits          codespar_pay -> %s (no 429 this time; the SDK retries 429, 502"
                        + " and 503 by itself)%n", again.data().path("id").asText());
            }

            // Against the fake, the agent calls the payment tool, then answers in text.
            fake.ifPresent(f -> f.onSend()
                    .callTool("codespar_pay", PIX_PAYMENT)
                    .reply("Charged R$10.00 via Pix to ana@example.com."));
            String message = "Charge R$10 via Pix to ana@example.com";
            out.printf("4. Streamed reply       sendStream(\"%s\")%n", message);
            try (EventStream<StreamEvent> events = session.sendStream(message)) {
                for (StreamEvent event : events) {
                    out.println("     " + describe(event));
                }
            }

            String ticketId = again.requestId();
            String ticketFrom = "the second payment";
            try {
                ToolResult quote = session.execute("codespar_ship", Map.of("action", "quote",
                        "origin", Map.of("postal_code", "01310-100"), "destination", Map.of("postal_code", "20040-002"),
                        "items", List.of(Map.of("weight_g", 500))));
                out.printf("5. Shipping quoted      codespar_ship via %s (already connected): %s%n", quote.server(),
                        quote.success() ? quote.data() : quote.error());
            } catch (NeedsConnectionError e) {
                out.printf("5. Needs connection     codespar_ship: %s. Send the user this link:%n",
                        e.getServerMessage());
                out.println("     " + e.getConnectUrl());
                ticketId = e.getRequestId();
                ticketFrom = "the needs_connection answer";
            } catch (UnprocessableEntityError e) {
                // e.g. tool_not_mocked from the real API in test mode: a typed error with its request id
                out.printf("5. Shipping refused     codespar_ship: %s (%s)%n", e.getCode(),
                        e.getClass().getSimpleName());
                ticketId = e.getRequestId();
                ticketFrom = "the refused shipping quote";
            }

            out.printf("6. Support ticket       quote request_id=%s (from %s)%n", ticketId, ticketFrom);
        } catch (ApiError e) {
            out.println("FAILED: " + e.getMessage());
            out.println(e.getRequestId() != null
                    ? "        quote request_id=" + e.getRequestId() + " in a support ticket"
                    : "        no request id: no answer came from the API (check the network and CODESPAR_BASE_URL)");
            return 1;
        }
        out.println();
        out.println("Session closed. Done.");
        return 0;
    }

    /** One transcript line per stream event. */
    static String describe(StreamEvent event) {
        if (event instanceof StreamEvent.Text) {
            return "assistant_text  " + ((StreamEvent.Text) event).content();
        }
        if (event instanceof StreamEvent.ToolUse) {
            StreamEvent.ToolUse use = (StreamEvent.ToolUse) event;
            return "tool_use        " + use.name() + " " + use.input();
        }
        if (event instanceof StreamEvent.ToolResultEvent) {
            ToolCallRecord call = ((StreamEvent.ToolResultEvent) event).toolCall();
            return "tool_result     " + call.toolName() + " -> " + call.status() + " in " + call.durationMs() + " ms";
        }
        if (event instanceof StreamEvent.Done) {
            SendResult result = ((StreamEvent.Done) event).result();
            return "done            " + result.iterations() + " iteration(s), " + result.toolCalls().size()
                    + " tool call(s)";
        }
        if (event instanceof StreamEvent.UserMessage) {
            return "user_message    " + ((StreamEvent.UserMessage) event).content();
        }
        return event.type();
    }
}
