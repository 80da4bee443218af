package dev.codespar.examples;

import dev.codespar.CodeSparClient;
import dev.codespar.EventStream;
import dev.codespar.ProxyParams;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.StatusEvent;
import dev.codespar.VerificationStatusResult;
import dev.codespar.errors.ApiError;
import dev.codespar.errors.StreamError;
import java.io.PrintStream;

/**
 * Log what a support ticket needs when a call fails: the request id ({@code getRequestId()}), which leads CodeSpar
 * support straight to the trace, with the code, the status and how many attempts were made.
 */
public final class SupportTicketExample {

    private SupportTicketExample() {}

    /**
     * Runs the example.
     *
     * @param client the client
     * @param out where the ticket lines go
     */
    public static void run(CodeSparClient client, PrintStream out) {
        try (Session session = client.create("user_123", SessionConfig.builder().servers("asaas").build())) {
            report(out, "raw Asaas call", () -> session.proxyExecute(
                    ProxyParams.builder("asaas", ProxyParams.Method.GET, "/v3/payments/pay_1").build()));
            report(out, "KYC status", () -> session.toolCalls().verificationStatus("tc_kyc_1"));
            report(out, "KYC status stream", () -> {
                try (EventStream<StatusEvent<VerificationStatusResult>> events =
                        session.toolCalls().verificationStatusStream("tc_kyc_1")) {
                    events.forEach(e -> e.status().ifPresent(s -> out.println("  KYC: " + s.verificationStatus())));
                }
            });
        }
    }

    private static void report(PrintStream out, String what, Runnable call) {
        try {
            call.run();
            out.println(what + ": ok");
        } catch (ApiError e) {
            out.println("ticket: " + what + " failed; request_id=" + e.getRequestId() + " code=" + e.getCode()
                    + " status=" + e.getStatus() + " attempts=" + e.getAttempts());
        } catch (StreamError e) {
            out.println("ticket: " + what + " broke after " + e.getEventsDelivered() + " events; request_id="
                    + e.getRequestId());
        }
    }

    /**
     * Runs the example against the API configured by {@link ExampleSupport#client()}.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        try (ExampleClient example = ExampleSupport.client()) {
            run(example.client(), System.out);
        }
    }
}
