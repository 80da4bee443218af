package dev.codespar.examples;

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
     * @param example the client
     * @param out where the ticket lines go
     * @return 0: the failures it reports are what it shows (a failure to open the session ends it with 1)
     */
    public static int run(ExampleClient example, PrintStream out) {
        try (Session session = example.client().create("user_123",
                SessionConfig.builder().servers("asaas").build())) {
            boolean anonymous = report(out, "raw Asaas call", () -> session.proxyExecute(
                    ProxyParams.builder("asaas", ProxyParams.Method.GET, "/v3/payments/pay_1").build()));
            anonymous |= report(out, "KYC status", () -> session.toolCalls().verificationStatus("tc_kyc_1"));
            anonymous |= report(out, "KYC status stream", () -> {
                try (EventStream<StatusEvent<VerificationStatusResult>> events =
                        session.toolCalls().verificationStatusStream("tc_kyc_1")) {
                    events.forEach(e -> e.status().ifPresent(s -> out.println("  KYC: " + s.verificationStatus())));
                }
            });
            if (anonymous) {
                out.println("(request_id=none: this server sends no request ids, as the open-source runtime; quote"
                        + " the time and the session id " + session.getId() + " instead)");
            }
        }
        return 0;
    }

    /** Runs a call and prints its ticket line; answers whether a failure came without a request id. */
    private static boolean report(PrintStream out, String what, Runnable call) {
        try {
            call.run();
            out.println(what + ": ok");
            return false;
        } catch (ApiError e) {
            out.println("ticket: " + what + " failed; request_id=" + requestId(e.getRequestId()) + " code="
                    + e.getCode() + " status=" + e.getStatus() + " attempts=" + e.getAttempts()
                    + (e.getRequestId() == null ? " (" + e.getServerMessage() + ")" : ""));
            return e.getRequestId() == null;
        } catch (StreamError e) {
            out.println("ticket: " + what + " broke after " + e.getEventsDelivered() + " events; request_id="
                    + requestId(e.getRequestId()));
            return e.getRequestId() == null;
        }
    }

    /** A request id, or what to quote instead: the open-source runtime sends none. */
    private static String requestId(String id) {
        return id != null ? id : "none";
    }

    /**
     * Runs the example against the API configured by {@link ExampleSupport#client()}.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        ExampleSupport.exit(ExampleSupport.run(System::getenv, false, "SupportTicketExample",
                SupportTicketExample::run, System.out));
    }
}
