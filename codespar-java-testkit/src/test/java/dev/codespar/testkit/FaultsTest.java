package dev.codespar.testkit;

import static dev.codespar.testkit.SessionsTest.catchApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.ToolResult;
import dev.codespar.errors.ApiError;
import dev.codespar.errors.NetworkError;
import dev.codespar.errors.ProviderError;
import dev.codespar.errors.TimeoutError;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transport faults on JSON answers, through the SDK and raw OkHttp. */
class FaultsTest {

    private static final Map<String, Object> PAY = Inputs.PAY;

    private FakeCodeSpar fake;
    private CodeSparClient client;
    private Raw raw;
    private Session session;

    @BeforeEach
    void start() {
        fake = FakeCodeSpar.start();
        client = fake.clientBuilder().timeout(Duration.ofSeconds(5)).build();
        raw = new Raw(fake);
        session = client.create("user_1", SessionConfig.builder().servers("asaas").build());
    }

    @AfterEach
    void stop() {
        raw.close();
        client.close();
        fake.close();
    }

    private int toolCalls() {
        return raw.get("/v1/sessions/" + session.getId()).json().get("tool_calls_count").asInt();
    }

    @Test
    void aDisconnectBeforeTheAnswerLosesIt() {
        fake.injectNext(Fault.DISCONNECT_BEFORE_RESPONSE).onTool("codespar_pay");

        ApiError e = catchApi(() -> session.execute("codespar_pay", PAY));

        assertThat(e).isExactlyInstanceOf(NetworkError.class);
        assertThat(((NetworkError) e).wasRequestSent()).isTrue();
        assertThat(e.getAttempts()).isEqualTo(1);
        RecordedCall call = fake.journal().executions("codespar_pay").get(0);
        assertThat(call.status()).isZero();
        assertThat(call.fault()).isEqualTo(Fault.DISCONNECT_BEFORE_RESPONSE);
        assertThat(toolCalls()).as("the payment was made, only the answer was lost").isEqualTo(1);
    }

    @Test
    void beforeProcessingTheDisconnectLeavesNoTrace() {
        fake.injectNext(Fault.DISCONNECT_BEFORE_RESPONSE).onTool("codespar_pay").beforeProcessing();

        catchApi(() -> session.execute("codespar_pay", PAY));

        assertThat(toolCalls()).isZero();
    }

    @Test
    void aDroppedDeleteIsRetriedAndTheRetryFindsTheSessionClosed() throws Exception {
        fake.injectNext(Fault.DISCONNECT_BEFORE_RESPONSE).onMethod("DELETE");

        session.closeAsync().get(5, TimeUnit.SECONDS);

        assertThat(fake.journal().calls("DELETE", "/v1/sessions/*")).extracting(RecordedCall::status)
                .containsExactly(0, 404);
        assertThat(fake.session(session.getId()).orElseThrow().status()).isEqualTo("closed");
    }

    @Test
    void aDeleteDroppedBeforeProcessingIsRetriedAndCloses() throws Exception {
        fake.injectNext(Fault.DISCONNECT_BEFORE_RESPONSE).onMethod("DELETE").beforeProcessing();

        session.closeAsync().get(5, TimeUnit.SECONDS);

        assertThat(fake.journal().calls("DELETE", "/v1/sessions/*")).extracting(RecordedCall::status)
                .containsExactly(0, 204);
    }

    @Test
    void aDisconnectMidBodyIsANetworkError() {
        fake.injectNext(Fault.DISCONNECT_MID_BODY).onTool("codespar_pay");

        ApiError e = catchApi(() -> session.execute("codespar_pay", PAY));

        assertThat(e).isInstanceOf(NetworkError.class);
        assertThat(fake.journal().last().status()).isEqualTo(200);
        assertThat(fake.journal().last().fault()).isEqualTo(Fault.DISCONNECT_MID_BODY);
    }

    @Test
    void aStallEndsInTheClientsTimeout() {
        fake.injectNext(Fault.STALL).onTool("codespar_pay");
        try (CodeSparClient impatient = fake.clientBuilder().timeout(Duration.ofMillis(300)).build()) {
            Session s = impatient.create("user_1", SessionConfig.builder().servers("asaas").build());

            ApiError e = catchApi(() -> s.execute("codespar_pay", PAY));

            assertThat(e).isInstanceOf(TimeoutError.class);
            assertThat(e.getAttempts()).isEqualTo(1);
        }
    }

    @Test
    void aSlowDripStillDeliversTheWholeAnswer() {
        fake.injectNext(Fault.SLOW_DRIP).onTool("codespar_pay").drip(64, Duration.ofMillis(5));

        ToolResult r = session.execute("codespar_pay", PAY);

        assertThat(r.success()).isTrue();
        assertThat(fake.journal().last().fault()).isEqualTo(Fault.SLOW_DRIP);
    }

    @Test
    void aSlowDripOutlastsAShortTimeout() {
        fake.injectNext(Fault.SLOW_DRIP).onTool("codespar_pay").drip(1, Duration.ofMillis(100));
        try (CodeSparClient impatient = fake.clientBuilder().timeout(Duration.ofMillis(300)).build()) {
            Session s = impatient.create("user_1", SessionConfig.builder().servers("asaas").build());

            assertThat(catchApi(() -> s.execute("codespar_pay", PAY))).isInstanceOf(TimeoutError.class);
        }
    }

    @Test
    void aTruncatedJsonBodyIsWellFramedButMalformed() throws IOException {
        fake.injectNext(Fault.TRUNCATE_STREAM).onTool("codespar_pay");

        try (Response r = raw.open(raw.request("/v1/sessions/" + session.getId() + "/execute")
                .post(okhttp3.RequestBody.create(SessionsTest.G3_PAY, okhttp3.MediaType.get("application/json")))
                .build())) {
            String body = r.body().string();
            assertThat(r.code()).isEqualTo(200);
            assertThat(Long.parseLong(r.header("Content-Length"))).isEqualTo(body.length());
            assertThat(body).startsWith("{\"success\":true");
            assertThatThrownBy(() -> Raw.JSON.readTree(body)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void anHtmlBadGatewayIsAProviderErrorTheSdkRetries() {
        fake.injectNext(Fault.HTML_502).onTool("codespar_pay");

        ToolResult r = session.execute("codespar_pay", PAY);

        assertThat(r.success()).isTrue();
        assertThat(fake.journal().executions("codespar_pay")).extracting(RecordedCall::status)
                .containsExactly(502, 200);
        assertThat(toolCalls()).as("the proxy answered, the API did no work").isEqualTo(1);
    }

    @Test
    void anHtmlBadGatewayWithoutRetriesSaysTheBodyWasNotJson() {
        fake.injectNext(Fault.HTML_502);
        try (CodeSparClient once = fake.clientBuilder().maxRetries(0).build()) {
            ApiError e = catchApi(() -> once.create("user_1", SessionConfig.builder().servers("asaas").build()));

            assertThat(e).isExactlyInstanceOf(ProviderError.class);
            assertThat(e.getStatus()).isEqualTo(502);
            assertThat(e.getCode()).isNull();
            assertThat(e.getServerMessage()).contains("not a JSON envelope").contains("502 Bad Gateway");
        }
        Raw.Reply page = raw.get("/v1/sessions/" + session.getId());
        assertThat(page.code()).isEqualTo(200);
    }

    @Test
    void faultsCountLikeErrors() {
        fake.injectTimes(2, Fault.HTML_502).onTool("codespar_pay");
        try (CodeSparClient once = fake.clientBuilder().maxRetries(0).build()) {
            Session s = once.create("user_1", SessionConfig.builder().servers("asaas").build());
            assertThat(catchApi(() -> s.execute("codespar_pay", PAY))).isInstanceOf(ProviderError.class);
            assertThat(catchApi(() -> s.execute("codespar_pay", PAY))).isInstanceOf(ProviderError.class);
            assertThat(s.execute("codespar_pay", PAY).success()).isTrue();
        }
    }
}
