package dev.codespar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codespar.errors.InvalidRequestError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Test-mode mocks are checked before the network, by the rules the server applies (the README's testing section). */
class MocksValidationTest {

    private MockWebServer server;
    private CodeSparClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = Fixtures.client(server);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    private void create(Map<String, ?> mocks) {
        client.create("user_1", SessionConfig.builder().servers("asaas").mocks(mocks).build());
    }

    @Test
    void acceptsCanonicalAndBareMetaToolKeysWithObjectOrListValues() {
        assertThat(MockRules.isValidKey("asaas/create_payment")).isTrue();
        assertThat(MockRules.isValidKey("nuvem-fiscal/emitir_nfse")).isTrue();
        assertThat(MockRules.isValidKey("0x/a-b_c")).isTrue();
        assertThat(MockRules.isValidKey("codespar_pay")).isTrue();
        server.enqueue(Fixtures.json(201, "{\"id\":\"ses_1\"}"));
        assertThatCode(() -> create(Map.of("asaas/get_payment", List.of(Map.of("status", "PENDING")),
                "codespar_pay", new ToolCallRecord("a", null, null, null, null, null, null, null))))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsKeysOutsideTheContractForms() {
        for (String key : List.of("asaas__create_payment", "Asaas/create_payment", "asaas/", "/x", "asaas/a/b",
                "asaas create", "-asaas/x", "codespar__pay", "1tool")) {
            assertThat(MockRules.isValidKey(key)).as(key).isFalse();
        }
        assertThatThrownBy(() -> create(Map.of("asaas__create_payment", Map.of())))
                .isInstanceOfSatisfying(InvalidRequestError.class, e -> {
                    assertThat(e.getMessage()).contains("config.mocks[\"asaas__create_payment\"]");
                    assertThat(e.getStatus()).isEqualTo(400);
                    assertThat(e.getAttempts()).isZero();
                    assertThat(e.getRequestId()).isNull();
                });
    }

    @Test
    void rejectsValuesThatAreNotObjectsOrListsOfObjects() {
        List<Object> withNull = new ArrayList<>(Arrays.asList(Map.of("a", 1), null));
        for (Object bad : List.of("text", 42, List.of("a"), List.of(List.of()), withNull)) {
            assertThatThrownBy(() -> create(Collections.singletonMap("asaas/x", bad)))
                    .as(String.valueOf(bad)).isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("config.mocks[\"asaas/x\"]");
        }
        assertThatThrownBy(() -> create(Collections.singletonMap("asaas/x", null)))
                .isInstanceOf(InvalidRequestError.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void rejectsMocksOver64KiBOnceSerialized() {
        String big = "x".repeat(64 * 1024);
        assertThatThrownBy(() -> create(Map.of("asaas/x", Map.of("blob", big))))
                .isInstanceOf(InvalidRequestError.class)
                .hasMessageContaining("config.mocks: 65559 characters once serialized as JSON")
                .hasMessageContaining("UTF-16 code units").hasMessageContaining("more than the 65536");
        server.enqueue(Fixtures.json(201, "{\"id\":\"ses_1\"}"));
        String fits = "x".repeat(64 * 1024 - "{\"asaas/x\":{\"blob\":\"\"}}".length());
        assertThatCode(() -> create(Map.of("asaas/x", Map.of("blob", fits)))).doesNotThrowAnyException();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    /**
     * The server limits {@code JSON.stringify(mocks).length}, UTF-16 code units: 65 513 "é" are twice as many UTF-8
     * bytes but fit, and go out; emoji count twice, and one code unit over the limit is refused before the network.
     */
    @Test
    void measuresTheSizeAsTheServerDoesInUtf16CodeUnits() throws Exception {
        String frame = "{\"asaas/x\":{\"blob\":\"\"}}";
        String accented = "é".repeat(64 * 1024 - frame.length());
        assertThat(accented.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(64 * 1024);
        server.enqueue(Fixtures.json(201, "{\"id\":\"ses_1\"}"));
        assertThatCode(() -> create(Map.of("asaas/x", Map.of("blob", accented)))).doesNotThrowAnyException();
        assertThat(server.takeRequest().getBody().size()).as("sent whole").isGreaterThan(64 * 1024);
        String emoji = "\uD83D\uDE00".repeat((64 * 1024 - frame.length() + 1) / 2); // two code units each
        assertThatThrownBy(() -> create(Map.of("asaas/x", Map.of("blob", emoji))))
                .isInstanceOf(InvalidRequestError.class).hasMessageContaining("65537 characters");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
