package dev.codespar.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Consents, mandates with caps, wallets, transfers and DID documents, over plain HTTP as the CLI calls them. */
class ConsumersTest {

    private static final String INTENT = "{\"agent_id\":\"agent_1\",\"intent\":{\"purpose\":\"groceries\","
            + "\"cap_minor\":50000,\"per_tx_cap_minor\":10000,\"currency\":\"BRL\",\"mandate_ttl_seconds\":86400,"
            + "\"merchant_allowlist\":[\"ana@example.com\",\"0x1111111111111111111111111111111111111111\"],"
            + "\"merchant_pin_kind\":\"merchant-id\",\"slots\":[{\"currency\":\"BRL\",\"rail\":\"pix\","
            + "\"cap_minor\":50000,\"per_tx_cap_minor\":10000},{\"currency\":\"USDC\",\"rail\":\"usdc\","
            + "\"cap_minor\":100000000,\"per_tx_cap_minor\":25000000}]}}";

    private FakeCodeSpar fake;
    private Raw raw;

    @BeforeEach
    void start() {
        fake = FakeCodeSpar.start();
        raw = new Raw(fake);
    }

    @AfterEach
    void stop() {
        raw.close();
        fake.close();
    }

    private String consent() {
        Raw.Reply init = raw.post("/v1/consents/init", INTENT);
        assertThat(init.code()).isEqualTo(200);
        assertThat(init.json().fieldNames()).toIterable().containsExactly("token", "expires_at");
        return init.json().get("token").asText();
    }

    private Raw.Reply spend(String mandate, long amount, String payee) {
        return raw.post("/v1/consumers/mandates/" + mandate + "/spend", "{\"amount_minor\":" + amount
                + ",\"payee\":\"" + payee + "\",\"agent_id\":\"agent_1\"}");
    }

    @Test
    void aConsentSubmittedWithItsTokenMintsAMandateWithOneSlotPerCurrency() {
        String token = consent();

        Raw.Reply submitted = raw.call(new okhttp3.Request.Builder()
                .url(fake.url("/v1/consents/" + token + "/submit"))   // the token is the authorisation: no key
                .post(okhttp3.RequestBody.create("{\"consumer_id\":\"cons_ana\",\"rail\":\"pix\","
                        + "\"provider_token\":\"pix:cons_ana\"}", okhttp3.MediaType.get("application/json"))).build());
        Raw.Reply reused = raw.post("/v1/consents/" + token + "/submit", "{\"consumer_id\":\"x\",\"rail\":\"pix\","
                + "\"provider_token\":\"p\"}");

        assertThat(submitted.code()).isEqualTo(200);
        String mandate = submitted.json().get("mandate_id").asText();
        assertThat(mandate).startsWith("mnd_");
        assertThat(reused.code()).isEqualTo(404);
        JsonNode wallet = raw.get("/v1/consumers/cons_ana/wallet").json();
        assertThat(wallet.get("consumer_id").asText()).isEqualTo("cons_ana");
        assertThat(wallet.get("currencies")).extracting(c -> c.get("currency").asText()).containsExactly("BRL", "USDC");
        JsonNode brl = wallet.get("currencies").get(0);
        assertThat(brl.fieldNames()).toIterable().containsExactly("currency", "rail", "authorized_minor",
                "spent_minor", "available_minor", "funding_source_ids", "mandate_ids");
        assertThat(brl.get("authorized_minor").isIntegralNumber()).isTrue();
        assertThat(brl.get("mandate_ids").get(0).asText()).isEqualTo(mandate);
        JsonNode consents = raw.get("/v1/consumers/consents").json().get("consents");
        assertThat(consents).hasSize(2);
        assertThat(consents.get(0).get("cap_minor").asText()).as("list caps are decimal strings").isEqualTo("50000");
        assertThat(consents.get(0).get("hmac_secret_version").asInt()).isEqualTo(1);
        JsonNode sources = raw.get("/v1/consumers/funding-sources").json().get("funding_sources");
        assertThat(sources).extracting(s -> s.get("rail").asText()).containsExactly("pix", "usdc");
        assertThat(sources.get(0).fieldNames()).toIterable().containsExactly("id", "consumer_id", "rail", "currency",
                "provider", "display_label", "status", "created_at", "expires_at", "revoked_at", "metadata");
    }

    @Test
    void spendsAreHeldToTheirSlotsCapsAndAllowlist() {
        String mandate = fake.consumers().approveConsent(consent(), "cons_ana");

        Raw.Reply ok = spend(mandate, 10_000, "ana@example.com");
        Raw.Reply perTx = spend(mandate, 10_001, "ana@example.com");
        Raw.Reply stranger = spend(mandate, 100, "bob@example.com");
        for (int i = 0; i < 3; i++) {
            assertThat(spend(mandate, 10_000, "ana@example.com").code()).isEqualTo(200);
        }
        Raw.Reply total = spend(mandate, 10_000, "ana@example.com");   // 40 000 spent, 10 000 left: ok
        Raw.Reply over = spend(mandate, 1, "ana@example.com");
        Raw.Reply usdc = spend(mandate, 25_000_000, "0x1111111111111111111111111111111111111111");

        assertThat(ok.code()).isEqualTo(200);
        assertThat(ok.json().get("receipt_id").asText()).startsWith("rcpt_");
        assertThat(ok.json().get("currency").asText()).isEqualTo("BRL");
        assertThat(perTx.code()).isEqualTo(403);
        assertThat(perTx.json().get("reason").asText()).isEqualTo("budget_exceeded");
        assertThat(perTx.json().get("ruleType").asText()).isEqualTo("per_tx_cap");
        assertThat(stranger.json().get("reason").asText()).isEqualTo("merchant_not_allowlisted");
        assertThat(total.code()).isEqualTo(200);
        assertThat(over.code()).isEqualTo(403);
        assertThat(over.json().get("ruleType").asText()).isEqualTo("total_cap");
        assertThat(usdc.code()).as("USDC has its own caps: no FX between slots").isEqualTo(200);
        assertThat(fake.consumers().available("cons_ana", "BRL")).isZero();
        assertThat(fake.consumers().mandate(mandate).orElseThrow().slots().get(0).spentMinor()).isEqualTo(50_000);

        fake.consumers().setCaps(mandate, "BRL", 60_000, 10_000);
        assertThat(spend(mandate, 5_000, "ana@example.com").code()).isEqualTo(200);
        assertThat(raw.post("/v1/consumers/mandates/mnd_nope/spend", "{}").code()).isEqualTo(404);
    }

    @Test
    void aPaymentUnderAMandateIsDeniedPastItsCap() {
        String mandate = fake.consumers().grantMandate("user_1", "agent_1", "BRL", 1500, 1000, "ana@example.com");
        String session = raw.session("asaas");

        Raw.Reply paid = raw.post("/v1/sessions/" + session + "/execute", "{\"tool\":\"codespar_pay\",\"input\":"
                + "{\"action\":\"pay\",\"amount\":1000,\"currency\":\"BRL\",\"description\":\"d\",\"recipient\":"
                + "\"ana@example.com\",\"mandateId\":\"" + mandate + "\"}}");
        Raw.Reply denied = raw.post("/v1/sessions/" + session + "/execute", "{\"tool\":\"codespar_pay\",\"input\":"
                + "{\"action\":\"pay\",\"amount\":1000,\"currency\":\"BRL\",\"description\":\"d\",\"recipient\":"
                + "\"ana@example.com\",\"mandateId\":\"" + mandate + "\"}}");

        assertThat(paid.json().get("success").asBoolean()).isTrue();
        assertThat(denied.code()).isEqualTo(403);
        assertThat(denied.json().get("reason").asText()).isEqualTo("budget_exceeded");
        assertThat(denied.json().get("ruleId").asText()).isEqualTo(mandate + ":BRL:total_cap");
    }

    @Test
    void aTransferIsAPlanUntilExecutedThenARampTradeAtTheFakesRate() {
        fake.consumers().approveConsent(consent(), "cons_ana");
        fake.consumers().exchangeRate("BRL", "USDC", new BigDecimal("0.2"));

        JsonNode plan = raw.post("/v1/consumers/cons_ana/wallet/transfer",
                "{\"from_currency\":\"BRL\",\"to_currency\":\"USDC\",\"amount_minor\":15000}").json();
        JsonNode done = raw.post("/v1/consumers/cons_ana/wallet/transfer",
                "{\"from_currency\":\"BRL\",\"to_currency\":\"USDC\",\"amount_minor\":15000,\"execute\":true}").json();

        assertThat(plan.get("route").asText()).isEqualTo("onramp");
        assertThat(plan.get("converts").asBoolean()).isTrue();
        assertThat(plan.get("executed").asBoolean()).isFalse();
        assertThat(plan.at("/from/cap_available_minor").asLong()).isEqualTo(50_000);
        assertThat(done.get("executed").asBoolean()).isTrue();
        assertThat(done.get("transaction_id").asText()).startsWith("txn_");
        assertThat(done.get("credited_minor").asLong()).as("R$150 at 0.2 = 30 USDC").isEqualTo(30_000_000);
        assertThat(fake.consumers().available("cons_ana", "BRL")).isEqualTo(35_000);
        assertThat(fake.consumers().available("cons_ana", "USDC")).isEqualTo(130_000_000);
        assertThat(raw.post("/v1/consumers/cons_ana/wallet/transfer",
                "{\"from_currency\":\"BRL\",\"to_currency\":\"BRL\",\"amount_minor\":1}").code()).isEqualTo(400);
    }

    @Test
    void whoamiDescribesTheKey() {
        JsonNode me = raw.get("/v1/whoami").json();

        assertThat(me.fieldNames()).toIterable().containsExactly("user", "organization", "project", "key");
        assertThat(me.at("/key/environment").asText()).isEqualTo("test");
        assertThat(me.at("/key/scopes")).extracting(JsonNode::asText).contains("sessions:create", "tools:execute");
        assertThat(me.toString()).doesNotContain(fake.apiKey());
    }

    @Test
    void theFixturesAgentDidDocumentHoldsTheKeyThatVerifiesItsSignature() throws Exception {
        JsonNode fixture = Shapes.golden("mandate-canonical.v3.fixture.json");
        String kid = fixture.at("/input/agent_kid").asText();
        String did = kid.substring(0, kid.indexOf('#'));

        Raw.Reply r = raw.call(new okhttp3.Request.Builder()   // no key: DID documents are public
                .url(fake.url("/v1/agents/" + URLEncoder.encode(did, StandardCharsets.UTF_8) + "/did.json"))
                .header("Accept", "application/did+json, application/json").build());

        assertThat(r.code()).isEqualTo(200);
        JsonNode method = r.json().get("verificationMethod").get(0);
        assertThat(r.json().get("id").asText()).isEqualTo(did);
        assertThat(method.get("id").asText()).isEqualTo(kid);
        assertThat(method.at("/publicKeyJwk/kty").asText()).isEqualTo("OKP");
        assertThat(method.at("/publicKeyJwk/crv").asText()).isEqualTo("Ed25519");
        byte[] raw32 = Base64.getUrlDecoder().decode(method.at("/publicKeyJwk/x").asText());
        assertThat(HexFormat.of().formatHex(raw32)).isEqualTo(fixture.get("agent_pubkey_hex").asText());
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                HexFormat.of().parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(raw32))));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(fixture.get("canonical_string").asText().getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(fixture.get("agent_sig_b64url").asText()))).isTrue();
        assertThat(raw.get("/v1/agents/" + URLEncoder.encode("did:web:example.com:nobody", StandardCharsets.UTF_8)
                + "/did.json").code()).isEqualTo(404);
        assertThatThrownBy(() -> FakeCodeSpar.builder().agentKey("no-did", "00")).isInstanceOf(
                IllegalArgumentException.class);
    }
}
