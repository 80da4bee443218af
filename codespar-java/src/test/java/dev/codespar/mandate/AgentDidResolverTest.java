package dev.codespar.mandate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codespar.mandate.DidResolutionException.Reason;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The online helper: one unauthenticated GET per call, exact path, every answer closed, typed errors. */
class AgentDidResolverTest {

    private static final String DID = "did:web:id.codespar.dev:org_demo:a1";
    private static final String KID = DID + "#1";
    private static final String PATH = "/v1/agents/did%3Aweb%3Aid.codespar.dev%3Aorg_demo%3Aa1/did.json";

    private MockWebServer server;
    private ConnectionPool pool;
    private OkHttpClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        pool = new ConnectionPool();
        client = new OkHttpClient.Builder()
                .connectionPool(pool)
                .retryOnConnectionFailure(false)
                .readTimeout(5, TimeUnit.SECONDS)
                // What an SDK client carries: it must never reach the document route.
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("Authorization", "Bearer csk_test_must_not_leak")
                        .build()))
                .build();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
        client.dispatcher().executorService().shutdown();
        pool.evictAll();
    }

    private AgentDidResolver resolver() {
        return new AgentDidResolver(client, server.url("/").toString());
    }

    private static MockResponse document(String json) {
        return new MockResponse().setHeader("Content-Type", "application/did+json").setBody(json);
    }

    @Test
    void oneUnauthenticatedGetToTheEncodedPathWithTheDidAcceptHeader() throws Exception {
        server.enqueue(document(DidDocumentsTest.agentDocument()));

        byte[] key = resolver().publicKey(KID);

        assertThat(key).isEqualTo(MandateFixture.agentKey());
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getPath()).isEqualTo(PATH);
        assertThat(request.getHeader("Accept")).isEqualTo("application/did+json, application/json");
        assertThat(request.getHeader("Authorization")).isNull();
        assertThat(request.getBodySize()).isZero();
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertNoConnectionInUse();
    }

    @Test
    void theResolvedKeyVerifiesTheGoldenToken() {
        server.enqueue(document(DidDocumentsTest.agentDocument()));
        Mandate mandate = Mandates.decode(MandateFixture.goldenToken());

        byte[] agentKey = resolver().publicKey(mandate.keyId().orElseThrow());
        MandateVerification check = Mandates.verify(mandate, MandateKeys.of(agentKey, MandateFixture.issuerKey()));

        assertThat(check.agent().status()).isEqualTo(SignatureStatus.VERIFIED);
        assertThat(check.verified()).isTrue();
    }

    @Test
    void aBaseUrlWithAPathAndATrailingSlashKeepsThePath() throws Exception {
        server.enqueue(document("{}"));
        AgentDidResolver resolver = new AgentDidResolver(client, server.url("/api/").toString());

        assertThat(resolver.documentUrl(DID)).isEqualTo(server.url("/api" + PATH).toString());
        assertThat(resolver.keys(DID)).isEmpty();
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getPath()).isEqualTo("/api" + PATH);
    }

    @Test
    void fetchDocumentReturnsTheBodyTextAndKeysReadsEveryEd25519Key() throws Exception {
        server.enqueue(document(DidDocumentsTest.agentDocument()));
        server.enqueue(document(DidDocumentsTest.agentDocument()));

        assertThat(resolver().fetchDocument(DID)).isEqualTo(DidDocumentsTest.agentDocument());
        assertThat(resolver().keys(DID)).extracting(DidKey::id).containsExactly(KID, DID + "#2");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertNoConnectionInUse();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 404, 500, 503})
    void aNon2xxAnswerIsHttpStatusWithTheStatusAndRequestIdAndIsNotRetried(int status) {
        server.enqueue(new MockResponse().setResponseCode(status).setHeader("X-Request-Id", "req_did_1")
                .setBody("{\"error\":\"not_found\"}"));

        assertThatThrownBy(() -> resolver().publicKey(KID))
                .isInstanceOfSatisfying(DidResolutionException.class, e -> {
                    assertThat(e.getReason()).isEqualTo(Reason.HTTP_STATUS);
                    assertThat(e.getStatus()).isEqualTo(status);
                    assertThat(e.getRequestId()).contains("req_did_1");
                    assertThat(e.getDid()).isEqualTo(DID);
                    assertThat(e.getMessage()).isEqualTo("GET " + server.url(PATH) + " answered HTTP " + status
                            + " [request_id=req_did_1]");
                })
                .isInstanceOf(IllegalStateException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertNoConnectionInUse();
    }

    @Test
    void aDocumentOverTheLimitIsTooLargeWithOrWithoutContentLength() {
        String big = "{\"pad\":\"" + "x".repeat((int) AgentDidResolver.MAX_DOCUMENT_BYTES) + "\"}";
        server.enqueue(document(big));
        server.enqueue(new MockResponse().setChunkedBody(big, 8192));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> resolver().fetchDocument(DID))
                    .isInstanceOfSatisfying(DidResolutionException.class,
                            e -> assertThat(e.getReason()).isEqualTo(Reason.TOO_LARGE));
        }
        assertNoConnectionInUse();
    }

    @Test
    void aDocumentAtTheLimitIsRead() {
        int filler = (int) AgentDidResolver.MAX_DOCUMENT_BYTES - "{\"pad\":\"\"}".length();
        server.enqueue(new MockResponse().setChunkedBody("{\"pad\":\"" + "x".repeat(filler) + "\"}", 4096));

        assertThat(resolver().fetchDocument(DID)).hasSize((int) AgentDidResolver.MAX_DOCUMENT_BYTES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<html>502</html>", "[]", "{\"a\":1} trailing"})
    void aBodyThatIsNotAJsonObjectIsInvalidDocument(String body) {
        server.enqueue(document(body));

        assertThatThrownBy(() -> resolver().fetchDocument(DID))
                .isInstanceOfSatisfying(DidResolutionException.class, e -> {
                    assertThat(e.getReason()).isEqualTo(Reason.INVALID_DOCUMENT);
                    assertThat(e.getStatus()).isEqualTo(200);
                });
    }

    @Test
    void aDocumentWithoutTheKeyIdIsKeyNotFound() {
        server.enqueue(document(DidDocumentsTest.agentDocument()).setHeader("X-Request-Id", "req_2"));

        assertThatThrownBy(() -> resolver().publicKey(DID + "#9"))
                .isInstanceOfSatisfying(DidResolutionException.class, e -> {
                    assertThat(e.getReason()).isEqualTo(Reason.KEY_NOT_FOUND);
                    assertThat(e.getStatus()).isEqualTo(200);
                    assertThat(e.getRequestId()).contains("req_2");
                    assertThat(e.getMessage()).contains(DID + "#9");
                });
    }

    @Test
    void noAnswerIsNetwork() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));

        assertThatThrownBy(() -> resolver().fetchDocument(DID))
                .isInstanceOfSatisfying(DidResolutionException.class, e -> {
                    assertThat(e.getReason()).isEqualTo(Reason.NETWORK);
                    assertThat(e.getStatus()).isZero();
                    assertThat(e.getCause()).isInstanceOf(IOException.class);
                });
    }

    @Test
    void badArgumentsAreRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> resolver().fetchDocument(KID)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> resolver().publicKey("not a did#1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(resolver().fetchDocumentAsync("nope")).isCompletedExceptionally();
        assertThat(resolver().publicKeyAsync(null)).isCompletedExceptionally();
        assertThatThrownBy(() -> new AgentDidResolver(client, "http://api.codespar.dev"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be https");
        assertThatThrownBy(() -> new AgentDidResolver(client, "ftp://api.codespar.dev"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AgentDidResolver(client, "https://api.codespar.dev/?x=1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new AgentDidResolver(client, "https://api.codespar.dev/").documentUrl(DID))
                .isEqualTo("https://api.codespar.dev" + PATH);
        assertThat(new AgentDidResolver(client, "http://127.0.0.1:9/").documentUrl(DID))
                .isEqualTo("http://127.0.0.1:9" + PATH);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theAsyncFormsResolveOnTheDispatcherAndFailWithTheSameTypedErrors() throws Exception {
        server.enqueue(document(DidDocumentsTest.agentDocument()));
        server.enqueue(new MockResponse().setResponseCode(404));

        CompletableFuture<byte[]> key = resolver().publicKeyAsync(KID);
        assertThat(key.get(5, TimeUnit.SECONDS)).isEqualTo(MandateFixture.agentKey());
        CompletableFuture<String> missing = resolver().fetchDocumentAsync(DID);
        assertThatThrownBy(() -> missing.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(DidResolutionException.class,
                        e -> assertThat(e.getStatus()).isEqualTo(404));
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeader("Authorization")).isNull();
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeader("Authorization")).isNull();
    }

    @ParameterizedTest(name = "publicKeyAsync: {0}")
    @ValueSource(booleans = {false, true})
    void cancellingTheFutureCancelsTheCall(boolean publicKey) throws Exception {
        CountDownLatch received = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch canceled = new CountDownLatch(1);
        // The server holds the answer until the test releases it, so the call is in flight when it is cancelled.
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                received.countDown();
                release.await(10, TimeUnit.SECONDS);
                return document("{}");
            }
        });
        OkHttpClient watched = client.newBuilder().eventListener(new EventListener() {
            @Override
            public void canceled(Call call) {
                canceled.countDown();
            }
        }).build();
        AgentDidResolver resolver = new AgentDidResolver(watched, server.url("/").toString());

        CompletableFuture<?> pending = publicKey ? resolver.publicKeyAsync(KID) : resolver.fetchDocumentAsync(DID);
        try {
            assertThat(received.await(5, TimeUnit.SECONDS)).isTrue();
            pending.cancel(true);

            assertThat(canceled.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(pending).isCancelled();
        } finally {
            release.countDown();
        }
    }

    @Test
    void theCallersClientIsNotModified() {
        int interceptors = client.interceptors().size();
        int networkInterceptors = client.networkInterceptors().size();

        resolver();

        assertThat(client.interceptors()).hasSize(interceptors);
        assertThat(client.networkInterceptors()).hasSize(networkInterceptors);
    }

    private void assertNoConnectionInUse() {
        assertThat(pool.connectionCount() - pool.idleConnectionCount()).as("connections still in use").isZero();
    }
}
