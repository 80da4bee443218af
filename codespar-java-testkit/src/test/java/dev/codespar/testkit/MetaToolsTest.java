package dev.codespar.testkit;

import static dev.codespar.testkit.Shapes.Field.opt;
import static dev.codespar.testkit.Shapes.Field.req;
import static dev.codespar.testkit.SessionsTest.catchApi;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.ToolResult;
import dev.codespar.errors.InvalidRequestError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fourteen meta-tools: their definitions, their input rules and the result shapes of the official types. */
class MetaToolsTest {

    private static final List<String> FOURTEEN = List.of("codespar_shop", "codespar_wallet", "codespar_pay",
            "codespar_crypto_pay", "codespar_issue", "codespar_checkout", "codespar_charge", "codespar_invoice",
            "codespar_ship", "codespar_notify", "codespar_kyc", "codespar_ledger", "codespar_discover",
            "codespar_manage_connections");

    private FakeCodeSpar fake;
    private CodeSparClient client;
    private Raw raw;
    private Session session;

    @BeforeEach
    void start() {
        fake = FakeCodeSpar.builder().requireConnection("melhor-envio").start();
        client = fake.client();
        raw = new Raw(fake);
        session = client.create("user_1", SessionConfig.builder()
                .servers("asaas", "nuvem-fiscal", "melhor-envio", "z-api", "unblockpay").build());
    }

    @AfterEach
    void stop() {
        raw.close();
        client.close();
        fake.close();
    }

    private JsonNode data(String tool, Map<String, ?> input) {
        ToolResult r = session.execute(tool, input);
        assertThat(r.success()).as(tool + " " + input + ": " + r.error()).isTrue();
        return r.data();
    }

    private static void conforms(String shape, JsonNode data, Shapes.Field... fields) {
        assertThat(Shapes.check(shape, data, List.of(fields))).as(data.toString()).isEmpty();
    }

    @Test
    void theCatalogueServesThePublishedDefinitionsAndOneForEveryTool() {
        JsonNode published = Shapes.golden("meta-tool-definitions.json");
        JsonNode tools = raw.get("/v1/sessions/" + session.getId() + "/connections").json().get("tools");
        List<String> names = new ArrayList<>();
        for (JsonNode t : tools) {
            names.add(t.get("name").asText());
            assertThat(t.at("/input_schema/type").asText()).isEqualTo("object");
            assertThat(t.at("/input_schema/properties").size()).as(t.get("name").asText()).isPositive();
            if (published.has(t.get("name").asText())) {
                JsonNode def = published.get(t.get("name").asText());
                assertThat(t.get("input_schema")).isEqualTo(def.get("input_schema"));
                assertThat(t.get("description")).isEqualTo(def.get("description"));
            }
        }
        assertThat(names).contains("codespar_pay", "codespar_invoice", "codespar_notify", "codespar_ship");
        JsonNode catalogue = raw.get("/v1/tools?server=codespar").json();
        assertThat(catalogue.get("data")).extracting(t -> t.get("name").asText()).containsExactlyElementsOf(FOURTEEN);
        assertThat(raw.get("/v1/tools/codespar_pay").json().get("input_schema"))
                .isEqualTo(published.at("/codespar_pay/input_schema"));
    }

    @Test
    void theDefinitionsAreHonoured() {
        InvalidRequestError noAction = (InvalidRequestError) catchApi(() -> session.execute("codespar_pay",
                Map.of("amount", 1000, "currency", "BRL")));
        InvalidRequestError noTo = (InvalidRequestError) catchApi(() -> session.execute("codespar_notify",
                Map.of("channel", "sms")));
        InvalidRequestError wrongType = (InvalidRequestError) catchApi(() -> session.execute("codespar_notify",
                Map.of("channel", "sms", "to", 5511999999999L, "message", "hi")));
        InvalidRequestError noType = (InvalidRequestError) catchApi(() -> session.execute("codespar_invoice",
                Map.of("action", "status", "invoice_id", "nfe_1")));

        assertThat(noAction.getServerMessage()).isEqualTo("Missing required field: action");
        assertThat(noTo.getServerMessage()).isEqualTo("Missing required field: to");
        assertThat(wrongType.getServerMessage()).isEqualTo("to must be a string");
        assertThat(noType.getServerMessage()).isEqualTo("Missing required field: type");
        assertThat(fake.session(session.getId()).orElseThrow().servers()).isNotEmpty();
    }

    @Test
    void payResultsCarryTheRecipientAlsoWhenPayingACopiaECola() {
        JsonNode byKey = data("codespar_pay", Inputs.PAY);
        String brCode = "00020126360014br.gov.bcb.pix0114+5511999999995204000053039865802BR5913LOJA EXEMPLO6009"
                + "SAO PAULO62070503***6304ABCD";
        JsonNode byCode = data("codespar_pay", Map.of("action", "pay", "amount", 2590, "currency", "BRL",
                "description", "Order 43", "copia_e_cola", brCode));

        Shapes.Field[] payResult = {req("id", "string"), req("status", "string"), opt("settled", "boolean"),
            opt("status_message", "string"), req("amount", "number"), req("currency", "string"),
            req("method", "string"), req("recipient", "string")};
        conforms("PayResult", byKey, payResult);
        conforms("PayResult", byCode, payResult);
        assertThat(byCode.get("recipient").asText()).isEqualTo("+5511999999995");
        assertThat(byCode.toString()).as("the payable code is not echoed").doesNotContain(brCode);
        JsonNode status = data("codespar_pay", Map.of("action", "status", "payment_id", byKey.get("id").asText()));
        assertThat(status.get("status").asText()).isEqualTo("pending");
        assertThat(status.get("settled").asBoolean()).isFalse();
    }

    @Test
    void invoiceStatusReadsTheIssuedDocumentAndAmendNeverIssuesOne() {
        JsonNode issued = data("codespar_invoice", Inputs.INVOICE);
        String id = issued.get("id").asText();

        JsonNode status = data("codespar_invoice", Map.of("type", "nfe", "action", "status", "invoice_id", id));
        JsonNode corrected = data("codespar_invoice", Map.of("type", "nfe", "action", "amend", "invoice_id", id,
                "correction", "Endereço do destinatário"));
        ToolResult unknown = session.execute("codespar_invoice", Map.of("type", "nfe", "action", "status",
                "invoice_id", "nfe_nope"));

        assertThat(status.get("id").asText()).isEqualTo(id);
        assertThat(status.get("status").asText()).isEqualTo("autorizada");
        assertThat(corrected.get("id").asText()).isEqualTo(id);
        assertThat(corrected.at("/amendment/mechanism").asText()).isEqualTo("correction_letter");
        assertThat(unknown.success()).isFalse();
        assertThat(unknown.error()).isEqualTo("Invalid parameter: invoice nfe_nope not found");
        fake.advanceTime(java.time.Duration.ofDays(31));
        session = client.create("user_1", SessionConfig.builder().servers("nuvem-fiscal").build());
        JsonNode reissued = data("codespar_invoice", Map.of("type", "nfe", "action", "amend", "invoice_id", id,
                "correction", "late", "reason", "wrong amount"));
        assertThat(reissued.get("status").asText()).isEqualTo("cancelada");
        assertThat(reissued.at("/amendment/mechanism").asText()).isEqualTo("cancel_and_reissue");
        assertThat(data("codespar_invoice", Map.of("type", "nfe", "action", "status", "invoice_id",
                reissued.at("/amendment/substitute_id").asText())).get("status").asText()).isEqualTo("autorizada");
    }

    @Test
    void theWizardAndDiscoverCarryEveryKeyTheirTypesRequire() {
        JsonNode list = data("codespar_manage_connections", Map.of());
        JsonNode init = data("codespar_manage_connections", Map.of("action", "initiate", "server_id", "melhor-envio"));
        JsonNode found = data("codespar_discover", Map.of("use_case", "send a pix payment", "limit", 3));

        for (JsonNode row : list.get("connections")) {
            conforms("ConnectionStatusRow", row, req("server_id", "string"), req("display_name", "string"),
                    req("auth_type", "string"), req("status", "string-enum", "connected", "disconnected",
                            "not_required", "expired"), req("difficulty", "string-enum", "easy", "medium", "hard"),
                    req("connection_metadata", "object"), req("connected_at", "string?"));
        }
        assertThat(list.get("connections").get(0).get("connected_at").asText()).isNotEmpty();
        assertThat(list.get("connections").get(2).get("connected_at").isNull()).isTrue();
        conforms("ConnectionWizardInstructions", init.get("initiate"), req("server_id", "string"),
                req("display_name", "string"), req("auth_type", "string"),
                req("difficulty", "string-enum", "easy", "medium", "hard"),
                req("status", "string-enum", "connected", "disconnected", "not_required", "expired"),
                req("connect_url", "string"), req("instructions", "array"), req("required_secrets", "array"),
                req("known_pitfalls", "array"), req("next_action", "string"));
        JsonNode match = found.get("recommended");
        conforms("DiscoverToolMatch", match, req("server_id", "string"), req("tool_name", "string"),
                req("description", "string"), req("http_method", "string"), req("endpoint_template", "string"),
                req("cosine_distance", "number?"), req("trigram_similarity", "number?"),
                req("connection_status", "string-enum", "connected", "disconnected", "not_required"),
                req("known_pitfalls", "array"), req("recommended_plan", "array"));
        assertThat(match.get("server_id").asText()).isEqualTo("asaas");
        for (JsonNode step : match.get("recommended_plan")) {
            conforms("DiscoverPlanStep", step, req("step", "string"), opt("description", "string"),
                    opt("prereq", "boolean"), opt("action", "boolean"));
        }
        assertThat(found.get("related").size()).isLessThanOrEqualTo(3);
        JsonNode nothing = data("codespar_discover", Map.of("use_case", "zzz qqq"));
        assertThat(nothing.get("search_strategy").asText()).isEqualTo("empty");
        assertThat(nothing.get("recommended").isNull()).isTrue();
    }

    @Test
    void everySellSideToolAnswersItsResultType() {
        JsonNode charge = data("codespar_charge", Map.of("amount", 150, "currency", "BRL", "method", "pix",
                "description", "Order 42", "buyer", Map.of("name", "Ana", "document", "11144477735")));
        conforms("ChargeResult", charge, req("id", "string"), req("status", "string"), req("amount", "number"),
                req("currency", "string"), req("method", "string"), opt("charge_url", "string"),
                opt("pix_qr_code", "string"), opt("pix_copy_paste", "string"));
        assertThat(charge.get("pix_copy_paste").asText()).startsWith("000201").contains("br.gov.bcb.pix");

        JsonNode checkout = data("codespar_checkout", Map.of("items", List.of(Map.of("name", "Starter Kit",
                "quantity", 2, "price", 149)), "currency", "BRL", "paymentMethod", "pix"));
        assertThat(checkout.get("amount").asInt()).isEqualTo(298);
        assertThat(checkout.get("checkout_url").asText()).startsWith(fake.baseUrl() + "/checkout/chk_");

        JsonNode kyc = data("codespar_kyc", Map.of("check_type", "risk-score", "buyer", Map.of("name", "Ana")));
        conforms("KycResult", kyc, req("verification_id", "string"), req("status", "string"),
                req("check_type", "string"), req("hosted_url", "string?"), opt("score", "number"));

        JsonNode notify = data("codespar_notify", Inputs.NOTIFY);
        assertThat(notify.get("status").asText()).isEqualTo("sent");

        fake.connect(session.getId(), "melhor-envio");
        JsonNode label = data("codespar_ship", Map.of("action", "label", "origin", Map.of("postal_code", "01310-100"),
                "destination", Map.of("postal_code", "20040-002"), "items", List.of(Map.of("weight_g", 1200))));
        Shapes.Field[] shipResult = {req("id", "string"), req("status", "string"), opt("tracking_code", "string"),
            opt("label_url", "string"), opt("carrier", "string"), opt("estimated_delivery", "string"),
            opt("cost_minor", "number")};
        conforms("ShipResult", label, shipResult);
        JsonNode track = data("codespar_ship", Map.of("action", "track", "tracking_code",
                label.get("tracking_code").asText()));
        conforms("ShipResult", track, shipResult);
        assertThat(track.get("status").asText()).isEqualTo("in_transit");
    }

    @Test
    void everyBuySideAndSharedToolAnswersItsResultType() {
        String mandate = fake.consumers().grantMandate("user_1", "agent_1", "BRL", 50_000, 10_000, "ana@example.com");
        JsonNode wallet = data("codespar_wallet", Map.of());
        assertThat(wallet.at("/currencies/0/available_minor").asLong()).isEqualTo(50_000);
        assertThat(wallet.at("/currencies/0/mandate_ids/0").asText()).isEqualTo(mandate);
        JsonNode topup = data("codespar_wallet", Map.of("action", "topup", "currency", "BRL", "amount_minor", 1000));
        assertThat(topup.get("status").asText()).isEqualTo("pending");

        JsonNode send = data("codespar_crypto_pay", Map.of("amount", 100, "currency", "USDC", "direction", "send",
                "rail", "stablecoin-payout", "counterparty", Map.of("address", "0xabc", "country", "MX")));
        JsonNode receive = data("codespar_crypto_pay", Map.of("amount", 29.9, "currency", "USDC",
                "direction", "receive", "description", "Order #42"));
        assertThat(send.get("status").asText()).isEqualTo("pending");
        assertThat(receive.get("hosted_url").asText()).startsWith(fake.baseUrl());

        JsonNode card = data("codespar_issue", Map.of("action", "card-virtual", "cardholder_id", "ch_1",
                "program_id", "prg_1"));
        conforms("IssueResult", card, opt("id", "string"), opt("status", "string"), opt("card_type", "string"),
                opt("last_four", "string"), opt("cardholder_id", "string"), opt("program_id", "string"));
        JsonNode frozen = data("codespar_issue", Map.of("action", "card-control", "card_id", card.get("id").asText(),
                "control", "freeze"));
        assertThat(frozen.get("status").asText()).isEqualTo("BLOCKED");

        JsonNode entry = data("codespar_ledger", Map.of("action", "entry", "asset", "BRL",
                "source", List.of(Map.of("account", "@external/BRL", "amount", 12500)),
                "destination", List.of(Map.of("account", "@wallet/user_1", "amount", 12500))));
        assertThat(entry.get("status").asText()).isEqualTo("APPROVED");
        JsonNode account = data("codespar_ledger", Map.of("action", "account", "asset", "BRL",
                "alias", "@wallet/user_1"));
        JsonNode balance = data("codespar_ledger", Map.of("action", "balance", "account",
                account.get("account_id").asText()));
        assertThat(balance.at("/balances/BRL/available").asLong()).isEqualTo(12500);
        ToolResult unbalanced = session.execute("codespar_ledger", Map.of("action", "entry", "asset", "BRL",
                "source", List.of(Map.of("account", "@a", "amount", 1)),
                "destination", List.of(Map.of("account", "@b", "amount", 2))));
        assertThat(unbalanced.success()).isFalse();
        assertThat(unbalanced.error()).startsWith("Invalid parameter: source debits (1)");
        assertThat(data("codespar_ledger", Map.of("action", "receipt", "receipt_id", "rcpt_nope")).toString())
                .isEqualTo("{\"found\":false,\"receipt_id\":\"rcpt_nope\"}");
    }
}
