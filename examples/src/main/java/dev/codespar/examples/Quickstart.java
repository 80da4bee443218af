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
 * against the server {@code CODESPAR_API_KEY} (and {@code CODESPAR_BASE_URL}) point at, else against an embedded
 * {@link FakeCodeSpar}. With a {@code csk_test_} key the server is in test mode and answers tools only from the
 * session's mocks, so the session declares them: {@code codespar_pay} for the hosted API, and
 * {@code asaas/create_payment} for the open-source runtime, which does not register the meta-tools and mocks only
 * {@code server/tool} calls (the quickstart then pays through that tool and says so). With a {@code csk_live_} key it
 * only opens a session, reads its connections and closes it: a quickstart never moves real money. A failed call
 * ends it with status 1 and the request id to quote.
 *
 * <pre>
 * mvn -B -q -DskipTests -Pquickstart package
 * </pre>
 */
public final class Quickstart {

    static final Map<String, Object> PIX_PAYMENT = Map.of("action", "pay", "amount", 1000, "currency", "BRL",
            "method", "pix", "description", "Order 42", "recipient", "ana@example.com");

    private Quickstart() {}

    /**
     * Runs the quickstart and exits non-zero when a step fails.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        ExampleSupport.exit(ExampleSupport.run(System::getenv, false, "CodeSpar quickstart", Quickstart::run,
                System.out));
    }

    /**
     * The quickstart itself, printing its transcript (a failed call escapes, for the caller to report with its
     * request id).
     *
     * @param example the client (and the fake, when there is no key)
     * @param out where the transcript goes
     * @return 0 on success, 1 when a payment was refused
     */
    static int run(ExampleClient example, PrintStream out) {
        CodeSparClient client = example.client();
        Optional<FakeCodeSpar> fake = example.fake();
        if (example.isLive()) {
            out.println("A csk_live_ key: the quickstart only opens a session, reads its connections and closes it;"
                    + " it never moves real money. Use a csk_test_ key to see the rest.");
        }
        out.println();
        SessionConfig.Builder config = SessionConfig.builder().servers("asaas", ExampleSupport.UNCONNECTED_SERVER);
        if (example.answersFromMocks()) {
            // codespar_pay for the hosted API; asaas/create_payment for a runtime that mocks only server/tool calls
            config.mocks(TestMode.mocks("codespar_pay", TestMode.PIX_TOOL));
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

            String payTool = "codespar_pay";
            Map<String, Object> payInput = PIX_PAYMENT;
            ToolResult paid = session.execute(payTool, payInput);
            if (example.answersFromMocks() && TestMode.notRegistered(paid)) {
                out.println("2. Meta-tool missing    codespar_pay is not registered on this server");
                paid = TestMode.payThroughProvider(session, paid, payTool, out);
                payTool = TestMode.PIX_TOOL;
                payInput = TestMode.PIX_INPUT;
            }
            if (!paid.success()) {
                out.println("2. Payment refused      " + payTool + ": " + paid.error());
                return 1;
            }
            out.printf("2. Payment executed     %s -> %s %s via %s  tool_call_id=%s%s%n", payTool,
                    paid.data().path("id").asText(), paid.data().path("status").asText(), paid.server(),
                    paid.toolCallId(), TestMode.mockNote(paid));

            // Against the fake, the next payment is answered 429 once, as a busy API would.
            String limitedTool = payTool;
            fake.ifPresent(f -> f.failNext("rate_limited").onTool(limitedTool));
            int before = fake.map(f -> f.journal().executions(limitedTool).size()).orElse(0);
            ToolResult again = session.execute(payTool, payInput);
            if (!again.success()) {
                out.println("3. Payment refused      " + payTool + ": " + again.error());
                return 1;
            }
            if (fake.isPresent()) {
                List<RecordedCall> calls = fake.get().journal().executions(payTool);
                List<RecordedCall> attempts = calls.subList(before, calls.size());
                out.printf("3. Rate limit retried   %s -> %s after %d attempts (the SDK honoured"
                        + " Retry-After by itself)%n", payTool, again.data().path("id").asText(), attempts.size());
                for (int i = 0; i < attempts.size(); i++) {
                    RecordedCall a = attempts.get(i);
                    out.printf("     attempt %d: %d %s  request_id=%s%n", i + 1, a.status(),
                            a.errorCode() == null ? "ok" : a.errorCode(), a.requestId());
                }
            } else {
                out.printf("3. Rate limits          %s -> %s (no 429 this time; the SDK retries 429, 502"
                        + " and 503 by itself)%n", payTool, again.data().path("id").asText());
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
                if (example.answersFromMocks() && TestMode.notRegistered(quote)) {
                    out.printf("5. Meta-tool missing    codespar_ship: \"%s\": this test-mode server has no"
                            + " shipping tool and no connection to ask for (the hosted API answers needs_connection"
                            + " here, with a connect link)%n", quote.error());
                    ticketId = quote.requestId();
                    ticketFrom = "the shipping quote";
                } else {
                    out.printf("5. Shipping quoted      codespar_ship via %s (already connected): %s%n",
                            quote.server(), quote.success() ? quote.data() : quote.error());
                }
            } catch (NeedsConnectionError e) {
                out.printf("5. Needs connection     codespar_ship: %s. Send the user this link:%n",
                        e.getServerMessage());
                out.println("     " + e.getConnectUrl());
                ticketId = e.getRequestId();
                ticketFrom = "the needs_connection answer";
            } catch (UnprocessableEntityError e) {
                if (!example.answersFromMocks()) {
                    throw e;
                }
                // tool_not_mocked: the session declared no mock for it, a typed error with its request id
                out.printf("5. Shipping refused     codespar_ship: %s (%s): the server is in test mode and the"
                        + " session has no mock for it%n", e.getCode(), e.getClass().getSimpleName());
                ticketId = e.getRequestId();
                ticketFrom = "the refused shipping quote";
            }

            if (ticketId != null) {
                out.printf("6. Support ticket       quote request_id=%s (from %s)%n", ticketId, ticketFrom);
            } else {
                out.printf("6. Support ticket       no request id from this server (the open-source runtime sends"
                        + " none): quote the session id %s%n", session.getId());
            }
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
