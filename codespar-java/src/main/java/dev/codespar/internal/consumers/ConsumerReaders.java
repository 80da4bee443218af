package dev.codespar.internal.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.consumers.Consent;
import dev.codespar.consumers.ConsentInit;
import dev.codespar.consumers.ConsentSubmission;
import dev.codespar.consumers.FundingSource;
import dev.codespar.consumers.SpendReceipt;
import dev.codespar.consumers.TransferLeg;
import dev.codespar.consumers.TransferResult;
import dev.codespar.consumers.Wallet;
import dev.codespar.consumers.WalletCurrency;
import dev.codespar.consumers.WhoAmI;
import dev.codespar.internal.http.HttpTransport;
import dev.codespar.internal.http.JsonAnswer;
import dev.codespar.internal.http.JsonReaders;
import dev.codespar.internal.json.JsonFields;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Tolerant readers of the consumer answers: a missing, {@code null} or wrong-typed field reads as absent, amounts are
 * read from numbers or decimal strings, and an object may arrive wrapped ({@code {"wallet": {...}}}).
 */
final class ConsumerReaders {

    /** The consent token: the authorisation of its submission, kept out of {@code raw()}. */
    private static final String TOKEN = "token";

    static final HttpTransport.ResponseReader<ConsentInit> CONSENT_INIT = JsonReaders.answer().map(answer -> {
        JsonNode json = JsonFields.unwrapKeyed(TOKEN, answer.json(), "consent");
        String token = JsonReaders.requireText(answer, json, TOKEN);
        return new ConsentInit(token, JsonFields.instant(json, "expires_at"), JsonFields.without(json, TOKEN));
    });

    static final HttpTransport.ResponseReader<ConsentSubmission> SUBMISSION = JsonReaders.answer().map(answer -> {
        JsonNode json = JsonFields.unwrapKeyed("mandate_id", answer.json(), "mandate");
        return new ConsentSubmission(
                JsonReaders.requireText(answer, json, "mandate_id"),
                JsonFields.text(json, "consumer_id"),
                JsonFields.text(json, "agent_id"),
                JsonFields.text(json, "consent_id"),
                JsonFields.ids(json.get("funding_source_ids")),
                JsonFields.text(json, "status"),
                JsonFields.instant(json, "expires_at"),
                json);
    });

    static final HttpTransport.ResponseReader<SpendReceipt> SPEND = JsonReaders.answer().map(answer -> {
        JsonNode json = answer.json();
        JsonNode tx = json.path("transaction").isObject() ? json.get("transaction") : json;
        String receiptId = JsonFields.firstText(tx, "receipt_id");
        if (receiptId == null) {
            receiptId = JsonFields.text(json.path("receipt"), "id");
        }
        return new SpendReceipt(
                JsonFields.firstText(tx, "transaction_id", "id"),
                receiptId,
                JsonFields.text(tx, "mandate_id"),
                JsonFields.text(tx, "status"),
                JsonFields.firstLong(tx, "amount_minor"),
                JsonFields.text(tx, "currency"),
                JsonFields.text(tx, "rail"),
                JsonFields.text(tx, "payee"),
                JsonFields.bool(tx, "money_moved"),
                JsonFields.firstLong(tx, "available_minor"),
                JsonFields.instant(tx, "created_at"),
                json);
    });

    static final HttpTransport.ResponseReader<Wallet> WALLET = JsonReaders.answer().map(answer -> {
        JsonNode json = JsonFields.unwrapKeyed("consumer_id", answer.json(), "wallet");
        List<WalletCurrency> rows = new ArrayList<>();
        for (JsonNode row : objects(json.get("currencies"))) {
            rows.add(new WalletCurrency(
                    JsonFields.text(row, "currency"),
                    JsonFields.text(row, "rail"),
                    minor(row, "authorized_minor"),
                    minor(row, "spent_minor"),
                    minor(row, "available_minor"),
                    JsonFields.ids(row.get("funding_source_ids")),
                    JsonFields.ids(row.get("mandate_ids")),
                    row));
        }
        return new Wallet(JsonFields.text(json, "consumer_id"), rows, json);
    });

    static final HttpTransport.ResponseReader<TransferResult> TRANSFER = JsonReaders.answer().map(answer -> {
        JsonNode json = answer.json();
        return new TransferResult(
                JsonFields.text(json, "consumer_id"),
                JsonFields.text(json, "route"),
                isTrue(json, "converts"),
                JsonFields.text(json, "engine"),
                isTrue(json, "executable"),
                isTrue(json, "executed"),
                JsonFields.text(json, "transaction_id"),
                JsonFields.text(json, "status"),
                JsonFields.text(json, "settle_via"),
                leg(json.get("from")),
                leg(json.get("to")),
                JsonFields.text(json, "note"),
                JsonFields.bool(json, "money_moved"),
                JsonFields.text(json, "pix_copy_paste"),
                JsonFields.text(json, "destination_address"),
                json);
    });

    static final HttpTransport.ResponseReader<List<FundingSource>> FUNDING_SOURCES =
            list("funding_sources", ConsumerReaders::fundingSource);

    static final HttpTransport.ResponseReader<List<Consent>> CONSENTS = list("consents", ConsumerReaders::consent);

    static final HttpTransport.ResponseReader<WhoAmI> WHOAMI = JsonReaders.answer().map(answer -> {
        JsonNode json = answer.json();
        JsonNode user = json.path("user");
        JsonNode org = json.path("organization");
        JsonNode project = json.path("project");
        JsonNode key = json.path("key");
        return new WhoAmI(
                JsonFields.text(user, "id"),
                JsonFields.text(user, "email"),
                JsonFields.text(user, "name"),
                JsonFields.text(org, "id"),
                JsonFields.text(org, "name"),
                JsonFields.text(project, "id"),
                JsonFields.text(project, "name"),
                JsonFields.text(key, "id"),
                JsonFields.text(key, "environment"),
                JsonFields.ids(key.get("scopes")),
                json);
    });

    private ConsumerReaders() {}

    static FundingSource fundingSource(JsonNode row) {
        return new FundingSource(
                JsonFields.text(row, "id"),
                JsonFields.text(row, "consumer_id"),
                JsonFields.text(row, "rail"),
                JsonFields.text(row, "currency"),
                JsonFields.text(row, "provider"),
                JsonFields.text(row, "display_label"),
                JsonFields.text(row, "status"),
                JsonFields.instant(row, "created_at"),
                JsonFields.instant(row, "expires_at"),
                JsonFields.instant(row, "revoked_at"),
                row.path("metadata"),
                row);
    }

    static Consent consent(JsonNode row) {
        Long version = JsonFields.firstLong(row, "hmac_secret_version");
        return new Consent(
                JsonFields.text(row, "id"),
                JsonFields.text(row, "consumer_id"),
                JsonFields.text(row, "funding_source_id"),
                JsonFields.text(row, "agent_id"),
                JsonFields.text(row, "kind"),
                version == null ? null : Integer.valueOf(version.intValue()),
                JsonFields.firstLong(row, "cap_minor"),
                JsonFields.firstLong(row, "per_tx_cap_minor"),
                JsonFields.text(row, "currency"),
                JsonFields.text(row, "purpose"),
                JsonFields.text(row, "ip_address"),
                JsonFields.instant(row, "signed_at"),
                JsonFields.instant(row, "expires_at"),
                row.path("metadata"),
                row);
    }

    /** A list answer: a bare array, or an object holding it under {@code key} (or {@code data}). */
    private static <T> HttpTransport.ResponseReader<List<T>> list(String key, Function<JsonNode, T> item) {
        return JsonReaders.list().map(answer -> {
            List<T> out = new ArrayList<>();
            for (JsonNode row : objects(items(answer, key))) {
                out.add(item.apply(row));
            }
            return List.copyOf(out);
        });
    }

    private static JsonNode items(JsonAnswer answer, String key) {
        JsonNode json = answer.json();
        if (json.isArray()) {
            return json;
        }
        JsonNode rows = json.path(key).isArray() ? json.get(key) : json.path("data");
        if (!rows.isArray()) {
            throw JsonReaders.missingField(answer, key);
        }
        return rows;
    }

    private static List<JsonNode> objects(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(node -> {
                if (node.isObject()) {
                    out.add(node);
                }
            });
        }
        return out;
    }

    private static TransferLeg leg(JsonNode json) {
        if (json == null || !json.isObject()) {
            return null;
        }
        return new TransferLeg(JsonFields.text(json, "currency"), JsonFields.text(json, "rail"),
                JsonFields.firstLong(json, "amount_minor"), JsonFields.firstLong(json, "cap_available_minor"));
    }

    private static long minor(JsonNode row, String field) {
        Long value = JsonFields.firstLong(row, field);
        return value == null ? 0 : value;
    }

    private static boolean isTrue(JsonNode json, String field) {
        return Boolean.TRUE.equals(JsonFields.bool(json, field));
    }
}
