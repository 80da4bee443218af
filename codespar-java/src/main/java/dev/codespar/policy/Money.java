package dev.codespar.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/**
 * How much a meta-tool call moves, in minor units: {@code codespar_pay} takes minor units already,
 * {@code codespar_charge} and {@code codespar_crypto_pay} major units (scaled by the currency's digits: 2 for BRL, 0
 * for CLP, 6 for USDC). A {@code codespar_pay} with {@code action: "status"} moves nothing; other tools are not read
 * here (raw provider tools name their amounts as each provider does).
 *
 * @param currency the upper-case currency code
 * @param minor the amount in minor units
 */
record Money(String currency, long minor) {

    /** What reading a call's amount gave. */
    sealed interface Reading permits None, Amount, Unreadable {}

    /** The tool moves no money, or is not one this reader knows. */
    record None() implements Reading {}

    /** The amount. */
    record Amount(Money money) implements Reading {}

    /** The tool moves money, but the amount cannot be read: a cap cannot be checked. */
    record Unreadable(String why) implements Reading {}

    static Reading of(ToolCall call) {
        String tool = call.tool();
        boolean minorUnits;
        if ("codespar_pay".equals(tool)) {
            if ("status".equals(call.argument("action").asText(null))) {
                return new None();
            }
            minorUnits = true;
        } else if ("codespar_charge".equals(tool) || "codespar_crypto_pay".equals(tool)) {
            minorUnits = false;
        } else {
            return new None();
        }
        String currency = call.argument("currency").asText("").toUpperCase(Locale.ROOT);
        if (currency.isBlank()) {
            return new Unreadable(tool + " names no currency");
        }
        BigDecimal amount = decimal(call.argument("amount"));
        if (amount == null) {
            return new Unreadable(tool + " has no readable amount (a payment by copia_e_cola must also give it)");
        }
        if (!minorUnits) {
            Integer digits = digits(currency);
            if (digits == null) {
                return new Unreadable("the currency " + currency + " is not one whose minor unit is known");
            }
            amount = amount.movePointRight(digits);
        }
        if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 0) {
            return new Unreadable(tool + " has an amount that is not a whole number of minor units: " + amount);
        }
        try {
            return new Amount(new Money(currency, amount.longValueExact()));
        } catch (ArithmeticException tooLarge) {
            return new Unreadable(tool + " has an amount too large to compare: " + amount);
        }
    }

    private static BigDecimal decimal(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Integer digits(String currency) {
        if (currency.equals("USDC") || currency.equals("USDT")) {
            return 6;
        }
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? null : digits;
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
