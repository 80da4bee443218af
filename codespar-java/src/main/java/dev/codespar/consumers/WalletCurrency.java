package dev.codespar.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One currency of a {@link Wallet}, over the consumer's unexpired mandates. Amounts are minor units; a missing one
 * reads as 0.
 *
 * @param currency e.g. {@code BRL}
 * @param rail its rail, or {@code null} when the mandates use several
 * @param authorizedMinor what the mandates authorise in all
 * @param spentMinor what was spent
 * @param availableMinor what is left to spend
 * @param fundingSourceIds the funding sources behind it
 * @param mandateIds the mandates behind it
 * @param raw the row as the server sent it
 */
public record WalletCurrency(String currency, String rail, long authorizedMinor, long spentMinor, long availableMinor,
        List<String> fundingSourceIds, List<String> mandateIds, JsonNode raw) {

    /** Copies the lists. */
    public WalletCurrency {
        fundingSourceIds = fundingSourceIds == null ? List.of() : List.copyOf(fundingSourceIds);
        mandateIds = mandateIds == null ? List.of() : List.copyOf(mandateIds);
    }
}
