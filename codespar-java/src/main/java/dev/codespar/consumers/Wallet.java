package dev.codespar.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * A consumer's wallet, from {@link ConsumerService#wallet(String)}: per currency, what their mandates authorise, what
 * was spent and what is left. Currencies are separate pots; moving between them is a
 * {@link ConsumerService#transfer(String, TransferParams) transfer}.
 *
 * <pre>{@code
 * Wallet w = client.consumers().wallet("cons_ana");
 * long brlLeft = w.currency("BRL").map(WalletCurrency::availableMinor).orElse(0L);
 * }</pre>
 *
 * @param consumerId the consumer
 * @param currencies one row per currency, as the server orders them
 * @param raw the answer as the server sent it
 */
public record Wallet(String consumerId, List<WalletCurrency> currencies, JsonNode raw) {

    /** Copies the list. */
    public Wallet {
        currencies = currencies == null ? List.of() : List.copyOf(currencies);
    }

    /**
     * The row of a currency.
     *
     * @param code e.g. {@code BRL}
     * @return the row, or empty when the wallet has none
     */
    public Optional<WalletCurrency> currency(String code) {
        return currencies.stream().filter(c -> c.currency() != null && c.currency().equals(code)).findFirst();
    }
}
