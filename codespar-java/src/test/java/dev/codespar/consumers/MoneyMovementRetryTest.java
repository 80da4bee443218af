package dev.codespar.consumers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.codespar.CodeSparClient;
import dev.codespar.FakeTiming;
import dev.codespar.TestSupport;
import dev.codespar.errors.ApiError;
import dev.codespar.errors.GatewayTimeoutError;
import dev.codespar.errors.InternalServerError;
import dev.codespar.errors.NetworkError;
import dev.codespar.errors.QuotaExceededError;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A spend and an executed transfer are sent again only when the server provably did nothing (429 except
 * {@code quota_exceeded}, 502, 503, a request that never left), never once they may have been processed (a reset
 * after the request was written, 504, 500), not even with the client's retry opt-ins. Each test counts the requests
 * the server received, with a success queued behind the failure to catch any re-send.
 */
class MoneyMovementRetryTest {

    private static final String RECEIPT = "{\"transaction_id\":\"txn_1\",\"status\":\"settled\",\"amount_minor\":2500}";
    private static final String SPEND_BODY =
            "{\"amount_minor\":2500,\"payee\":\"pix:mercado@example.com\",\"agent_id\":\"agent_1\"}";
    private static final SpendParams SPEND = SpendParams.of(2_500, "pix:mercado@example.com", "agent_1");
    private static final TransferParams EXECUTED = TransferParams.builder().from("BRL").to("USDC").amountMinor(10_000)
            .execute().build();
    private static final TransferParams PLANNED = TransferParams.builder().from("BRL").to("USDC").amountMinor(10_000)
            .build();

    private final MockWebServer server = new MockWebServer();
    private final FakeTiming timing = new FakeTiming();
    private CodeSparClient client;

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        if (client != null) {
            client.close();
        }
        server.shutdown();
    }

    /** A client with two retries and, when asked, both opt-ins that make a POST's 504 and 500 retryable. */
    private ConsumerService consumers(boolean optIns) {
        client = TestSupport.builder(server, timing).maxRetries(2)
                .retryPostOnGatewayTimeout(optIns).retryOnInternalError(optIns).build();
        return client.consumers();
    }

    private static MockResponse error(int status, String code) {
        return TestSupport.json(status, "{\"error\":\"" + code + "\",\"message\":\"" + code + "\"}");
    }

    private void thenSuccess(String body) {
        server.enqueue(TestSupport.json(200, body));
    }

    @Test
    void aSpendWhoseConnectionIsResetAfterTheRequestIsSentOnce() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        thenSuccess(RECEIPT);

        NetworkError e = catchThrowableOfType(() -> consumers(true).spend("mnd_1", SPEND), NetworkError.class);

        assertThat(e.wasRequestSent()).isTrue();
        assertThat(e.mayHaveBeenProcessed()).isTrue();
        assertThat(e.getAttempts()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(timing.waits()).isEmpty();
    }

    @Test
    void aSpendAnswered504IsSentOnceEvenWithTheGatewayTimeoutOptIn() {
        server.enqueue(error(504, "gateway_timeout"));
        thenSuccess(RECEIPT);

        GatewayTimeoutError e = catchThrowableOfType(() -> consumers(true).spend("mnd_1", SPEND),
                GatewayTimeoutError.class);

        assertThat(e.mayHaveBeenProcessed()).isTrue();
        assertThat(e.getAttempts()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aSpendAnswered500IsSentOnceEvenWithTheInternalErrorOptIn() {
        server.enqueue(error(500, "internal_error"));
        thenSuccess(RECEIPT);

        InternalServerError e = catchThrowableOfType(() -> consumers(true).spend("mnd_1", SPEND),
                InternalServerError.class);

        assertThat(e.mayHaveBeenProcessed()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aSpendAnswered503IsSentAgainWithTheSameBytes() throws InterruptedException {
        server.enqueue(error(503, "service_unavailable").setHeader("Retry-After", "1"));
        thenSuccess(RECEIPT);

        SpendReceipt r = consumers(false).spend("mnd_1", SPEND);

        assertThat(r.transactionId()).isEqualTo("txn_1");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(bodyOfNext()).isEqualTo(SPEND_BODY);
        assertThat(bodyOfNext()).isEqualTo(SPEND_BODY);
        assertThat(timing.waits()).hasSize(1);
    }

    @Test
    void aSpendAnswered429RateLimitedIsSentAgain() {
        server.enqueue(error(429, "rate_limited").setHeader("Retry-After", "0"));
        thenSuccess(RECEIPT);

        consumers(false).spend("mnd_1", SPEND);

        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aSpendAnswered502IsSentAgain() {
        server.enqueue(error(502, "provider_error"));
        thenSuccess(RECEIPT);

        consumers(false).spend("mnd_1", SPEND);

        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aSpendOverQuotaIsSentOnce() {
        server.enqueue(error(429, "quota_exceeded"));
        thenSuccess(RECEIPT);

        QuotaExceededError e = catchThrowableOfType(() -> consumers(true).spend("mnd_1", SPEND),
                QuotaExceededError.class);

        assertThat(e.mayHaveBeenProcessed()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aSpendThatNeverReachedTheServerIsRetried() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        client = CodeSparClient.builder().apiKey(TestSupport.KEY).baseUrl("http://127.0.0.1:" + closedPort)
                .maxRetries(2).build();

        NetworkError e = catchThrowableOfType(() -> client.consumers().spend("mnd_1", SPEND), NetworkError.class);

        assertThat(e.wasRequestSent()).isFalse();
        assertThat(e.mayHaveBeenProcessed()).isFalse();
        assertThat(e.getAttempts()).as("the first try and both retries").isEqualTo(3);
    }

    @Test
    void anAsyncSpendAnswered504IsSentOnce() {
        server.enqueue(error(504, "gateway_timeout"));
        thenSuccess(RECEIPT);

        Throwable t = catchThrowable(() -> consumers(true).spendAsync("mnd_1", SPEND).get(5, TimeUnit.SECONDS));

        assertThat(t).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(GatewayTimeoutError.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anAsyncSpendWhoseConnectionIsResetIsSentOnce() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        thenSuccess(RECEIPT);

        Throwable t = catchThrowable(() -> consumers(true).spendAsync("mnd_1", SPEND).get(5, TimeUnit.SECONDS));

        assertThat(t.getCause()).isInstanceOf(NetworkError.class);
        assertThat(((NetworkError) t.getCause()).wasRequestSent()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anExecutedTransferIsSentOnceAfter504And500AndAReset() {
        ConsumerService consumers = consumers(true);
        for (MockResponse failure : new MockResponse[] {error(504, "gateway_timeout"), error(500, "internal_error"),
            new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST)}) {
            int before = server.getRequestCount();
            server.enqueue(failure);
            ApiError e = catchThrowableOfType(() -> consumers.transfer("cons_ana", EXECUTED), ApiError.class);
            assertThat(e.mayHaveBeenProcessed()).isTrue();
            assertThat(server.getRequestCount() - before).as("requests for " + e.getCode()).isEqualTo(1);
        }
    }

    @Test
    void anExecutedTransferAnswered503IsSentAgain() {
        server.enqueue(error(503, "service_unavailable"));
        thenSuccess("{\"executed\":true,\"transaction_id\":\"txn_2\"}");

        TransferResult t = consumers(false).transfer("cons_ana", EXECUTED);

        assertThat(t.transactionId()).isEqualTo("txn_2");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aTransferPlanMovesNothingSoTheOptInRetriesIts504() {
        server.enqueue(error(504, "gateway_timeout"));
        thenSuccess("{\"executed\":false,\"route\":\"onramp\"}");

        TransferResult t = consumers(true).transfer("cons_ana", PLANNED);

        assertThat(t.route()).isEqualTo("onramp");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void withoutTheOptInAPlanAnswered504IsNotRetriedEither() {
        server.enqueue(error(504, "gateway_timeout"));
        thenSuccess("{}");

        catchThrowableOfType(() -> consumers(false).transfer("cons_ana", PLANNED), GatewayTimeoutError.class);

        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void readingTheWalletIsRetriedAfterA504AndAReset() {
        ConsumerService consumers = consumers(false);
        server.enqueue(error(504, "gateway_timeout"));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        thenSuccess("{\"consumer_id\":\"cons_ana\",\"currencies\":[]}");

        assertThat(consumers.wallet("cons_ana").consumerId()).isEqualTo("cons_ana");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    private String bodyOfNext() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r).isNotNull();
        return r.getBody().readUtf8();
    }
}
