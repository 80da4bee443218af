package dev.codespar.examples;

import dev.codespar.ConnectLink;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.ToolResult;
import dev.codespar.errors.NeedsConnectionError;
import dev.codespar.errors.NotConnectedError;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * Call a provider tool that needs the user's own account: send them the {@code connect_url} of
 * {@link NeedsConnectionError}, wait until the connection is up, then call the tool again. A test-mode server asks
 * for no connection: it answers the tool from the session's mock, and the example says so.
 */
public final class ConnectAndRetryExample {

    private static final String TOOL = TestMode.PIX_TOOL;

    private ConnectAndRetryExample() {}

    /**
     * Runs the example.
     *
     * @param example the client and what kind of server is behind it
     * @param out where to report (stands in for the chat with the user)
     * @return 0 when the payment was created, 1 when it was refused or the user never connected
     */
    public static int run(ExampleClient example, PrintStream out) {
        // without a key, the fake has not connected asaas for this user yet; it connects while the example waits
        example.fake().ifPresent(fake -> fake.requireConnection("asaas"));
        SessionConfig.Builder config = SessionConfig.builder().servers("asaas");
        if (example.answersFromMocks()) {
            config.mocks(TestMode.mocks(TOOL));
        }
        try (Session session = example.client().create("user_123", config.build())) {
            Map<String, Object> input = Map.of("customer", "cus_1", "billingType", "PIX", "value", 10);
            ToolResult result;
            try {
                result = session.execute(TOOL, input);
            } catch (NeedsConnectionError e) {
                out.println("Please connect your Asaas account: " + e.getConnectUrl());
                // or mint a link of your own that brings the user back to your app
                ConnectLink link = session.authorize("asaas", "https://app.example.com/connected");
                out.println("(or " + link.authorizeUrl() + ", valid until " + link.expiresAt() + ")");
                try {
                    session.waitForConnections(Duration.ofMinutes(5));
                } catch (NotConnectedError stillPending) {
                    out.println("still not connected: " + stillPending.getPendingServers());
                    return 1;
                }
                out.println("connected; calling the tool again");
                result = session.execute(TOOL, input);
            }
            if (!result.success()) {
                out.println("tool refused: " + result.error());
                return 1;
            }
            out.println("payment created: " + result.data().path("id").asText() + TestMode.mockNote(result));
            if (example.answersFromMocks()) {
                out.println("(test mode: the server asked for no connection; against a live project a new user is"
                        + " first answered needs_connection with a connect_url)");
            }
            // agent frameworks that speak MCP can call the same tools here (the headers carry the key: never log them)
            out.println("MCP endpoint: " + session.mcp().url());
        }
        return 0;
    }

    /**
     * Runs the example against the API configured by {@link ExampleSupport#testClient()}.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        ExampleSupport.exit(ExampleSupport.run(System::getenv, true, "ConnectAndRetryExample",
                ConnectAndRetryExample::run, System.out));
    }
}
