package dev.codespar.testkit;

import static dev.codespar.testkit.SessionsTest.catchApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.ToolResult;
import dev.codespar.errors.ApiError;
import dev.codespar.errors.ProviderUnavailableError;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Canned tool answers. */
class StubsTest {

    private FakeCodeSpar fake;
    private CodeSparClient client;
    private Session session;

    @BeforeEach
    void start() {
        fake = FakeCodeSpar.start();
        client = fake.clientBuilder().maxRetries(0).build();
        session = client.create("user_1", SessionConfig.builder().servers("asaas").build());
    }

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    @Test
    void respondAnswersEveryCall() {
        fake.onTool("codespar_pay").respond(Map.of("id", "pay_1", "status", "pending"));

        ToolResult a = session.execute("codespar_pay", Map.of());
        ToolResult b = session.execute("codespar_pay", Map.of());

        assertThat(a.data().get("id").asText()).isEqualTo("pay_1");
        assertThat(b.data().get("id").asText()).isEqualTo("pay_1");
        assertThat(a.server()).isEqualTo("asaas");
        assertThat(fake.onTool("codespar_pay").calls()).isEqualTo(2);
    }

    @Test
    void aSequenceRepeatsItsLastAnswer() {
        fake.onTool("asaas/get_payment").respondJson("{\"status\":\"PENDING\"}", "{\"status\":\"CONFIRMED\"}");

        assertThat(session.execute("asaas/get_payment", Map.of()).data().get("status").asText()).isEqualTo("PENDING");
        assertThat(session.execute("asaas/get_payment", Map.of()).data().get("status").asText())
                .isEqualTo("CONFIRMED");
        assertThat(session.execute("asaas/get_payment", Map.of()).data().get("status").asText())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void answerComputesFromTheInput() {
        fake.onTool("codespar_pay").answer(input -> Map.of("echo", input.get("amount").asInt() * 2));

        assertThat(session.execute("codespar_pay", Map.of("amount", 21)).data().get("echo").asInt()).isEqualTo(42);
    }

    @Test
    void toolErrorIsASuccessfulHttpCallWithAFailedResult() {
        fake.onTool("codespar_pay").toolError("no_eligible_providers");

        ToolResult r = session.execute("codespar_pay", Map.of());

        assertThat(r.success()).isFalse();
        assertThat(r.error()).isEqualTo("no_eligible_providers");
        assertThat(fake.journal().last().status()).isEqualTo(200);
    }

    @Test
    void errorAnswersEveryCallWithTheCodesStatus() {
        fake.onTool("codespar_pay").error("provider_unavailable");

        ApiError first = catchApi(() -> session.execute("codespar_pay", Map.of()));
        ApiError second = catchApi(() -> session.execute("codespar_pay", Map.of()));

        assertThat(first).isInstanceOf(ProviderUnavailableError.class);
        assertThat(first.getStatus()).isEqualTo(422);
        assertThat(second).isInstanceOf(ProviderUnavailableError.class);
        assertThatThrownBy(() -> fake.onTool("x").error("never_heard_of_it"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStubsServerGoesThroughTheConnectionGate() {
        fake.requireConnection("mercado-pago");
        Session s = client.create("user_1", SessionConfig.builder().servers("asaas", "mercado-pago").build());
        fake.onTool("codespar_pay").server("mercado-pago").respond(Map.of("id", "pay_mp"));

        ApiError e = catchApi(() -> s.execute("codespar_pay", Map.of()));
        fake.connect(s.getId(), "mercado-pago");
        ToolResult r = s.execute("codespar_pay", Map.of());

        assertThat(e.getCode()).isEqualTo("needs_connection");
        assertThat(r.server()).isEqualTo("mercado-pago");
        assertThat(r.data().get("id").asText()).isEqualTo("pay_mp");
    }
}
