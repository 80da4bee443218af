package dev.codespar.examples;

import dev.codespar.EventStream;
import dev.codespar.Preset;
import dev.codespar.SendResult;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.StreamEvent;
import dev.codespar.ToolCallRecord;
import dev.codespar.errors.StreamError;
import java.io.PrintStream;

/**
 * Stream an agent's reply as it is produced: text as it comes, each tool call, then the final result. Then ask a
 * follow-up question without streaming.
 */
public final class StreamAgentReplyExample {

    private StreamAgentReplyExample() {}

    /**
     * Runs the example.
     *
     * @param example the client and what kind of server is behind it
     * @param out where the reply goes
     * @return 0 when both replies came, 1 when the stream broke
     */
    public static int run(ExampleClient example, PrintStream out) {
        // without a key, the fake's agent calls the payment tool, then answers
        example.fake().ifPresent(fake -> fake.onSend()
                .callTool("codespar_pay", Quickstart.PIX_PAYMENT)
                .reply("Charged R$10.00 via Pix; the receipt is on its way."));
        SessionConfig.Builder config = SessionConfig.builder().preset(Preset.BRAZILIAN);
        if (example.answersFromMocks()) {
            // the agent's own tool calls are answered from these too (a call without one: tool_not_mocked)
            config.mocks(TestMode.mocks("codespar_pay", TestMode.PIX_TOOL));
        }
        try (Session session = example.client().create("user_123", config.build())) {
            try (EventStream<StreamEvent> events =
                    session.sendStream("Charge R$10 from ana@example.com via Pix and send her the receipt")) {
                for (StreamEvent event : events) {
                    if (event instanceof StreamEvent.Text) {
                        out.print(((StreamEvent.Text) event).content());
                    } else if (event instanceof StreamEvent.ToolUse) {
                        out.println("\n[calling " + ((StreamEvent.ToolUse) event).name() + "]");
                    } else if (event instanceof StreamEvent.ToolResultEvent) {
                        ToolCallRecord call = ((StreamEvent.ToolResultEvent) event).toolCall();
                        out.println("[" + call.toolName() + ": " + call.status()
                                + (call.errorCode() == null ? "" : " " + call.errorCode()) + "]");
                    } else if (event instanceof StreamEvent.Done) {
                        SendResult result = ((StreamEvent.Done) event).result();
                        out.println("\n(done: " + result.toolCalls().size() + " tool calls, " + result.iterations()
                                + " turns)");
                    }
                }
            } catch (StreamError e) {
                out.println("\nthe stream broke after " + e.getEventsDelivered() + " events (request_id="
                        + e.getRequestId() + ")");
                return 1;
            }
            SendResult summary = session.send("Summarize what you did in one sentence.");
            out.println("summary: " + summary.message());
        }
        return 0;
    }

    /**
     * Runs the example against the API configured by {@link ExampleSupport#testClient()}.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        ExampleSupport.exit(ExampleSupport.run(System::getenv, true, "StreamAgentReplyExample",
                StreamAgentReplyExample::run, System.out));
    }
}
