package dev.codespar.consumers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.codespar.ManagementFixture;
import dev.codespar.errors.ApiError;
import dev.codespar.errors.ForbiddenError;
import dev.codespar.errors.NetworkError;
import dev.codespar.errors.NotFoundError;
import dev.codespar.management.Environment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The wire of every consumer call: method, path, headers, exact body, and how each answer is read. */
class ConsumerServiceTest {

    static final String PAYEE = "pix:mercado@example.com";

    private final ManagementFixture api = new ManagementFixture();
    private final ConsumerService consumers = api.client.consumers();

    @AfterEach
    void close() {
        api.close();
    }

    static ConsentInitParams.Builder brlIntent() {
        return ConsentInitParams.builder().agentId("agent_1").purpose("groceries")
                .currency("BRL").capMinor(50_000).perTxCapMinor(10_000).merchantAllowlist(PAYEE);
    }

    @Test
    void initConsentSendsTheAgentAndTheIntentWithTheCliDefaults() {
        api.enqueue("{\"token\":\"cst_secret_token_1\",\"expires_at\":\"2026-05-02T10:30:00Z\",\"extra\":1}");

        ConsentInit init = consumers.initConsent(brlIntent().build());

        RecordedRequest r = api.take("POST", "/v1/consents/init");
        assertThat(r.getBody().readUtf8()).isEqualTo("{\"agent_id\":\"agent_1\",\"intent\":{\"purpose\":\"groceries\","
                + "\"cap_minor\":50000,\"per_tx_cap_minor\":10000,\"currency\":\"BRL\",\"mandate_ttl_seconds\":86400,"
                + "\"merchant_allowlist\":[\"pix:mercado@example.com\"],\"merchant_pin_kind\":\"merchant-id\"}}");
        assertThat(init.token()).isEqualTo("cst_secret_token_1");
        assertThat(init.expiresAt()).isEqualTo(Instant.parse("2026-05-02T10:30:00Z"));
        assertThat(init.raw().has("token")).as("the token stays out of raw()").isFalse();
        assertThat(init.raw().path("extra").asInt()).isEqualTo(1);
        assertThat(init.toString()).doesNotContain("cst_secret_token_1").contains("[redacted]");
    }

    @Test
    void initConsentWithSlotsMirrorsTheFirstSlotAtTheTopAsTheCliDoes() {
        api.enqueue("{\"token\":\"cst_2\",\"expires_at\":\"2026-05-02T10:30:00Z\"}");

        consumers.initConsent(ConsentInitParams.builder().agentId("agent_travel").purpose("travel")
                .slot(ConsentSlot.of("BRL", "pix", 100_000, 50_000))
                .slot(ConsentSlot.of("USDC", "usdc-onchain", 50_000_000, 10_000_000))
                .merchantAllowlist("pix:hotel@example.com", "0x52908400098527886E0F7030069857D2E4169EE7")
                .mandateTtl(Duration.ofDays(7)).merchantPinKind("address").build());

        assertThat(api.take("POST", "/v1/consents/init").getBody().readUtf8()).isEqualTo(
                "{\"agent_id\":\"agent_travel\",\"intent\":{\"purpose\":\"travel\",\"cap_minor\":100000,"
                + "\"per_tx_cap_minor\":50000,\"currency\":\"BRL\",\"mandate_ttl_seconds\":604800,"
                + "\"merchant_allowlist\":[\"pix:hotel@example.com\",\"0x52908400098527886E0F7030069857D2E4169EE7\"],"
                + "\"merchant_pin_kind\":\"address\",\"slots\":["
                + "{\"currency\":\"BRL\",\"rail\":\"pix\",\"cap_minor\":100000,\"per_tx_cap_minor\":50000},"
                + "{\"currency\":\"USDC\",\"rail\":\"usdc-onchain\",\"cap_minor\":50000000,"
                + "\"per_tx_cap_minor\":10000000}]}}");
    }

    @Test
    void initConsentKeepsTopLevelValuesThatAreSetBesideSlots() {
        api.enqueue("{\"token\":\"cst_3\"}");

        ConsentInit init = consumers.initConsent(ConsentInitParams.builder().agentId("a").purpose("p")
                .currency("USDC").capMinor(7).perTxCapMinor(7).slot(ConsentSlot.of("BRL", "pix", 100, 10))
                .merchantAllowlist("m").mandateTtlSeconds(60).build());

        assertThat(api.take("POST", "/v1/consents/init").getBody().readUtf8()).isEqualTo(
                "{\"agent_id\":\"a\",\"intent\":{\"purpose\":\"p\",\"cap_minor\":7,\"per_tx_cap_minor\":7,"
                + "\"currency\":\"USDC\",\"mandate_ttl_seconds\":60,\"merchant_allowlist\":[\"m\"],"
                + "\"merchant_pin_kind\":\"merchant-id\",\"slots\":[{\"currency\":\"BRL\",\"rail\":\"pix\","
                + "\"cap_minor\":100,\"per_tx_cap_minor\":10}]}}");
        assertThat(init.expiresAt()).isNull();
    }

    @Test
    void initConsentWithoutATokenIsAnInvalidResponse() {
        api.enqueue("{\"expires_at\":\"2026-05-02T10:30:00Z\"}");

        ApiError e = catchThrowableOfType(() -> consumers.initConsent(brlIntent().build()), ApiError.class);

        assertThat(e.getCode()).isEqualTo("invalid_response");
        assertThat(e.getMessage()).contains("\"token\"");
    }

    @Test
    void submitConsentPostsToTheTokenPathAndReadsTheMandate() {
        api.enqueue("{\"mandate_id\":\"mnd_1\",\"consumer_id\":\"cons_ana\",\"agent_id\":\"agent_1\","
                + "\"consent_id\":\"cns_1\",\"funding_source_ids\":[\"fs_1\",\"fs_2\"],\"status\":\"active\","
                + "\"expires_at\":\"2026-05-03T10:00:00Z\"}");

        ConsentSubmission s = consumers.submitConsent("cst_abc", ConsentSubmitParams.of("cons_ana", "pix", "tok_x"));

        RecordedRequest r = api.take("POST", "/v1/consents/cst_abc/submit");
        assertThat(r.getBody().readUtf8())
                .isEqualTo("{\"consumer_id\":\"cons_ana\",\"rail\":\"pix\",\"provider_token\":\"tok_x\"}");
        assertThat(s.mandateId()).isEqualTo("mnd_1");
        assertThat(s.consumerId()).isEqualTo("cons_ana");
        assertThat(s.agentId()).isEqualTo("agent_1");
        assertThat(s.consentId()).isEqualTo("cns_1");
        assertThat(s.fundingSourceIds()).containsExactly("fs_1", "fs_2");
        assertThat(s.status()).isEqualTo("active");
        assertThat(s.expiresAt()).isEqualTo(Instant.parse("2026-05-03T10:00:00Z"));
        assertThat(ConsentSubmitParams.of("c", "pix", "tok_x").toString()).doesNotContain("tok_x");
    }

    @Test
    void submitConsentPercentEncodesTheTokenAndReadsAWrappedMandate() {
        api.enqueue("{\"mandate\":{\"mandate_id\":\"mnd_2\"}}");

        ConsentSubmission s = consumers.submitConsent("a/b c", ConsentSubmitParams.of("c", "pix", "t"));

        api.take("POST", "/v1/consents/a%2Fb%20c/submit");
        assertThat(s.mandateId()).isEqualTo("mnd_2");
        assertThat(s.fundingSourceIds()).isEmpty();
    }

    @Test
    void submitConsentWithoutAMandateIdIsAnInvalidResponseThatKeepsTheAnswer() {
        api.enqueue("{\"status\":\"active\"}");

        ApiError e = catchThrowableOfType(() -> consumers.submitConsent("cst_secret_77",
                ConsentSubmitParams.of("c", "pix", "t")), ApiError.class);

        assertThat(e.getCode()).isEqualTo("invalid_response");
        assertThat(e.getBody().path("status").asText()).isEqualTo("active");
        assertThat(e.getMessage()).contains("mandate_id").contains("/v1/consents/{id}/submit")
                .doesNotContain("cst_secret_77");
    }

    @Test
    void theConsentTokenStaysOutOfTheMessageOfAFailedSubmission() {
        api.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));

        NetworkError e = catchThrowableOfType(() -> consumers.submitConsent("cst_secret_88",
                ConsentSubmitParams.of("c", "pix", "t")), NetworkError.class);

        assertThat(e.getMessage()).contains("/v1/consents/{id}/submit").doesNotContain("cst_secret_88");
        assertThat(api.requestCount()).isEqualTo(1);
    }

    @Test
    void anUnknownConsentTokenIsNotFound() {
        api.enqueue(404, "{\"error\":\"not_found\",\"message\":\"Consent token not found\"}");

        assertThat(catchThrowableOfType(() -> consumers.submitConsent("cst_x", ConsentSubmitParams.of("c", "pix", "t")),
                NotFoundError.class).getStatus()).isEqualTo(404);
    }

    @Test
    void spendSendsAmountPayeeAgentAndReadsTheReceipt() {
        api.enqueue("{\"transaction_id\":\"txn_1\",\"receipt_id\":\"rcpt_1\",\"mandate_id\":\"mnd_1\","
                + "\"status\":\"settled\",\"amount_minor\":2500,\"currency\":\"BRL\",\"rail\":\"pix\","
                + "\"payee\":\"pix:mercado@example.com\",\"money_moved\":true,\"available_minor\":\"47500\","
                + "\"created_at\":\"2026-05-02T10:01:00Z\"}");

        SpendReceipt r = consumers.spend("mnd_1", SpendParams.of(2_500, PAYEE, "agent_1"));

        assertThat(api.take("POST", "/v1/consumers/mandates/mnd_1/spend").getBody().readUtf8())
                .isEqualTo("{\"amount_minor\":2500,\"payee\":\"pix:mercado@example.com\",\"agent_id\":\"agent_1\"}");
        assertThat(r.transactionId()).isEqualTo("txn_1");
        assertThat(r.receiptId()).isEqualTo("rcpt_1");
        assertThat(r.mandateId()).isEqualTo("mnd_1");
        assertThat(r.status()).isEqualTo("settled");
        assertThat(r.amountMinor()).isEqualTo(2_500L);
        assertThat(r.currency()).isEqualTo("BRL");
        assertThat(r.rail()).isEqualTo("pix");
        assertThat(r.payee()).isEqualTo(PAYEE);
        assertThat(r.moneyMoved()).isTrue();
        assertThat(r.availableMinor()).isEqualTo(47_500L);
        assertThat(r.createdAt()).isEqualTo(Instant.parse("2026-05-02T10:01:00Z"));
    }

    @Test
    void spendReadsATransactionAndReceiptNestedInTheAnswer() {
        api.enqueue("{\"transaction\":{\"id\":\"txn_9\",\"status\":\"processing\"},\"receipt\":{\"id\":\"rcpt_9\"}}");

        SpendReceipt r = consumers.spend("mnd_1", SpendParams.of(1, PAYEE, "agent_1"));

        assertThat(r.transactionId()).isEqualTo("txn_9");
        assertThat(r.receiptId()).isEqualTo("rcpt_9");
        assertThat(r.status()).isEqualTo("processing");
        assertThat(r.moneyMoved()).isNull();
        assertThat(r.amountMinor()).isNull();
        assertThat(r.raw().path("receipt").path("id").asText()).isEqualTo("rcpt_9");
    }

    @Test
    void aSpendTheMandateRefusesIsAForbiddenErrorWithTheReasonAsCodeAndNothingSentAgain() {
        api.enqueue(403, "{\"reason\":\"budget_exceeded\",\"ruleType\":\"per_tx_cap\","
                + "\"ruleId\":\"mnd_1:BRL:per_tx_cap\","
                + "\"message\":\"20000 exceeds the per-transaction cap of 10000 BRL\"}");

        ForbiddenError e = catchThrowableOfType(
                () -> consumers.spend("mnd_1", SpendParams.of(20_000, PAYEE, "agent_1")), ForbiddenError.class);

        assertThat(e.getCode()).isEqualTo("budget_exceeded");
        assertThat(e.getStatus()).isEqualTo(403);
        assertThat(e.getBody().path("ruleType").asText()).isEqualTo("per_tx_cap");
        assertThat(e.mayHaveBeenProcessed()).isFalse();
        assertThat(api.requestCount()).isEqualTo(1);
    }

    @Test
    void walletReadsEveryCurrencyWhetherAmountsAreNumbersOrStrings() {
        api.enqueue("{\"consumer_id\":\"cons_ana\",\"currencies\":[{\"currency\":\"BRL\",\"rail\":\"pix\","
                + "\"authorized_minor\":50000,\"spent_minor\":2500,\"available_minor\":47500,"
                + "\"funding_source_ids\":[\"fs_1\"],\"mandate_ids\":[\"mnd_1\"]},{\"currency\":\"USDC\",\"rail\":null,"
                + "\"authorized_minor\":\"20000000\",\"spent_minor\":\"0\",\"available_minor\":\"20000000\"},"
                + "\"not a row\"]}");

        Wallet w = consumers.wallet("cons_ana");

        api.take("GET", "/v1/consumers/cons_ana/wallet");
        assertThat(w.consumerId()).isEqualTo("cons_ana");
        assertThat(w.currencies()).extracting(WalletCurrency::currency).containsExactly("BRL", "USDC");
        WalletCurrency brl = w.currency("BRL").orElseThrow();
        assertThat(brl.rail()).isEqualTo("pix");
        assertThat(brl.authorizedMinor()).isEqualTo(50_000);
        assertThat(brl.spentMinor()).isEqualTo(2_500);
        assertThat(brl.availableMinor()).isEqualTo(47_500);
        assertThat(brl.fundingSourceIds()).containsExactly("fs_1");
        assertThat(brl.mandateIds()).containsExactly("mnd_1");
        WalletCurrency usdc = w.currency("USDC").orElseThrow();
        assertThat(usdc.rail()).isNull();
        assertThat(usdc.availableMinor()).isEqualTo(20_000_000);
        assertThat(usdc.mandateIds()).isEmpty();
        assertThat(w.currency("EUR")).isEmpty();
    }

    @Test
    void aTransferPlanSendsNoExecuteFlagAndReadsTheRoute() {
        api.enqueue("{\"consumer_id\":\"cons_ana\",\"route\":\"onramp\",\"converts\":true,\"engine\":\"unblockpay\","
                + "\"executable\":true,\"executed\":false,\"from\":{\"currency\":\"BRL\",\"rail\":\"pix\","
                + "\"amount_minor\":10000,\"cap_available_minor\":47500},"
                + "\"to\":{\"currency\":\"USDC\",\"rail\":\"usdc\"},"
                + "\"note\":\"A plan: nothing moved.\"}");

        TransferResult t = consumers.transfer("cons_ana",
                TransferParams.builder().from("BRL").to("USDC").amountMinor(10_000).build());

        assertThat(api.take("POST", "/v1/consumers/cons_ana/wallet/transfer").getBody().readUtf8())
                .isEqualTo("{\"from_currency\":\"BRL\",\"to_currency\":\"USDC\",\"amount_minor\":10000}");
        assertThat(t.consumerId()).isEqualTo("cons_ana");
        assertThat(t.route()).isEqualTo("onramp");
        assertThat(t.converts()).isTrue();
        assertThat(t.engine()).isEqualTo("unblockpay");
        assertThat(t.executable()).isTrue();
        assertThat(t.executed()).isFalse();
        assertThat(t.transactionId()).isNull();
        assertThat(t.from()).isEqualTo(new TransferLeg("BRL", "pix", 10_000L, 47_500L));
        assertThat(t.to()).isEqualTo(new TransferLeg("USDC", "usdc", null, null));
        assertThat(t.note()).isEqualTo("A plan: nothing moved.");
        assertThat(t.moneyMoved()).isNull();
    }

    @Test
    void anExecutedTransferSendsExecuteAgentAndPurposeAndReadsItsTransaction() {
        api.enqueue("{\"consumer_id\":\"cons_ana\",\"route\":\"offramp\",\"converts\":true,\"engine\":null,"
                + "\"executed\":true,\"transaction_id\":\"txn_7\",\"status\":\"processing\","
                + "\"settle_via\":\"/v1/consumers/cons_ana/wallet\",\"money_moved\":false,"
                + "\"pix_copy_paste\":\"000201...\",\"destination_address\":\"0xabc\"}");

        TransferResult t = consumers.transfer("cons_ana", TransferParams.builder().from("USDC").to("BRL")
                .amountMinor(1_000_000).execute().agentId("agent_1").purpose("cash out").build());

        assertThat(api.take("POST", "/v1/consumers/cons_ana/wallet/transfer").getBody().readUtf8())
                .isEqualTo("{\"from_currency\":\"USDC\",\"to_currency\":\"BRL\",\"amount_minor\":1000000,"
                        + "\"execute\":true,\"agent_id\":\"agent_1\",\"purpose\":\"cash out\"}");
        assertThat(t.executed()).isTrue();
        assertThat(t.executable()).isFalse();
        assertThat(t.engine()).isNull();
        assertThat(t.transactionId()).isEqualTo("txn_7");
        assertThat(t.status()).isEqualTo("processing");
        assertThat(t.settleVia()).isEqualTo("/v1/consumers/cons_ana/wallet");
        assertThat(t.moneyMoved()).isFalse();
        assertThat(t.pixCopyPaste()).isEqualTo("000201...");
        assertThat(t.destinationAddress()).isEqualTo("0xabc");
        assertThat(t.from()).isNull();
    }

    @Test
    void fundingSourcesAreReadWithTheirTimestampsAndMetadata() {
        api.enqueue("{\"funding_sources\":[{\"id\":\"fs_1\",\"consumer_id\":\"cons_ana\",\"rail\":\"pix\","
                + "\"currency\":\"BRL\",\"provider\":\"celcoin\",\"display_label\":null,\"status\":\"active\","
                + "\"created_at\":\"2026-05-02T10:00:00Z\",\"expires_at\":null,\"revoked_at\":\"2026-05-04T00:00:00Z\","
                + "\"metadata\":{\"bank\":\"001\"}}]}");

        List<FundingSource> sources = consumers.fundingSources();

        api.take("GET", "/v1/consumers/funding-sources");
        assertThat(sources).hasSize(1);
        FundingSource fs = sources.get(0);
        assertThat(fs.id()).isEqualTo("fs_1");
        assertThat(fs.consumerId()).isEqualTo("cons_ana");
        assertThat(fs.rail()).isEqualTo("pix");
        assertThat(fs.currency()).isEqualTo("BRL");
        assertThat(fs.provider()).isEqualTo("celcoin");
        assertThat(fs.displayLabel()).isNull();
        assertThat(fs.status()).isEqualTo("active");
        assertThat(fs.createdAt()).isEqualTo(Instant.parse("2026-05-02T10:00:00Z"));
        assertThat(fs.expiresAt()).isNull();
        assertThat(fs.revokedAt()).isEqualTo(Instant.parse("2026-05-04T00:00:00Z"));
        assertThat(fs.metadata().path("bank").asText()).isEqualTo("001");
    }

    @Test
    void consentsReadTheirDecimalStringCapsAsMinorUnits() {
        api.enqueue("{\"consents\":[{\"id\":\"cns_1\",\"consumer_id\":\"cons_ana\",\"funding_source_id\":\"fs_1\","
                + "\"agent_id\":\"agent_1\",\"kind\":\"mandate\",\"hmac_secret_version\":2,\"cap_minor\":\"50000\","
                + "\"per_tx_cap_minor\":\"10000\",\"currency\":\"BRL\",\"purpose\":\"groceries\",\"ip_address\":null,"
                + "\"signed_at\":\"2026-05-02T10:00:00Z\",\"expires_at\":\"2026-05-03T10:00:00Z\",\"metadata\":{}},"
                + "{\"id\":\"cns_2\",\"cap_minor\":null,\"per_tx_cap_minor\":null}]}");

        List<Consent> list = consumers.consents();

        api.take("GET", "/v1/consumers/consents");
        assertThat(list).extracting(Consent::id).containsExactly("cns_1", "cns_2");
        Consent c = list.get(0);
        assertThat(c.consumerId()).isEqualTo("cons_ana");
        assertThat(c.fundingSourceId()).isEqualTo("fs_1");
        assertThat(c.agentId()).isEqualTo("agent_1");
        assertThat(c.kind()).isEqualTo("mandate");
        assertThat(c.hmacSecretVersion()).isEqualTo(2);
        assertThat(c.capMinor()).isEqualTo(50_000L);
        assertThat(c.perTxCapMinor()).isEqualTo(10_000L);
        assertThat(c.currency()).isEqualTo("BRL");
        assertThat(c.purpose()).isEqualTo("groceries");
        assertThat(c.ipAddress()).isNull();
        assertThat(c.signedAt()).isEqualTo(Instant.parse("2026-05-02T10:00:00Z"));
        assertThat(c.expiresAt()).isEqualTo(Instant.parse("2026-05-03T10:00:00Z"));
        assertThat(list.get(1).capMinor()).isNull();
        assertThat(list.get(1).hmacSecretVersion()).isNull();
    }

    @Test
    void listsAlsoArriveAsBareArraysAndWithoutTheirKeyAreAnInvalidResponse() {
        api.enqueue("[{\"id\":\"fs_bare\"}]");
        assertThat(consumers.fundingSources()).extracting(FundingSource::id).containsExactly("fs_bare");

        api.enqueue("{\"items\":[]}");
        ApiError e = catchThrowableOfType(() -> consumers.consents(), ApiError.class);
        assertThat(e.getCode()).isEqualTo("invalid_response");
        assertThat(e.getMessage()).contains("\"consents\"");
    }

    @Test
    void whoamiReadsUserOrganizationProjectAndKey() {
        api.enqueue("{\"user\":{\"id\":\"usr_1\",\"email\":\"dev@example.com\",\"name\":\"Dev\"},"
                + "\"organization\":{\"id\":\"org_1\",\"name\":\"Acme\"},\"project\":{\"id\":\"prj_0123456789abcdef\","
                + "\"name\":\"Checkout\"},\"key\":{\"id\":\"key_1\",\"environment\":\"live\","
                + "\"scopes\":[\"sessions:create\",\"tools:execute\"]}}");

        WhoAmI me = consumers.whoami();

        api.take("GET", "/v1/whoami");
        assertThat(me.userId()).isEqualTo("usr_1");
        assertThat(me.userEmail()).isEqualTo("dev@example.com");
        assertThat(me.userName()).isEqualTo("Dev");
        assertThat(me.organizationId()).isEqualTo("org_1");
        assertThat(me.organizationName()).isEqualTo("Acme");
        assertThat(me.projectId()).isEqualTo("prj_0123456789abcdef");
        assertThat(me.projectName()).isEqualTo("Checkout");
        assertThat(me.keyId()).isEqualTo("key_1");
        assertThat(me.keyEnvironment()).isEqualTo("live");
        assertThat(me.environment()).isEqualTo(Environment.LIVE);
        assertThat(me.scopes()).containsExactly("sessions:create", "tools:execute");
        assertThat(me.hasScope("tools:execute")).isTrue();
        assertThat(me.hasScope("triggers:write")).isFalse();
    }

    @Test
    void whoamiToleratesMissingParts() {
        api.enqueue("{\"key\":{\"environment\":\"staging\"}}");

        WhoAmI me = consumers.whoami();

        assertThat(me.userEmail()).isNull();
        assertThat(me.organizationName()).isNull();
        assertThat(me.environment()).isEqualTo(Environment.UNKNOWN);
        assertThat(me.scopes()).isEmpty();
    }
}
