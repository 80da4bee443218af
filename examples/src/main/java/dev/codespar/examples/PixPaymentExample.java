package dev.codespar.examples;

import dev.codespar.EventStream;
import dev.codespar.PaymentStatusResult;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.StatusEvent;
import dev.codespar.ToolResult;
import dev.codespar.metatools.ChargeParams;
import dev.codespar.metatools.ChargeResult;
import dev.codespar.metatools.MetaTools;
import dev.codespar.metatools.TypedToolResult;
import java.io.PrintStream;
import java.math.BigDecimal;

/**
 * Charge a buyer via Pix, hand them the "copia e cola" code, and follow the payment on the payment-status stream
 * until it settles. In test mode the charge is answered from the session's mock (through {@code asaas/create_payment}
 * where the server does not register {@code codespar_charge}) and nothing settles, so the example stops after the
 * code.
 */
public final class PixPaymentExample {

    private PixPaymentExample() {}

    /**
     * Runs the example.
     *
     * @param example the client and what kind of server is behind it
     * @param out where to report
     * @return 0 when the buyer got a code (and, where payments settle, it settled), 1 when the charge was refused
     */
    public static int run(ExampleClient example, PrintStream out) {
        SessionConfig.Builder config = SessionConfig.builder().servers("asaas");
        if (example.answersFromMocks()) {
            config.mocks(TestMode.mocks("codespar_charge", TestMode.PIX_TOOL));
        }
        try (Session session = example.client().create("user_123", config.build())) {
            TypedToolResult<ChargeResult> charge = MetaTools.of(session).charge(ChargeParams.pix(
                    new BigDecimal("10.00"), "BRL", "Order 42",
                    ChargeParams.Buyer.named("Ana Souza").withEmail("ana@example.com")));
            if (example.answersFromMocks() && TestMode.notRegistered(charge.result())) {
                ToolResult paid = TestMode.payThroughProvider(session, charge.result(), "codespar_charge", out);
                if (!paid.success()) {
                    out.println("payment refused: " + paid.error());
                    return 1;
                }
                out.println("Pix copia e cola for the buyer: " + paid.data().path("pixCopyPaste").asText()
                        + TestMode.mockNote(paid));
                out.println("(test mode: a mocked payment never settles, so there is no status to follow)");
                return 0;
            }
            if (charge.output().isEmpty()) {
                out.println("charge refused: " + charge.error() + " (request_id=" + charge.requestId() + ")");
                return 1;
            }
            out.println("Pix copia e cola for the buyer: " + charge.output().get().pixCopyPaste()
                    + TestMode.mockNote(charge.result()));
            if (example.answersFromMocks()) {
                out.println("(test mode: a mocked charge never settles; against a live project"
                        + " session.toolCalls().paymentStatusStream(toolCallId) follows it)");
                return 0;
            }
            try (EventStream<StatusEvent<PaymentStatusResult>> events =
                    session.toolCalls().paymentStatusStream(charge.toolCallId())) {
                for (StatusEvent<PaymentStatusResult> event : events) {
                    if (event.status().isEmpty()) {
                        continue;
                    }
                    PaymentStatusResult status = event.status().get();
                    out.println(event.kind() + ": " + status.paymentStatus());
                    if (status.isTerminal()) {
                        // no need to wait for "done": leaving the block closes the stream at once
                        out.println("settled as " + status.paymentStatus());
                        return 0;
                    }
                }
            }
            out.println("the status stream ended before the payment settled");
            return 1;
        }
    }

    /**
     * Runs the example against the API configured by {@link ExampleSupport#testClient()}.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        ExampleSupport.exit(ExampleSupport.run(System::getenv, true, "PixPaymentExample", PixPaymentExample::run,
                System.out));
    }
}
