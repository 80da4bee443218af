package dev.codespar.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A spend the mandate allowed, from {@link ConsumerService#spend(String, SpendParams)}: the transaction and its
 * receipt. The server's object varies by rail, so every field may be {@code null}; {@link #raw()} has all of it.
 *
 * @param transactionId the transaction ({@code transaction_id}, else {@code id})
 * @param receiptId the receipt ({@code receipt_id}, else {@code receipt.id})
 * @param mandateId the mandate spent from
 * @param status e.g. {@code settled}, {@code processing}
 * @param amountMinor the amount spent, minor units
 * @param currency its currency
 * @param rail how it was paid, e.g. {@code pix}
 * @param payee who was paid
 * @param moneyMoved whether money moved already ({@code money_moved}), or {@code null} when not said
 * @param availableMinor what is left of the mandate's cap in that currency
 * @param createdAt when
 * @param raw the answer as the server sent it
 */
public record SpendReceipt(String transactionId, String receiptId, String mandateId, String status, Long amountMinor,
        String currency, String rail, String payee, Boolean moneyMoved, Long availableMinor, Instant createdAt,
        JsonNode raw) {}
