package dev.codespar.examples;

import dev.codespar.metatools.MetaTools;
import dev.codespar.metatools.ChargeParams;
import dev.codespar.metatools.ChargeResult;
import dev.codespar.CodeSparClient;
import dev.codespar.EventStream;
import dev.codespar.PaymentStatusResult;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.StatusEvent;
import dev.codespar.metatools.TypedToolResult;
import java.io.PrintStream;
import java.math.BigDecimal;

/**
 * Charge a buyer via Pix, hand them the "copia e cola" code, and follow the payment on the payment-status stream
 * until it settles.
 */
public final class PixPaymentExample {

    private PixPaymentExample() {}

    /**
     * Runs the example.
     *
     * @param client the client
     * @param out where to report
     */
    public static void run(CodeSparClient client, PrintStream out) {
        try (Session session = client.create("user_123", SessionConfig.builder().servers("asaas").build())) {
            TypedToolResult<ChargeResult> charge = MetaTools.of(session).charge(ChargeParams.pix(new BigDecimal("10.00"), "BRL",
                    "Order 42", ChargeParams.Buyer.named("Ana Souza").withEmail("ana@example.com")));
            if (charge.output().isEmpty()) {
                out.println("charge refused: " + charge.error() + " (request_id=" + charge.requestId() + ")");
                return;
            }
            out.println("Pix copia e cola for the buyer: " + charge.output().get().pixCopyPaste());
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
                        break;
                    }
                }
            }
        }
    }

    /**
     * Runs the example against the API configured by {@link ExampleSupport#testClient()}.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        try (ExampleClient example = ExampleSupport.testClient()) {
            run(example.client(), System.out);
        }
    }
}
