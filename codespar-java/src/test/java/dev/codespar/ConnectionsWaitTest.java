package dev.codespar;

import static dev.codespar.Fixtures.json;
import static dev.codespar.Fixtures.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codespar.errors.InvalidRequestError;
import dev.codespar.errors.NotConnectedError;
import dev.codespar.errors.UnauthorizedError;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Waiting for connections, and NotConnectedError wherever the SDK raises it. */
class ConnectionsWaitTest {

    private static final String PENDING = "{\"servers\":[{\"id\":\"asaas\",\"connected\":true},"
            + "{\"id\":\"zoop\",\"connected\":false}]}";
    private static final String READY = "{\"servers\":[{\"id\":\"asaas\",\"connected\":true},"
            + "{\"id\":\"zoop\",\"connected\":true}]}";

    private MockWebServer server;
    private FakeTiming timing;
    private CodeSparClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        timing = new FakeTiming();
        client = Fixtures.builder(server, timing).build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    @Test
    void pollsEverySecondUntilEveryServerIsConnected() throws Exception {
        Session s = Fixtures.session(client, server);
        server.enqueue(json("{\"servers\":[]}"));
        server.enqueue(json(PENDING));
        server.enqueue(json(READY));
        SessionConnections ready = s.waitForConnections(Duration.ofSeconds(30));
        assertThat(ready.isReady()).isTrue();
        assertThat(timing.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        for (int i = 0; i < 3; i++) {
            assertThat(take(server).getPath()).isEqualTo("/v1/sessions/ses_HZb4d5yxIAxLawb4/connections");
        }
    }

    @Test
    void theDeadlineThrowsNotConnectedWithThePendingServers() throws Exception {
        Session s = Fixtures.session(client, server);
        for (int i = 0; i < 4; i++) {
            server.enqueue(json(PENDING));
        }
        long start = timing.nowMillis();
        assertThatThrownBy(() -> s.waitForConnections(Duration.ofMillis(2500)))
                .isInstanceOfSatisfying(NotConnectedError.class, e -> {
                    assertThat(e.getPendingServers()).containsExactly("zoop");
                    assertThat(e.getSessionId()).isEqualTo("ses_HZb4d5yxIAxLawb4");
                    assertThat(e.getMessage()).contains("1 of 2 servers not connected").contains("zoop");
                });
        assertThat(timing.nowMillis() - start).isEqualTo(2500);
        assertThat(server.getRequestCount()).as("polls at 0, 1, 2 and 2.5 s").isEqualTo(5);
    }

    @Test
    void anEmptyListNeverCountsAndNamesTheSessionsServers() throws Exception {
        Session s = Fixtures.session(client, server);
        server.enqueue(json("{\"servers\":[]}"));
        server.enqueue(json("{\"data\":[]}"));
        assertThatThrownBy(() -> s.waitForConnections(Duration.ofMillis(500)))
                .isInstanceOfSatisfying(NotConnectedError.class, e -> assertThat(e.getPendingServers())
                        .containsExactly("zoop", "nuvem-fiscal", "melhor-envio", "z-api", "omie"));
    }

    @Test
    void aFailedPollIsThrown() throws Exception {
        Session s = Fixtures.session(client, server);
        server.enqueue(json(401, "{\"error\":\"unauthorized\"}"));
        assertThatThrownBy(() -> s.waitForConnections(Duration.ofSeconds(5))).isInstanceOf(UnauthorizedError.class);
    }

    @Test
    void createCanWaitAndHandsTheOpenSessionOverWhenConnectionsDoNotComeUp() throws Exception {
        server.enqueue(json(201, Fixtures.CREATE_ANSWER));
        server.enqueue(json(PENDING));
        server.enqueue(json(READY));
        Session ready = client.create("user_123", SessionConfig.builder()
                .waitForConnections(Duration.ofSeconds(10)).build());
        assertThat(ready.getId()).isEqualTo("ses_HZb4d5yxIAxLawb4");
        assertThat(server.getRequestCount()).isEqualTo(3);

        server.enqueue(json(201, Fixtures.CREATE_ANSWER));
        server.enqueue(json(PENDING));
        server.enqueue(json(PENDING));
        assertThatThrownBy(() -> client.create("user_123", SessionConfig.builder()
                .waitForConnections(Duration.ofSeconds(1)).build()))
                .isInstanceOfSatisfying(NotConnectedError.class, e -> {
                    assertThat(e.getSessionId()).isEqualTo("ses_HZb4d5yxIAxLawb4");
                    assertThat(e.getPendingServers()).containsExactly("zoop");
                });
    }

    @Test
    void asyncWaitPollsWithoutHoldingAThreadAndFailsAtTheDeadline() throws Exception {
        Session s = Fixtures.session(client, server);
        server.enqueue(json(PENDING));
        server.enqueue(json(READY));
        assertThat(s.waitForConnectionsAsync(Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS).isReady()).isTrue();
        server.enqueue(json(PENDING));
        server.enqueue(json(PENDING));
        CompletableFuture<SessionConnections> late = s.waitForConnectionsAsync(Duration.ofMillis(1000));
        assertThatThrownBy(() -> late.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(NotConnectedError.class);

        server.enqueue(json(201, Fixtures.CREATE_ANSWER));
        server.enqueue(json(PENDING));
        server.enqueue(json(PENDING));
        CompletableFuture<Session> created = client.createAsync("user_123",
                SessionConfig.builder().waitForConnections(Duration.ofMillis(1)).build());
        assertThatThrownBy(() -> created.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(NotConnectedError.class);
    }

    @Test
    void waitDeadlinesAreValidated() throws Exception {
        Session s = Fixtures.session(client, server);
        assertThatThrownBy(() -> s.waitForConnections(Duration.ZERO)).isInstanceOf(InvalidRequestError.class);
        assertThatThrownBy(() -> s.waitForConnections(Duration.ofHours(1))).isInstanceOf(InvalidRequestError.class)
                .hasMessage("invalid_request (400): timeout: must be positive and at most 10 minutes, got PT1H");
        assertThatThrownBy(() -> client.create("u", SessionConfig.builder()
                .waitForConnections(Duration.ofMinutes(10).plusMillis(1)).build()))
                .isInstanceOf(InvalidRequestError.class)
                .hasMessage("invalid_request (400): config.waitForConnections: must be positive and at most 10 minutes,"
                        + " got PT10M0.001S");
        assertThatThrownBy(() -> client.create("u", SessionConfig.builder()
                .waitForConnections(Duration.ofSeconds(-1)).build()))
                .isInstanceOf(InvalidRequestError.class).hasMessageContaining("config.waitForConnections");
        assertThat(s.waitForConnectionsAsync(null)).isCompletedExceptionally();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    /** The server says asaas is not there, and the session (created with zoop, nuvem-fiscal, ...) agrees. */
    @Test
    void executeThrowsNotConnectedWhenTheServerIsNotAmongTheSessionsServers() throws Exception {
        Session s = Fixtures.session(client, server);
        server.enqueue(json("{\"success\":false,\"data\":{},\"error\":\"Tool not registered: asaas/create_payment\","
                + "\"duration\":0,\"server\":\"oss-runtime\",\"tool\":\"asaas/create_payment\","
                + "\"tool_call_id\":\"ses_1-0a1b2c3d\"}").setHeader("X-Request-Id", "req_nr"));
        assertThatThrownBy(() -> s.execute("asaas/create_payment", Map.of()))
                .isInstanceOfSatisfying(NotConnectedError.class, e -> {
                    assertThat(e.getPendingServers()).containsExactly("asaas");
                    assertThat(e.getSessionId()).isEqualTo(s.getId());
                    assertThat(e.getRequestId()).isEqualTo("req_nr");
                    assertThat(e.getToolName()).isEqualTo("asaas/create_payment");
                    assertThat(e.getToolCallId()).isEqualTo("ses_1-0a1b2c3d");
                    assertThat(e.getToolError()).isEqualTo("Tool not registered: asaas/create_payment");
                    assertThat(e.getResultBody().path("tool_call_id").asText()).isEqualTo("ses_1-0a1b2c3d");
                    assertThat(e.getMessage()).contains("is not among this session's servers")
                            .contains("create a session that includes it").contains("req_nr")
                            .doesNotContain("authorize");
                });
        assertThat(server.getRequestCount()).as("no hidden request").isEqualTo(2);
    }

    /**
     * The runtime answers mcp.unknown_server for a server the session has, while its connections say connected:
     * the fault is not the connection, so the failed result comes back as it is (with its tool_call_id).
     */
    @Test
    void aServerFaultOnAConnectedServerIsAFailedResultNotNotConnected() throws Exception {
        Session s = Fixtures.session(client, server);
        server.enqueue(json("{\"servers\":[{\"id\":\"" + s.getId() + "-conn-0-zoop\",\"connected\":true}]}"));
        assertThat(s.connections().pendingServers()).isEmpty();
        server.enqueue(json("{\"success\":false,\"data\":{},\"error\":\"mcp.unknown_server: zoop\",\"duration\":2,"
                + "\"server\":\"zoop\",\"tool\":\"zoop/charge\",\"tool_call_id\":\"tc_9\"}"));
        ToolResult failed = s.execute("zoop/charge", Map.of());
        assertThat(failed.success()).isFalse();
        assertThat(failed.error()).isEqualTo("mcp.unknown_server: zoop");
        assertThat(failed.toolCallId()).isEqualTo("tc_9");
        server.enqueue(json("{\"success\":false,\"error\":\"Tool not registered: nuvem-fiscal/issue\","
                + "\"tool_call_id\":\"tc_10\"}"));
        assertThat(s.executeAsync("nuvem-fiscal/issue", Map.of()).get(5, TimeUnit.SECONDS).toolCallId())
                .as("never asked about nuvem-fiscal: its state is unknown, so no blame").isEqualTo("tc_10");
        server.enqueue(json("{\"success\":false,\"error\":\"Tool not registered: codespar_shop\"}"));
        ToolResult unimplemented = s.execute("codespar_shop", Map.of());
        assertThat(unimplemented.success()).as("a meta-tool the deployment lacks stays a result").isFalse();
        assertThat(unimplemented.error()).startsWith("Tool not registered");
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    /** The latest connections answer listed zoop as pending: that is the session's own state, so it is thrown. */
    @Test
    void executeThrowsNotConnectedWhenTheLatestConnectionsAnswerHasTheServerPending() throws Exception {
        Session s = Fixtures.session(client, server);
        server.enqueue(json(PENDING));
        s.connections();
        server.enqueue(json("{\"success\":false,\"error\":\"mcp.unknown_server: zoop\",\"tool_call_id\":\"tc_3\"}")
                .setHeader("X-Request-Id", "req_pending"));
        assertThatThrownBy(() -> s.executeAsync("zoop/charge", Map.of()).join())
                .cause().isInstanceOfSatisfying(NotConnectedError.class, e -> {
                    assertThat(e.getPendingServers()).containsExactly("zoop");
                    assertThat(e.getRequestId()).isEqualTo("req_pending");
                    assertThat(e.getToolCallId()).isEqualTo("tc_3");
                    assertThat(e.getMessage()).contains("not connected yet");
                });
    }

    /** A name with an empty or blank part around a '/' never reaches the server, which would read another name. */
    @Test
    void malformedServerToolNamesAreRefusedBeforeTheNetwork() throws Exception {
        Session s = Fixtures.session(client, server);
        for (String bad : new String[] {"asaas/", "/x", "a//b", " /x", "asaas/ ", "a/b/"}) {
            assertThatThrownBy(() -> s.execute(bad, Map.of())).as(bad)
                    .isInstanceOfSatisfying(InvalidRequestError.class, e -> {
                        assertThat(e.getMessage()).contains("is not a server/tool name");
                        assertThat(e.getAttempts()).isZero();
                    });
            assertThat(s.executeAsync(bad, Map.of())).as(bad).isCompletedExceptionally();
        }
        server.enqueue(json("{\"success\":true,\"data\":{}}"));
        assertThat(s.execute("nuvem-fiscal/nfse/issue", Map.of()).success()).as("more parts are fine").isTrue();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }
}
