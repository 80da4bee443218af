package dev.codespar.consumers;

import static dev.codespar.consumers.ConsumerServiceTest.PAYEE;
import static dev.codespar.consumers.ConsumerServiceTest.brlIntent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codespar.ManagementFixture;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every asynchronous twin sends what its blocking form sends and reads the same answer. */
class ConsumerAsyncTest {

    private final ManagementFixture api = new ManagementFixture();
    private final ConsumerService consumers = api.client.consumers();

    @AfterEach
    void close() {
        api.close();
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(5, TimeUnit.SECONDS);
    }

    @Test
    void everyCallHasAnAsyncTwinOnTheSameWire() throws Exception {
        api.enqueue("{\"token\":\"cst_1\"}");
        assertThat(await(consumers.initConsentAsync(brlIntent().build())).token()).isEqualTo("cst_1");
        assertThat(api.take("POST", "/v1/consents/init").getBody().readUtf8()).startsWith("{\"agent_id\":\"agent_1\"");

        api.enqueue("{\"mandate_id\":\"mnd_1\"}");
        assertThat(await(consumers.submitConsentAsync("cst_1", ConsentSubmitParams.of("c", "pix", "t"))).mandateId())
                .isEqualTo("mnd_1");
        assertThat(api.take("POST", "/v1/consents/cst_1/submit").getBody().readUtf8())
                .isEqualTo("{\"consumer_id\":\"c\",\"rail\":\"pix\",\"provider_token\":\"t\"}");

        api.enqueue("{\"transaction_id\":\"txn_1\"}");
        assertThat(await(consumers.spendAsync("mnd_1", SpendParams.of(5, PAYEE, "agent_1"))).transactionId())
                .isEqualTo("txn_1");
        assertThat(api.take("POST", "/v1/consumers/mandates/mnd_1/spend").getBody().readUtf8())
                .isEqualTo("{\"amount_minor\":5,\"payee\":\"pix:mercado@example.com\",\"agent_id\":\"agent_1\"}");

        api.enqueue("{\"consumer_id\":\"cons_ana\",\"currencies\":[{\"currency\":\"BRL\",\"available_minor\":3}]}");
        assertThat(await(consumers.walletAsync("cons_ana")).currency("BRL").orElseThrow().availableMinor())
                .isEqualTo(3);
        api.take("GET", "/v1/consumers/cons_ana/wallet");

        api.enqueue("{\"route\":\"onramp\"}");
        assertThat(await(consumers.transferAsync("cons_ana", TransferParams.builder().from("BRL").to("USDC")
                .amountMinor(9).execute().build())).route()).isEqualTo("onramp");
        assertThat(api.take("POST", "/v1/consumers/cons_ana/wallet/transfer").getBody().readUtf8())
                .isEqualTo("{\"from_currency\":\"BRL\",\"to_currency\":\"USDC\",\"amount_minor\":9,\"execute\":true}");

        api.enqueue("{\"funding_sources\":[{\"id\":\"fs_1\"}]}");
        assertThat(await(consumers.fundingSourcesAsync())).extracting(FundingSource::id).containsExactly("fs_1");
        api.take("GET", "/v1/consumers/funding-sources");

        api.enqueue("{\"consents\":[{\"id\":\"cns_1\"}]}");
        assertThat(await(consumers.consentsAsync())).extracting(Consent::id).containsExactly("cns_1");
        api.take("GET", "/v1/consumers/consents");

        api.enqueue("{\"user\":{\"email\":\"dev@example.com\"}}");
        assertThat(await(consumers.whoamiAsync()).userEmail()).isEqualTo("dev@example.com");
        api.take("GET", "/v1/whoami");

        assertThat(api.requestCount()).isEqualTo(8);
    }
}
