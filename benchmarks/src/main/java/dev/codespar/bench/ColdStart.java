package dev.codespar.bench;

import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.ToolResult;

/**
 * Benchmark 7, one side in a fresh JVM: builds a client and makes the first {@code create} + {@code execute}, then
 * prints the elapsed milliseconds since {@code main} started ({@code cold <side> <ms>}). The parent
 * ({@link BenchSuite}) forks many of these, alternating the SDK and the raw side.
 */
public final class ColdStart {

    private ColdStart() {}

    /**
     * Entry point.
     *
     * @param args {@code sdk|raw <baseUrl>}
     * @throws Exception when the call fails
     */
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        String side = args[0];
        String baseUrl = args[1];
        String check;
        if (side.equals("sdk")) {
            try (CodeSparClient client = CodeSparClient.builder().apiKey(Fixtures.API_KEY).baseUrl(baseUrl).build()) {
                Session session = client.create(Fixtures.USER_ID,
                        SessionConfig.builder().servers(Fixtures.SERVERS.toArray(String[]::new)).build());
                ToolResult result = session.execute(Fixtures.TOOL, Fixtures.toolInput());
                check = result.toolCallId();
            }
        } else {
            try (RawClient client = new RawClient(baseUrl)) {
                RawClient.RawSession session = client.create(Fixtures.USER_ID, Fixtures.SERVERS);
                check = client.execute(session.id(), Fixtures.TOOL, Fixtures.toolInput()).value().toolCallId();
            }
        }
        long elapsed = System.nanoTime() - start;
        if (!"tc_01HZX3KQ7W".equals(check)) {
            throw new IllegalStateException("unexpected answer " + check);
        }
        System.out.println("cold " + side + " " + elapsed / 1_000 / 1000.0);
    }
}
