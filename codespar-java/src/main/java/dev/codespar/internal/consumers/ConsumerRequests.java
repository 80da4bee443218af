package dev.codespar.internal.consumers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.codespar.consumers.ConsentInitParams;
import dev.codespar.consumers.ConsentSlot;
import dev.codespar.consumers.ConsentSubmitParams;
import dev.codespar.consumers.SpendParams;
import dev.codespar.consumers.TransferParams;
import dev.codespar.internal.validation.Validation;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The request bodies of the consumer calls, built from checked parameters: every check runs while the request is
 * built, so bad input is refused before the network with an {@link dev.codespar.errors.InvalidRequestError} naming
 * the field.
 */
final class ConsumerRequests {

    /** The stablecoins the wallet's rails carry, beside the ISO 4217 codes. */
    private static final Set<String> STABLECOINS = Set.of("USDC", "USDT");

    /** The ISO 4217 codes the JDK knows. */
    private static final Set<String> ISO_CODES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    private ConsumerRequests() {}

    // ---------------------------------------------------------------- bodies

    @JsonPropertyOrder({"agent_id", "intent"})
    record InitBody(@JsonProperty("agent_id") String agentId, @JsonProperty("intent") Intent intent) {}

    @JsonPropertyOrder({"purpose", "cap_minor", "per_tx_cap_minor", "currency", "mandate_ttl_seconds",
        "merchant_allowlist", "merchant_pin_kind", "slots"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Intent(
            @JsonProperty("purpose") String purpose,
            @JsonProperty("cap_minor") long capMinor,
            @JsonProperty("per_tx_cap_minor") long perTxCapMinor,
            @JsonProperty("currency") String currency,
            @JsonProperty("mandate_ttl_seconds") long mandateTtlSeconds,
            @JsonProperty("merchant_allowlist") List<String> merchantAllowlist,
            @JsonProperty("merchant_pin_kind") String merchantPinKind,
            @JsonProperty("slots") List<Slot> slots) {}

    @JsonPropertyOrder({"currency", "rail", "cap_minor", "per_tx_cap_minor"})
    record Slot(
            @JsonProperty("currency") String currency,
            @JsonProperty("rail") String rail,
            @JsonProperty("cap_minor") long capMinor,
            @JsonProperty("per_tx_cap_minor") long perTxCapMinor) {}

    @JsonPropertyOrder({"consumer_id", "rail", "provider_token"})
    record SubmitBody(
            @JsonProperty("consumer_id") String consumerId,
            @JsonProperty("rail") String rail,
            @JsonProperty("provider_token") String providerToken) {}

    @JsonPropertyOrder({"amount_minor", "payee", "agent_id"})
    record SpendBody(
            @JsonProperty("amount_minor") long amountMinor,
            @JsonProperty("payee") String payee,
            @JsonProperty("agent_id") String agentId) {}

    @JsonPropertyOrder({"from_currency", "to_currency", "amount_minor", "execute", "agent_id", "purpose"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TransferBody(
            @JsonProperty("from_currency") String fromCurrency,
            @JsonProperty("to_currency") String toCurrency,
            @JsonProperty("amount_minor") long amountMinor,
            @JsonProperty("execute") Boolean execute,
            @JsonProperty("agent_id") String agentId,
            @JsonProperty("purpose") String purpose) {}

    // ---------------------------------------------------------------- checked builds

    /**
     * {@code {"agent_id", "intent"}}; with slots, the intent's currency and caps that are not set are the first
     * slot's, as the official CLI sends them.
     */
    static InitBody init(ConsentInitParams p) {
        params(p);
        text(p.agentId(), "agentId");
        text(p.purpose(), "purpose");
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < p.slots().size(); i++) {
            slots.add(slot(p.slots().get(i), "slots[" + i + "]"));
        }
        Slot first = slots.isEmpty() ? null : slots.get(0);
        String currency = p.currency() != null || first == null ? p.currency() : first.currency();
        Long cap = p.capMinor() != null || first == null ? p.capMinor() : Long.valueOf(first.capMinor());
        Long perTx = p.perTxCapMinor() != null || first == null ? p.perTxCapMinor()
                : Long.valueOf(first.perTxCapMinor());
        currency(currency, "currency");
        if (cap == null) {
            throw Validation.invalid("capMinor: must be set (or give a slot)");
        }
        if (perTx == null) {
            throw Validation.invalid("perTxCapMinor: must be set (or give a slot)");
        }
        caps(cap, perTx, "");
        if (p.mandateTtlSeconds() <= 0) {
            throw Validation.invalid("mandateTtlSeconds: must be above zero, was " + p.mandateTtlSeconds());
        }
        if (p.merchantAllowlist().isEmpty()) {
            throw Validation.invalid("merchantAllowlist: must name at least one payee");
        }
        for (int i = 0; i < p.merchantAllowlist().size(); i++) {
            text(p.merchantAllowlist().get(i), "merchantAllowlist[" + i + "]");
        }
        text(p.merchantPinKind(), "merchantPinKind");
        return new InitBody(p.agentId(), new Intent(p.purpose(), cap, perTx, currency, p.mandateTtlSeconds(),
                p.merchantAllowlist(), p.merchantPinKind(), slots.isEmpty() ? null : List.copyOf(slots)));
    }

    private static Slot slot(ConsentSlot s, String field) {
        if (s == null) {
            throw Validation.invalid(field + ": must not be null");
        }
        currency(s.currency(), field + ".currency");
        text(s.rail(), field + ".rail");
        caps(s.capMinor(), s.perTxCapMinor(), field + ".");
        return new Slot(s.currency(), s.rail(), s.capMinor(), s.perTxCapMinor());
    }

    static SubmitBody submit(ConsentSubmitParams p) {
        params(p);
        text(p.consumerId(), "consumerId");
        text(p.rail(), "rail");
        text(p.providerToken(), "providerToken");
        return new SubmitBody(p.consumerId(), p.rail(), p.providerToken());
    }

    static SpendBody spend(SpendParams p) {
        params(p);
        positive(p.amountMinor(), "amountMinor");
        text(p.payee(), "payee");
        text(p.agentId(), "agentId");
        return new SpendBody(p.amountMinor(), p.payee(), p.agentId());
    }

    static TransferBody transfer(TransferParams p) {
        params(p);
        currency(p.fromCurrency(), "fromCurrency");
        currency(p.toCurrency(), "toCurrency");
        if (p.fromCurrency().equals(p.toCurrency())) {
            throw Validation.invalid("toCurrency: must differ from fromCurrency (" + p.fromCurrency()
                    + "): a transfer moves money between two currencies of the wallet");
        }
        positive(p.amountMinor(), "amountMinor");
        if (p.agentId() != null) {
            text(p.agentId(), "agentId");
        }
        if (p.purpose() != null) {
            text(p.purpose(), "purpose");
        }
        return new TransferBody(p.fromCurrency(), p.toCurrency(), p.amountMinor(), p.execute() ? Boolean.TRUE : null,
                p.agentId(), p.purpose());
    }

    // ---------------------------------------------------------------- checks

    /** A path id or required text that is neither {@code null} nor blank. */
    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw Validation.invalid(field + ": must not be blank");
        }
        return value;
    }

    private static void params(Object params) {
        if (params == null) {
            throw Validation.invalid("params: must not be null");
        }
    }

    private static void positive(long value, String field) {
        if (value <= 0) {
            throw Validation.invalid(field + ": must be above zero (minor units), was " + value);
        }
    }

    private static void caps(long cap, long perTx, String prefix) {
        positive(cap, prefix + "capMinor");
        positive(perTx, prefix + "perTxCapMinor");
        if (perTx > cap) {
            throw Validation.invalid(prefix + "perTxCapMinor: " + perTx + " is more than " + prefix + "capMinor "
                    + cap + ": one spend cannot be allowed more than the whole mandate");
        }
    }

    /** An upper-case ISO 4217 code the JDK knows, or a stablecoin of the wallet's rails. */
    static void currency(String value, String field) {
        if (value == null || value.isBlank()) {
            throw Validation.invalid(field + ": must not be blank");
        }
        if (STABLECOINS.contains(value) || ISO_CODES.contains(value) && value.matches("[A-Z]{3}")) {
            return;
        }
        String hint = value.matches("[A-Za-z]{3,4}") && !value.equals(value.toUpperCase(Locale.ROOT))
                ? " (codes are upper case: " + value.toUpperCase(Locale.ROOT) + ")" : "";
        throw Validation.invalid(field + ": \"" + value + "\" is not an ISO 4217 currency code or USDC/USDT" + hint);
    }
}
