package dev.codespar.consumers;

/**
 * One currency of a multi-currency consent: a consumer signs once and the mandate gets a slot per currency, each with
 * its own total and per-transaction cap. Sent as {@code {"currency", "rail", "cap_minor", "per_tx_cap_minor"}}.
 *
 * <pre>{@code
 * ConsentSlot brl = ConsentSlot.of("BRL", "pix", 50_000, 10_000);              // R$ 500, R$ 100 a spend
 * ConsentSlot usdc = ConsentSlot.of("USDC", "usdc-onchain", 20_000_000, 5_000_000);   // 20 USDC, 5 a spend
 * }</pre>
 *
 * <p>Checked when the consent is initiated: the currency an upper-case ISO 4217 code (or {@code USDC},
 * {@code USDT}), the rail not blank, both caps above zero, and {@code perTxCapMinor <= capMinor}.
 *
 * @param currency e.g. {@code BRL}
 * @param rail how it is paid, e.g. {@code pix}, {@code usdc-onchain}
 * @param capMinor the total the mandate may spend in this currency, minor units
 * @param perTxCapMinor the most one spend may take, minor units
 */
public record ConsentSlot(String currency, String rail, long capMinor, long perTxCapMinor) {

    /**
     * A slot.
     *
     * @param currency e.g. {@code BRL}
     * @param rail e.g. {@code pix}
     * @param capMinor the total cap, minor units
     * @param perTxCapMinor the per-transaction cap, minor units
     * @return the slot
     */
    public static ConsentSlot of(String currency, String rail, long capMinor, long perTxCapMinor) {
        return new ConsentSlot(currency, rail, capMinor, perTxCapMinor);
    }
}
