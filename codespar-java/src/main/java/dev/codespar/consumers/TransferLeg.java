package dev.codespar.consumers;

/**
 * One side of a {@link TransferResult}: {@code from} or {@code to}.
 *
 * @param currency the currency
 * @param rail its rail, or {@code null}
 * @param amountMinor the amount taken (on {@code from}), or {@code null}
 * @param capAvailableMinor what the wallet has left in that currency (on {@code from}), or {@code null}
 */
public record TransferLeg(String currency, String rail, Long amountMinor, Long capAvailableMinor) {}
