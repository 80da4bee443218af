package dev.codespar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.codespar.errors.NetworkError;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What "the request was sent" means, on a byte-level server: a request counts as sent (and a POST is then never
 * repeated) only once it was written whole; and a POST is never written on a pooled connection that sat idle long
 * enough for the server to have closed it.
 */
class WireTruthTest {

    private static final String SESSION = "{\"id\":\"ses_1\",\"user_id\":\"u\",\"servers\":[\"asaas\"],"
            + "\"status\":\"active\"}";
    private static final String PAID = "{\"success\":true,\"data\":{\"id\":\"pay_1\"},\"error\":null,\"duration\":1,"
            + "\"server\":\"asaas\",\"tool\":\"codespar_pay\",\"tool_call_id\":\"tc_1\"}";

    private static CodeSparClient.Builder client(RawServer server) {
        return CodeSparClient.builder().apiKey(Fixtures.KEY).baseUrl(server.url()).environment(name -> null)
                .timing(new FakeTiming()).timeout(Duration.ofSeconds(10));
    }

    /** Answers every request on a keep-alive connection, and closes it (FIN) once idle past the keep-alive. */
    private static RawServer keepAliveServer(int keepAliveMillis) throws Exception {
        return new RawServer((server, socket, n) -> {
            socket.setSoTimeout(keepAliveMillis);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            try {
                for (RawServer.Request request = server.read(in); request != null; request = server.read(in)) {
                    answer(out, request);
                }
            } catch (SocketTimeoutException idle) {
                // idle past the keep-alive: an orderly close, as Node and gunicorn do
            }
        });
    }

    private static void answer(OutputStream out, RawServer.Request request) throws java.io.IOException {
        boolean create = request.line().startsWith("POST /v1/sessions ");
        RawServer.answer(out, create ? 201 : 200, create ? SESSION : PAID);
    }

    /**
     * The server answers the create, then resets each later request after its first 16 bytes: it never sees an
     * execute's body, nothing can have been processed, the failure says so, and even this POST is retried.
     */
    @Test
    void aResetWhileTheRequestIsStillBeingWrittenIsNotSentAndIsRetried() throws Exception {
        try (RawServer server = new RawServer((s, socket, n) -> {
                    InputStream in = socket.getInputStream();
                    if (n == 1) {
                        answer(socket.getOutputStream(), s.read(in));
                    }
                    in.readNBytes(16);
                    RawServer.reset(socket);
                });
                // the first attempt must reuse the create's connection, however slow the machine
                CodeSparClient client = client(server).maxRetries(2).maxPostConnectionIdle(Duration.ofMinutes(1))
                        .build()) {
            Session session = client.create("u", SessionConfig.builder().servers("asaas").build());
            // larger than what the socket buffers on both sides hold, so the write is still going when the reset lands
            Map<String, Object> input = Map.of("description", "x".repeat(32 * 1024 * 1024));
            NetworkError e = catchThrowableOfType(() -> session.execute("codespar_pay", input), NetworkError.class);
            assertThat(e).isNotNull();
            assertThat(e.wasRequestSent()).as("the body was never written whole").isFalse();
            assertThat(e.getMessage()).contains("the request never reached the server")
                    .doesNotContain("may have processed");
            assertThat(e.getAttempts()).as("a POST that never reached the server is retried").isEqualTo(3);
            assertThat(server.connections()).isEqualTo(3);
            assertThat(server.requests()).as("only the create was read whole").hasSize(1);
        }
    }

    /**
     * A keep-alive server that closes connections idle for 2 s (as gunicorn does; Node waits 5 s). A payment after a
     * 2.5 s pause goes out on a fresh connection and succeeds; with the bound raised past the server's keep-alive,
     * the same payment is written on the closed connection and fails with "may have processed it".
     */
    @Test
    void aPostAfterAPauseLongerThanTheServersKeepAliveGoesOutOnAFreshConnection() throws Exception {
        try (RawServer server = keepAliveServer(2_000)) {
            try (CodeSparClient client = client(server).maxRetries(0).build()) {
                Session session = client.create("u", SessionConfig.builder().servers("asaas").build());
                assertThat(session.execute("codespar_pay", Map.of("amount", 1000)).success()).isTrue();
                assertThat(server.connections()).as("kept alive").isEqualTo(1);
                Thread.sleep(2_500); // the condition under test, not a synchronisation: a pause past the keep-alive
                assertThat(session.execute("codespar_pay", Map.of("amount", 1000)).success()).isTrue();
                assertThat(server.connections()).isEqualTo(2);
                assertThat(server.requests()).extracting(RawServer.Request::line).containsExactly(
                        "POST /v1/sessions HTTP/1.1", "POST /v1/sessions/ses_1/execute HTTP/1.1",
                        "POST /v1/sessions/ses_1/execute HTTP/1.1");
            }
            try (CodeSparClient unguarded = client(server).maxRetries(0)
                    .maxPostConnectionIdle(Duration.ofMinutes(1)).build()) {
                Session session = unguarded.create("u", SessionConfig.builder().servers("asaas").build());
                Thread.sleep(2_500);
                NetworkError e = catchThrowableOfType(() -> session.execute("codespar_pay", Map.of("amount", 1000)),
                        NetworkError.class);
                assertThat(e).as("without the bound the POST is written on the closed connection").isNotNull();
                assertThat(e.wasRequestSent()).isTrue();
                assertThat(e.getMessage()).contains("may have processed it");
            }
        }
    }

    /** Quick calls keep their connection; a bound of zero gives every POST a fresh one. */
    @Test
    void connectionsAreReusedWithinTheBoundAndNotAtAllWithZero() throws Exception {
        try (RawServer server = keepAliveServer(60_000)) {
            try (CodeSparClient client = client(server).maxPostConnectionIdle(Duration.ofMinutes(1)).build()) {
                Session session = client.create("u", SessionConfig.builder().servers("asaas").build());
                for (int i = 0; i < 3; i++) {
                    session.execute("codespar_pay", Map.of("amount", 1000));
                }
                assertThat(server.connections()).isEqualTo(1);
            }
            try (CodeSparClient client = client(server).maxPostConnectionIdle(Duration.ZERO).build()) {
                Session session = client.create("u", SessionConfig.builder().servers("asaas").build());
                session.execute("codespar_pay", Map.of("amount", 1000));
                session.execute("codespar_pay", Map.of("amount", 1000));
                assertThat(server.connections()).isEqualTo(1 + 3);
            }
        }
    }
}
