package dev.codespar.examples;

import dev.codespar.CodeSparClient;
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
 * {@link NeedsConnectionError}, wait until the connection is up, then call the tool again.
 */
public final class ConnectAndRetryExample {

    private ConnectAndRetryExample() {}

    /**
     * Runs the example.
     *
     * @param client the client
     * @param out where to report (stands in for the chat with the user)
     */
    public static void run(CodeSparClient client, PrintStream out) {
        try (Session session = client.create("user_123", SessionConfig.builder().servers("asaas").build())) {
            Map<String, Object> input = Map.of("customer", "cus_1", "billingType", "PIX", "value", 10);
            ToolResult result;
            try {
                result = session.execute("asaas/create_payment", input);
            } catch (NeedsConnectionError e) {
                out.println("Please connect your Asaas account: " + e.getConnectUrl());
                // or mint a link of your own that brings the user back to your app
                ConnectLink link = session.authorize("asaas", "https://app.example.com/connected");
                out.println("(or " + link.authorizeUrl() + ", valid until " + link.expiresAt() + ")");
                try {
                    session.waitForConnections(Duration.ofMinutes(5));
                } catch (NotConnectedError stillPending) {
                    out.println("still not connected: " + stillPending.getPendingServers());
                    return;
                }
                out.println("connected; calling the tool again");
                result = session.execute("asaas/create_payment", input);
            }
            out.println(result.success() ? "payment created: " + result.data().path("id").asText()
                    : "tool refused: " + result.error());
            // agent frameworks that speak MCP can call the same tools here (the headers carry the key: never log them)
            out.println("MCP endpoint: " + session.mcp().url());
        }
    }

    /**
     * Runs the example against the API configured by {@link ExampleSupport#testClient()}.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        try (ExampleClient example = ExampleSupport.testClient()) {
            // without a key, the fake has not connected asaas for this user yet; it connects while the example waits
            example.fake().ifPresent(fake -> fake.requireConnection("asaas"));
            run(example.client(), System.out);
        }
    }
}
