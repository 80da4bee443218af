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
                    assertThat(e.getSession()).containsSame(s);
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
                    assertThat(e.getSession()).get().extracting(Session::getUserId).isEqualTo("user_123");
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

    @Test
    void executeThrowsNotConnectedWhenTheToolsServerIsNotThere() throws Exception {
        Session s = Fixtures.session(client, server);
        server.enqueue(json("{\"success\":false,\"data\":null,\"error\":\"Tool not registered: asaas/create_payment\","
                + "\"duration\":1,\"server\":\"oss-runtime\",\"tool\":\"asaas/create_payment\"}")
                .setHeader("X-Request-Id", "req_nr"));
        server.enqueue(json("{\"success\":false,\"error\":\"mcp.unknown_server: zoop\"}"));
        server.enqueue(json("{\"success\":false,\"error\":\"Tool not registered: codespar_shop\"}"));
        assertThatThrownBy(() -> s.execute("asaas/create_payment", Map.of()))
                .isInstanceOfSatisfying(NotConnectedError.class, e -> {
                    assertThat(e.getPendingServers()).containsExactly("asaas");
                    assertThat(e.getSession()).containsSame(s);
                    assertThat(e.getMessage()).contains("Tool not registered").contains("req_nr");
                });
        assertThatThrownBy(() -> s.executeAsync("zoop/charge", Map.of()).join())
                .hasCauseInstanceOf(NotConnectedError.class);
        ToolResult unimplemented = s.execute("codespar_shop", Map.of());
        assertThat(unimplemented.success()).as("a meta-tool the deployment lacks stays a result").isFalse();
        assertThat(unimplemented.error()).startsWith("Tool not registered");
    }
}
