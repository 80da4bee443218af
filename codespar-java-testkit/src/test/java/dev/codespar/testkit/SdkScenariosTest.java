package dev.codespar.testkit;

import static dev.codespar.testkit.SessionsTest.catchApi;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codespar.CodeSparClient;
import dev.codespar.SendResult;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.SessionConnections;
import dev.codespar.StreamEvent;
import dev.codespar.ToolResult;
import dev.codespar.errors.NotFoundError;
import dev.codespar.errors.UnauthorizedError;
import dev.codespar.errors.UnprocessableEntityError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The SDK's session scenarios, unchanged, against both dialects: the switch is the builder's one line. */
class SdkScenariosTest {

    private static FakeCodeSpar fake(Dialect dialect) {
        return FakeCodeSpar.builder().dialect(dialect).runtimeTestMode(true).start();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void createExecuteAndClose(Dialect dialect) {
        try (FakeCodeSpar fake = FakeCodeSpar.builder().dialect(dialect).start();
                CodeSparClient client = fake.client()) {
            Session session = client.create("user_1", SessionConfig.builder().servers("asaas").build());
            ToolResult raw = session.execute("asaas/create_payment", Map.of("value", 10));
            ToolResult paid = session.execute("codespar_pay", Inputs.PAY);
            session.close();

            assertThat(session.getUserId()).isEqualTo("user_1");
            assertThat(raw.success()).isTrue();
            assertThat(raw.server()).isEqualTo("asaas");
            assertThat(paid.success()).isTrue();
            assertThat(paid.data().get("status").asText()).isEqualTo("pending");
            assertThat(paid.toolCallId()).isNotBlank();
            assertThat(fake.session(session.getId()).orElseThrow().status()).isEqualTo("closed");
            NotFoundError gone = (NotFoundError) catchApi(() -> session.execute("codespar_pay", Inputs.PAY));
            assertThat(gone.getStatus()).isEqualTo(404);
            assertThat(gone.getRequestId() == null).isEqualTo(dialect == Dialect.RUNTIME);
        }
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void goldenMocksReplay(Dialect dialect) {
        try (FakeCodeSpar fake = fake(dialect); CodeSparClient client = fake.client()) {
            Map<String, Object> mocks = new LinkedHashMap<>();   // G1 pins the keys' order
            mocks.put("asaas/create_payment", ordered("id", "pay_test_42", "status", "PENDING"));
            mocks.put("asaas/get_payment", List.of(ordered("id", "pay_test_42", "status", "PENDING"),
                    ordered("id", "pay_test_42", "status", "CONFIRMED")));
            Session session = client.create("user_demo", SessionConfig.builder().servers("asaas").mocks(mocks)
                    .build());

            assertThat(session.execute("asaas/create_payment", Map.of()).data().get("status").asText())
                    .isEqualTo("PENDING");
            assertThat(session.execute("asaas/get_payment", Map.of()).data().get("status").asText())
                    .isEqualTo("PENDING");
            assertThat(session.execute("asaas/get_payment", Map.of()).data().get("status").asText())
                    .isEqualTo("CONFIRMED");
            UnprocessableEntityError drained = (UnprocessableEntityError) catchApi(
                    () -> session.execute("asaas/get_payment", Map.of()));
            assertThat(drained.getCode()).isEqualTo("mocks_exhausted");
            assertThat(fake.journal().all().get(0).body()).isEqualTo("{\"servers\":[\"asaas\"],\"user_id\":"
                    + "\"user_demo\",\"mocks\":{\"asaas/create_payment\":{\"id\":\"pay_test_42\",\"status\":"
                    + "\"PENDING\"},"
                    + "\"asaas/get_payment\":[{\"id\":\"pay_test_42\",\"status\":\"PENDING\"},{\"id\":\"pay_test_42\","
                    + "\"status\":\"CONFIRMED\"}]}}");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void sendAndStreamTheAgentsTurn(Dialect dialect) {
        try (FakeCodeSpar fake = FakeCodeSpar.builder().dialect(dialect).start();
                CodeSparClient client = fake.client()) {
            Session session = client.create("user_1", SessionConfig.builder().servers("asaas").build());
            fake.onSend().callTool("asaas/create_payment", Map.of("value", 10)).reply("Charged R$10.");

            SendResult sent = session.send("charge R$10");
            List<String> types = new ArrayList<>();
            SendResult done = null;
            try (var stream = session.sendStream("charge R$10")) {
                for (StreamEvent e : stream) {
                    types.add(e.getClass().getSimpleName());
                    if (e instanceof StreamEvent.Done d) {
                        done = d.result();
                    }
                }
            }

            assertThat(sent.message()).isEqualTo("Charged R$10.");
            assertThat(sent.iterations()).isEqualTo(2);
            assertThat(sent.toolCalls()).singleElement().satisfies(c -> assertThat(c.success()).isTrue());
            assertThat(types).containsSubsequence("UserMessage", "ToolUse", "ToolResultEvent", "Text", "Done");
            assertThat(done).isNotNull();
            assertThat(done.message()).isEqualTo("Charged R$10.");
            assertThat(done.toolCalls()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void connectionsAreReadyOnBothServers(Dialect dialect) {
        try (FakeCodeSpar fake = FakeCodeSpar.builder().dialect(dialect).start();
                CodeSparClient client = fake.client()) {
            Session session = client.create("user_1", SessionConfig.builder().servers("asaas", "nuvem-fiscal").build());

            SessionConnections c = session.waitForConnections(Duration.ofSeconds(5));

            assertThat(c.isReady()).isTrue();
            assertThat(c.servers()).hasSize(2);
            if (dialect == Dialect.RUNTIME) {
                // the runtime's row id <session>-conn-0-asaas, read back by the SDK as the server it names
                assertThat(c.servers().get(0).id()).isEqualTo("asaas");
                assertThat(c.tools()).isEmpty();
            } else {
                assertThat(c.servers().get(0).id()).isEqualTo("asaas");
                assertThat(c.tools()).isNotEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aStrangersKeyIsUnauthorizedAndMissingRoutesAreNotFound(Dialect dialect) {
        try (FakeCodeSpar fake = FakeCodeSpar.builder().dialect(dialect).start(); CodeSparClient client = fake.client();
                CodeSparClient stranger = fake.clientBuilder().apiKey("csk_test_stranger").build()) {
            assertThat(catchApi(() -> stranger.create("u", SessionConfig.builder().servers("asaas").build())))
                    .isInstanceOf(UnauthorizedError.class);
            Session session = client.create("u", SessionConfig.builder().servers("asaas").build());
            if (dialect == Dialect.RUNTIME) {
                // the runtime has no connect links and no settlement status: its framework answers 404
                assertThat(catchApi(() -> session.authorize("asaas", "https://app.example.com/ok")))
                        .isInstanceOf(NotFoundError.class);
                assertThat(catchApi(() -> session.toolCalls().paymentStatus("tc_1"))).isInstanceOf(NotFoundError.class);
            } else {
                assertThat(session.authorize("asaas", "https://app.example.com/ok").authorizeUrl())
                        .startsWith(fake.baseUrl() + "/connect/lnk_");
            }
        }
    }
}
