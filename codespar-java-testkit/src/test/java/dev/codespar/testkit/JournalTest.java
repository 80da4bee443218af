package dev.codespar.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request journal. */
class JournalTest {

    private FakeCodeSpar fake;
    private CodeSparClient client;
    private Session session;

    @BeforeEach
    void start() {
        fake = FakeCodeSpar.start();
        client = fake.client();
        session = client.create("user_1", SessionConfig.builder().servers("asaas").build());
    }

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    @Test
    void recordsMethodPathHeadersAndBody() {
        session.execute("codespar_pay", Inputs.PAY);

        RecordedCall call = fake.journal().assertExecutedOnce("codespar_pay");
        assertThat(call.sequence()).isEqualTo(2);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/v1/sessions/" + session.getId() + "/execute");
        assertThat(call.tool()).isEqualTo("codespar_pay");
        assertThat(call.json().get("input").get("amount").asInt()).isEqualTo(1000);
        assertThat(call.header("content-type")).startsWith("application/json");
        assertThat(call.header("User-Agent")).startsWith("codespar-java/");
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.succeeded()).isTrue();
        assertThat(call.injected()).isFalse();
        assertThat(call.receivedAt()).isNotNull();
    }

    @Test
    void theKeyIsMaskedEverywhere() {
        RecordedCall call = fake.journal().last();

        assertThat(call.header("Authorization")).isEqualTo("Bearer csk_test_\u2026****");
        assertThat(call.toString()).doesNotContain(fake.apiKey());
        assertThat(call.headers().toString()).doesNotContain(fake.apiKey());
        assertThat(fake.journal().describe()).doesNotContain(fake.apiKey());
        try (Raw raw = new Raw(fake)) {
            for (String auth : new String[] {"Bearer csk_live_secret", "Bearer csk_other", "Basic dXNlcjpwYXNz"}) {
                assertThat(raw.call(new okhttp3.Request.Builder().url(fake.url("/v1/sessions"))
                        .header("Authorization", auth).get().build()).code()).isEqualTo(401);
            }
        }
        assertThat(fake.journal().all().subList(fake.journal().size() - 3, fake.journal().size()))
                .extracting(c -> c.header("Authorization"))
                .containsExactly("Bearer csk_live_\u2026****", "Bearer csk_\u2026****", "****");
        assertThat(fake.journal().describe()).doesNotContain("secret").doesNotContain("dXNlcjpwYXNz");
    }

    @Test
    void filtersByMethodAndPath() {
        session.execute("codespar_pay", Inputs.pay(1));
        session.close();

        assertThat(fake.journal().calls("post", "/v1/sessions")).hasSize(1);
        assertThat(fake.journal().calls("POST", "/v1/sessions/*/execute")).hasSize(1);
        assertThat(fake.journal().calls("DELETE", "/v1/**")).hasSize(1);
        assertThat(fake.journal().filter(c -> c.status() == 204)).hasSize(1);
        assertThat(fake.journal().executions("codespar_ship")).isEmpty();
    }

    @Test
    void assertionsListTheJournalWhenTheyFail() {
        fake.journal().assertNotExecuted("codespar_pay");

        assertThatThrownBy(() -> fake.journal().assertExecutedOnce("codespar_pay"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected codespar_pay to be executed 1 time(s), but it was executed 0 time(s)")
                .hasMessageContaining("#1 POST /v1/sessions -> 201");
    }

    @Test
    void awaitWaitsForAsynchronousRequests() throws Exception {
        session.executeAsync("codespar_pay", Inputs.pay(1)).get(5, TimeUnit.SECONDS);

        assertThat(fake.journal().await(2, Duration.ofSeconds(5))).hasSize(2);
        assertThatThrownBy(() -> fake.journal().await(3, Duration.ofMillis(20))).isInstanceOf(AssertionError.class);
    }

    @Test
    void clearForgetsTheRequests() {
        fake.journal().clear();

        assertThat(fake.journal().size()).isZero();
        assertThat(fake.journal().describe()).contains("received no request");
        assertThatThrownBy(() -> fake.journal().last()).isInstanceOf(AssertionError.class);
    }
}
