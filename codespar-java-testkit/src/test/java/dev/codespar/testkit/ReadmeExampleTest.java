package dev.codespar.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.errors.NeedsConnectionError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's "Testing your code with the testkit" example, kept compiling and passing. */
@CodeSparFake
class ReadmeExampleTest {

    /** Stand-in for the reader's code. */
    static final class Checkout {
        private final CodeSparClient client;

        Checkout(CodeSparClient client) {
            this.client = client;
        }

        void pay(String user, int amount) {
            try (Session session = client.create(user, SessionConfig.builder().servers("asaas").build())) {
                session.execute("codespar_pay", Inputs.pay(amount));
            }
        }
    }

    /** Stand-in for the reader's code. */
    static final class ShippingAgent {
        private final CodeSparClient client;

        ShippingAgent(CodeSparClient client) {
            this.client = client;
        }

        String quote(String user) {
            try (Session session = client.create(user, SessionConfig.builder().servers("melhor-envio").build())) {
                return session.execute("codespar_ship", Inputs.SHIP_QUOTE).data().toString();
            } catch (NeedsConnectionError e) {
                return "Please connect your shipping account: " + e.getConnectUrl();
            }
        }
    }

    @Test
    void chargesOnceDespiteARateLimit(CodeSparClient client, FakeCodeSpar fake) {
        fake.failNext("rate_limited").onTool("codespar_pay");           // 429 + Retry-After: 1, once
        fake.onTool("codespar_pay").respond(Map.of("id", "pay_1", "status", "pending"));

        Checkout checkout = new Checkout(client);                       // your code, given the injected client
        checkout.pay("user_1", 1000);

        List<RecordedCall> attempts = fake.journal().assertExecutedTimes("codespar_pay", 2);
        assertThat(attempts).extracting(RecordedCall::status).containsExactly(429, 200);
        assertThat(attempts.get(1).json().at("/input/amount").asInt()).isEqualTo(1000);
    }

    @Test
    void sendsTheConnectLinkWhenShippingIsNotConnected(CodeSparClient client, FakeCodeSpar fake) {
        fake.requireConnection("melhor-envio");                          // new sessions: connected=false
        String reply = new ShippingAgent(client).quote("user_1");
        assertThat(reply).contains(fake.baseUrl() + "/connect/lnk_");     // the needs_connection connect_url
    }
}
