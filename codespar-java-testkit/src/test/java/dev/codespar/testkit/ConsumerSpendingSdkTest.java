package dev.codespar.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.codespar.CodeSparClient;
import dev.codespar.consumers.Consent;
import dev.codespar.consumers.ConsentInit;
import dev.codespar.consumers.ConsentInitParams;
import dev.codespar.consumers.ConsentSlot;
import dev.codespar.consumers.ConsentSubmission;
import dev.codespar.consumers.ConsentSubmitParams;
import dev.codespar.consumers.ConsumerService;
import dev.codespar.consumers.FundingSource;
import dev.codespar.consumers.SpendParams;
import dev.codespar.consumers.SpendReceipt;
import dev.codespar.consumers.TransferParams;
import dev.codespar.consumers.TransferResult;
import dev.codespar.consumers.Wallet;
import dev.codespar.consumers.WhoAmI;
import dev.codespar.errors.ForbiddenError;
import dev.codespar.errors.GatewayTimeoutError;
import dev.codespar.errors.NetworkError;
import dev.codespar.errors.NotFoundError;
import dev.codespar.management.Environment;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SDK's consumer calls against the fake end to end: a consent initiated, approved and submitted, spends under
 * and over the caps, the wallet, transfers, the lists, whoami and the agent's DID key; and a spend whose answer is
 * lost after the fake debited the mandate is sent once, so the consumer is charged once.
 */
class ConsumerSpendingSdkTest {

    private static final String PIX_PAYEE = "ana@example.com";
    private static final String USDC_PAYEE = "0x1111111111111111111111111111111111111111";

    private final FakeCodeSpar fake = FakeCodeSpar.start();
    private final CodeSparClient client = fake.client();
    private final ConsumerService consumers = client.consumers();

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    private ConsentInitParams twoCurrencies() {
        return ConsentInitParams.builder().agentId("agent_1").purpose("groceries")
                .slot(ConsentSlot.of("BRL", "pix", 50_000, 10_000))
                .slot(ConsentSlot.of("USDC", "usdc", 100_000_000, 25_000_000))
                .merchantAllowlist(PIX_PAYEE, USDC_PAYEE).build();
    }

    private String signedMandate() {
        ConsentInit consent = consumers.initConsent(twoCurrencies());
        return consumers.submitConsent(consent.token(), ConsentSubmitParams.of("cons_ana", "pix", "pix:cons_ana"))
                .mandateId();
    }

    @Test
    void aConsentIsInitiatedSubmittedSpentUnderItsCapsAndRefusedOverThem() {
        ConsentInit consent = consumers.initConsent(twoCurrencies());
        assertThat(consent.token()).startsWith("cst_");
        assertThat(consent.expiresAt()).isAfter(fake.now());

        ConsentSubmission signed = consumers.submitConsent(consent.token(),
                ConsentSubmitParams.of("cons_ana", "pix", "pix:cons_ana"));
        assertThat(signed.mandateId()).startsWith("mnd_");
        assertThat(signed.consumerId()).isEqualTo("cons_ana");
        assertThat(signed.agentId()).isEqualTo("agent_1");
        assertThat(signed.fundingSourceIds()).hasSize(2);
        assertThat(signed.status()).isEqualTo("active");

        SpendReceipt paid = consumers.spend(signed.mandateId(), SpendParams.of(8_000, PIX_PAYEE, "agent_1"));
        assertThat(paid.transactionId()).startsWith("txn_");
        assertThat(paid.receiptId()).startsWith("rcpt_");
        assertThat(paid.amountMinor()).isEqualTo(8_000L);
        assertThat(paid.currency()).isEqualTo("BRL");
        assertThat(paid.availableMinor()).isEqualTo(42_000L);
        assertThat(paid.moneyMoved()).isTrue();

        ForbiddenError overPerTx = catchThrowableOfType(() -> consumers.spend(signed.mandateId(),
                SpendParams.of(10_001, PIX_PAYEE, "agent_1")), ForbiddenError.class);
        assertThat(overPerTx.getCode()).isEqualTo("budget_exceeded");
        assertThat(overPerTx.getStatus()).isEqualTo(403);
        assertThat(overPerTx.getBody().path("ruleType").asText()).isEqualTo("per_tx_cap");
        assertThat(overPerTx.mayHaveBeenProcessed()).isFalse();

        for (int i = 0; i < 4; i++) {
            consumers.spend(signed.mandateId(), SpendParams.of(10_000, PIX_PAYEE, "agent_1"));
        }
        ForbiddenError overTotal = catchThrowableOfType(() -> consumers.spend(signed.mandateId(),
                SpendParams.of(2_001, PIX_PAYEE, "agent_1")), ForbiddenError.class);
        assertThat(overTotal.getCode()).isEqualTo("budget_exceeded");
        assertThat(overTotal.getBody().path("ruleType").asText()).isEqualTo("total_cap");

        ForbiddenError stranger = catchThrowableOfType(() -> consumers.spend(signed.mandateId(),
                SpendParams.of(100, "bob@example.com", "agent_1")), ForbiddenError.class);
        assertThat(stranger.getCode()).isEqualTo("merchant_not_allowlisted");

        Wallet wallet = consumers.wallet("cons_ana");
        assertThat(wallet.currency("BRL").orElseThrow().availableMinor()).isEqualTo(2_000)
                .isEqualTo(fake.consumers().available("cons_ana", "BRL"));
        assertThat(wallet.currency("BRL").orElseThrow().spentMinor()).isEqualTo(48_000);
        assertThat(wallet.currency("BRL").orElseThrow().mandateIds()).containsExactly(signed.mandateId());
        assertThat(wallet.currency("USDC").orElseThrow().availableMinor()).isEqualTo(100_000_000);
    }

    @Test
    void aConsentApprovedOnTheConsentPageCannotBeSubmittedAgain() {
        ConsentInit consent = consumers.initConsent(ConsentInitParams.builder().agentId("agent_1").purpose("rides")
                .currency("BRL").capMinor(5_000).perTxCapMinor(2_000).merchantAllowlist(PIX_PAYEE).build());

        String mandateId = fake.consumers().approveConsent(consent.token(), "cons_bia");
        NotFoundError used = catchThrowableOfType(() -> consumers.submitConsent(consent.token(),
                ConsentSubmitParams.of("cons_bia", "pix", "pix:cons_bia")), NotFoundError.class);
        SpendReceipt paid = consumers.spend(mandateId, SpendParams.of(2_000, PIX_PAYEE, "agent_1"));

        assertThat(used.getStatus()).isEqualTo(404);
        assertThat(paid.availableMinor()).isEqualTo(3_000L);
        assertThat(consumers.wallet("cons_bia").currency("BRL").orElseThrow().availableMinor()).isEqualTo(3_000);
    }

    @Test
    void transfersArePlannedThenExecutedBetweenTheWalletsCurrencies() {
        signedMandate();

        TransferResult plan = consumers.transfer("cons_ana",
                TransferParams.builder().from("BRL").to("USDC").amountMinor(10_000).build());
        assertThat(plan.executed()).isFalse();
        assertThat(plan.route()).isEqualTo("onramp");
        assertThat(plan.from().capAvailableMinor()).isEqualTo(50_000L);
        assertThat(fake.consumers().available("cons_ana", "BRL")).as("a plan moves nothing").isEqualTo(50_000);

        TransferResult done = consumers.transfer("cons_ana", TransferParams.builder().from("BRL").to("USDC")
                .amountMinor(10_000).execute().agentId("agent_1").purpose("top up").build());
        assertThat(done.executed()).isTrue();
        assertThat(done.transactionId()).startsWith("txn_");
        assertThat(done.status()).isEqualTo("processing");
        assertThat(done.settleVia()).isEqualTo("/v1/consumers/cons_ana/wallet");

        Wallet wallet = consumers.wallet("cons_ana");
        assertThat(wallet.currency("BRL").orElseThrow().availableMinor()).isEqualTo(40_000);
        assertThat(wallet.currency("USDC").orElseThrow().availableMinor())
                .as("R$ 100.00 at 0.18 USDC is 18 USDC").isEqualTo(100_000_000 + 18_000_000);

        ForbiddenError tooMuch = catchThrowableOfType(() -> consumers.transfer("cons_ana", TransferParams.builder()
                .from("BRL").to("USDC").amountMinor(40_001).execute().build()), ForbiddenError.class);
        assertThat(tooMuch.getCode()).isEqualTo("budget_exceeded");
    }

    @Test
    void fundingSourcesConsentsAndWhoamiAreRead() {
        String mandateId = signedMandate();

        assertThat(consumers.fundingSources()).extracting(FundingSource::currency).containsExactly("BRL", "USDC");
        assertThat(consumers.fundingSources()).allSatisfy(fs -> {
            assertThat(fs.consumerId()).isEqualTo("cons_ana");
            assertThat(fs.status()).isEqualTo("active");
            assertThat(fs.createdAt()).isNotNull();
        });
        assertThat(consumers.consents()).extracting(Consent::capMinor).containsExactly(50_000L, 100_000_000L);
        assertThat(consumers.consents().get(0).metadata().path("mandate_id").asText()).isEqualTo(mandateId);

        WhoAmI me = consumers.whoami();
        assertThat(me.userEmail()).isEqualTo("developer@example.com");
        assertThat(me.environment()).isEqualTo(Environment.TEST);
        assertThat(me.hasScope("tools:execute")).isTrue();
    }

    @Test
    void aSpendWhoseAnswerIsLostAfterTheDebitIsSentOnceWhateverTheRetrySettings() {
        String mandateId = signedMandate();
        try (CodeSparClient eager = fake.clientBuilder().maxRetries(3).retryPostOnGatewayTimeout(true)
                .retryOnInternalError(true).build()) {
            fake.failNext("gateway_timeout").onPath("/v1/consumers/mandates/*/spend").afterProcessing();
            GatewayTimeoutError timeout = catchThrowableOfType(() -> eager.consumers().spend(mandateId,
                    SpendParams.of(1_000, PIX_PAYEE, "agent_1")), GatewayTimeoutError.class);

            fake.injectNext(Fault.DISCONNECT_BEFORE_RESPONSE).onPath("/v1/consumers/mandates/*/spend");
            NetworkError lost = catchThrowableOfType(() -> eager.consumers().spend(mandateId,
                    SpendParams.of(1_000, PIX_PAYEE, "agent_1")), NetworkError.class);

            assertThat(timeout.mayHaveBeenProcessed()).isTrue();
            assertThat(lost.wasRequestSent()).isTrue();
            assertThat(fake.journal().calls("POST", "/v1/consumers/mandates/*/spend")).hasSize(2);
            assertThat(fake.consumers().available("cons_ana", "BRL")).as("charged once per spend, never twice")
                    .isEqualTo(48_000);
        }
    }

    @Test
    void aSpendTheServerRefusedBeforeDoingItIsRetriedAndChargedOnce() {
        String mandateId = signedMandate();
        fake.failNext("service_unavailable").onPath("/v1/consumers/mandates/*/spend").retryAfter(Duration.ZERO);

        SpendReceipt paid = consumers.spend(mandateId, SpendParams.of(1_000, PIX_PAYEE, "agent_1"));

        assertThat(paid.availableMinor()).isEqualTo(49_000L);
        assertThat(fake.journal().calls("POST", "/v1/consumers/mandates/*/spend"))
                .extracting(RecordedCall::status).containsExactly(503, 200);
    }

    @Test
    void theAgentsPublicKeyComesFromItsDidDocumentWithoutTheApiKey() {
        byte[] key = client.agents().publicKey(FakeCodeSparBuilder.FIXTURE_AGENT_KID);

        assertThat(HexFormat.of().formatHex(key))
                .isEqualTo("70940e2c00698a520339c07332ff35c05cad7b39d024a4f4737310e740b2ecc3");
        RecordedCall lookup = fake.journal().last();
        assertThat(lookup.path()).endsWith("/did.json");
        assertThat(lookup.header("Authorization")).isNull();
        assertThat(lookup.status()).isEqualTo(200);
    }
}
