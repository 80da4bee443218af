package dev.codespar.testkit;

import static dev.codespar.testkit.SessionsTest.catchApi;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.ToolResult;
import dev.codespar.errors.ApiError;
import dev.codespar.errors.InvalidRequestError;
import dev.codespar.errors.ForbiddenError;
import dev.codespar.errors.UnprocessableEntityError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Test-mode mocks, through the SDK. */
class MocksTest {

    private FakeCodeSpar fake;
    private CodeSparClient client;

    @BeforeEach
    void start() {
        fake = FakeCodeSpar.start();
        client = fake.clientBuilder().maxRetries(0).build();
    }

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    private static Map<String, Object> g1Mocks() {
        Map<String, Object> mocks = new LinkedHashMap<>();
        mocks.put("asaas/create_payment", payment("PENDING"));
        mocks.put("asaas/get_payment", List.of(payment("PENDING"), payment("CONFIRMED")));
        return mocks;
    }

    private static Map<String, Object> payment(String status) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", "pay_test_42");
        p.put("status", status);
        return p;
    }

    @Test
    void replaysTheGoldenMockFlow() {
        Session session = client.create("user_demo", SessionConfig.builder().servers("asaas").mocks(g1Mocks()).build());

        ToolResult created = session.execute("asaas/create_payment", Map.of("value", 10));
        ToolResult again = session.execute("asaas/create_payment", Map.of("value", 10));
        ToolResult first = session.execute("asaas/get_payment", Map.of("id", "pay_test_42"));
        ToolResult second = session.execute("asaas/get_payment", Map.of("id", "pay_test_42"));
        ApiError drained = catchApi(() -> session.execute("asaas/get_payment", Map.of("id", "pay_test_42")));

        assertThat(created.server()).isEqualTo("mock");
        assertThat(created.data().get("status").asText()).isEqualTo("PENDING");
        assertThat(again.data().get("status").asText()).isEqualTo("PENDING");
        assertThat(first.data().get("status").asText()).isEqualTo("PENDING");
        assertThat(second.data().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(drained).isInstanceOf(UnprocessableEntityError.class);
        assertThat(drained.getCode()).isEqualTo("mocks_exhausted");
        assertThat(drained.getStatus()).isEqualTo(422);
        assertThat(drained.getBody().has("message")).isTrue();
        assertThat(drained.getBody().has("error")).isFalse();
        assertThat(drained.getRequestId()).isEqualTo(fake.journal().last().requestId());
        assertThat(fake.journal().executions("asaas/get_payment").get(0).json().path("tool").asText())
                .isEqualTo("asaas/get_payment");
    }

    @Test
    void theCreateBodyIsForwardedByteForByte() {
        client.create("user_demo", SessionConfig.builder().servers("asaas").mocks(g1Mocks()).build());

        assertThat(fake.journal().last().body()).isEqualTo("{\"servers\":[\"asaas\"],\"user_id\":\"user_demo\","
                + "\"mocks\":{\"asaas/create_payment\":{\"id\":\"pay_test_42\",\"status\":\"PENDING\"},"
                + "\"asaas/get_payment\":[{\"id\":\"pay_test_42\",\"status\":\"PENDING\"},"
                + "{\"id\":\"pay_test_42\",\"status\":\"CONFIRMED\"}]}}");
    }

    @Test
    void theCounterAdvancesOnlyOnSuccess() {
        Session session = client.create("user_demo", SessionConfig.builder().servers("asaas").mocks(g1Mocks()).build());
        fake.failNext("provider_error").onTool("asaas/get_payment");

        catchApi(() -> session.execute("asaas/get_payment", Map.of()));
        ToolResult first = session.execute("asaas/get_payment", Map.of());

        assertThat(first.data().get("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void aToolWithoutAMockIsNotMocked() {
        Session session = client.create("user_demo", SessionConfig.builder().servers("asaas").mocks(Map.of()).build());

        ApiError e = catchApi(() -> session.execute("codespar_pay", Inputs.PAY));

        assertThat(e).isInstanceOf(UnprocessableEntityError.class);
        assertThat(e.getCode()).isEqualTo("tool_not_mocked");
        assertThat(e.getBody().get("tool_name").asText()).isEqualTo("codespar_pay");
    }

    @Test
    void aBareMetaToolKeyIsAMock() {
        Session session = client.create("user_demo", SessionConfig.builder().servers("asaas")
                .mocks(Map.of("codespar_pay", Map.of("id", "pay_mock", "status", "pending"))).build());

        assertThat(session.execute("codespar_pay", Map.of()).data().get("id").asText()).isEqualTo("pay_mock");
    }

    @Test
    void builtInsBypassTheGate() {
        Session session = client.create("user_demo", SessionConfig.builder().servers("asaas").mocks(Map.of()).build());

        ToolResult discover = session.execute("codespar_discover", Map.of("use_case", "charge a customer by Pix"));
        ToolResult connections = session.execute("codespar_manage_connections", Map.of());

        assertThat(discover.success()).isTrue();
        assertThat(discover.server()).isEqualTo("codespar");
        assertThat(discover.data().get("recommended").get("server_id").asText()).isEqualTo("asaas");
        assertThat(connections.data().get("connections").get(0).get("status").asText()).isEqualTo("connected");
    }

    @Test
    void strictTestModeGatesSessionsWithoutMocks() {
        try (FakeCodeSpar strict = FakeCodeSpar.builder().strictTestMode(true).start();
                CodeSparClient c = strict.client()) {
            Session session = c.create("user_1", SessionConfig.builder().servers("asaas").build());
            ApiError e = catchApi(() -> session.execute("codespar_pay", Inputs.pay(1)));
            assertThat(e.getCode()).isEqualTo("tool_not_mocked");
        }
    }

    @Test
    void stubsDoNotAnswerMockedSessions() {
        fake.onTool("asaas/create_payment").respond(Map.of("id", "from_stub"));
        Session session = client.create("user_demo", SessionConfig.builder().servers("asaas").mocks(g1Mocks()).build());

        assertThat(session.execute("asaas/create_payment", Map.of()).data().get("id").asText())
                .isEqualTo("pay_test_42");
    }

    /** The fake validates like the server for clients that skip the SDK's own checks, e.g. raw HTTP. */
    private Raw.Reply rawCreate(FakeCodeSpar target, String mocksJson) {
        try (Raw raw = new Raw(target)) {
            return raw.post("/v1/sessions", "{\"servers\":[\"asaas\"],\"user_id\":\"u\",\"mocks\":" + mocksJson + "}");
        }
    }

    @Test
    void aBadKeyIsInvalidWithItsPointer() {
        Raw.Reply r = rawCreate(fake, "{\"Asaas/Create\":{}}");

        assertThat(r.code()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("/mocks/Asaas~1Create");
        assertThat(r.json().get("code").asText()).isEqualTo("mocks_invalid");
        // the SDK refuses the same mocks before the network
        ApiError e = catchApi(() -> client.create("u", SessionConfig.builder()
                .servers("asaas").mocks(Map.of("Asaas/Create", Map.of())).build()));
        assertThat(e).isInstanceOf(InvalidRequestError.class);
        assertThat(e.getAttempts()).isZero();
    }

    @Test
    void aBadValueIsInvalidWithItsPointer() {
        Raw.Reply scalar = rawCreate(fake, "{\"asaas/create_payment\":\"PENDING\"}");
        Raw.Reply entry = rawCreate(fake, "{\"asaas/get_payment\":[{},7]}");

        assertThat(scalar.code()).isEqualTo(400);
        assertThat(scalar.json().get("field").asText()).isEqualTo("/mocks/asaas~1create_payment");
        assertThat(scalar.json().get("message").asText()).isEqualTo("mock value must be a non-null"
                + " JSON object or an array of non-null JSON objects; see field for location");
        assertThat(entry.json().get("field").asText()).isEqualTo("/mocks/asaas~1get_payment/1");
        ApiError e = catchApi(() -> client.create("u", SessionConfig.builder()
                .servers("asaas").mocks(Map.of("asaas/create_payment", "PENDING")).build()));
        assertThat(e).isInstanceOf(InvalidRequestError.class);
    }

    @Test
    void mocksOver64KiBAreTooLarge() {
        Raw.Reply r = rawCreate(fake, "{\"asaas/create_payment\":{\"blob\":\"" + "x".repeat(70_000) + "\"}}");

        assertThat(r.code()).isEqualTo(413);
        assertThat(r.json().get("code").asText()).isEqualTo("mocks_payload_too_large");
        ApiError e = catchApi(() -> client.create("u", SessionConfig.builder().servers("asaas")
                .mocks(Map.of("asaas/create_payment", Map.of("blob", "x".repeat(70_000)))).build()));
        assertThat(e).isInstanceOf(InvalidRequestError.class);
    }

    @Test
    void aLiveKeyMayNotMock() {
        try (FakeCodeSpar live = FakeCodeSpar.builder().apiKey("csk_live_abc").start();
                CodeSparClient c = live.client()) {
            ApiError e = catchApi(() -> c.create("u", SessionConfig.builder().servers("asaas")
                    .mocks(Map.of("asaas/x", Map.of())).build()));
            assertThat(e).isInstanceOf(ForbiddenError.class);
            assertThat(e.getCode()).isEqualTo("mocks_not_permitted");
        }
    }

    @Test
    void permissionIsCheckedBeforeSizeAndSizeBeforeShape() {
        String badAndHuge = "{\"BAD KEY\":\"" + "x".repeat(70_000) + "\"}";
        try (FakeCodeSpar live = FakeCodeSpar.builder().apiKey("csk_live_abc").start()) {
            assertThat(rawCreate(live, badAndHuge).json().get("code").asText()).isEqualTo("mocks_not_permitted");
        }
        assertThat(rawCreate(fake, badAndHuge).json().get("code").asText()).isEqualTo("mocks_payload_too_large");
    }
}
