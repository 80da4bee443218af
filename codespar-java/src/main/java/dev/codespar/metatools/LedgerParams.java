package dev.codespar.metatools;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.codespar.internal.validation.Validation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A double-entry ledger operation ({@code codespar_ledger}): post an entry, read balances, create an account, or
 * read agentic receipts. Amounts are in <b>minor</b> units.
 *
 * <pre>{@code
 * MetaTools.of(session).ledger(LedgerParams.entry("BRL",
 *         List.of(new LedgerParams.Leg("@wallet/user_123", 1000)),
 *         List.of(new LedgerParams.Leg("@merchant/acme", 1000)))
 *         .withDescription("Order 42"));
 * }</pre>
 *
 * @param action entry, balance, account, receipt or receipts
 * @param asset currency or asset code (entry, account), e.g. {@code BRL}
 * @param scale decimal places of the asset (default 2), or {@code null}
 * @param source debit legs (entry)
 * @param destination credit legs (entry)
 * @param description entry description, or {@code null}
 * @param account the account id to read (balance)
 * @param alias the alias of a new account (account), e.g. {@code @wallet/user_123}
 * @param name display name of a new account, or {@code null}
 * @param type account type (default {@code deposit}), or {@code null}
 * @param receiptId the receipt to read (receipt), e.g. {@code rcpt_...}
 * @param consumerId whose receipts to list (receipts; default the session user), or {@code null}
 * @param limit how many receipts to list (default 50), or {@code null}
 * @param metadata stored on the entry or account, or {@code null}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LedgerParams(
        @NotNull Action action,
        String asset,
        Integer scale,
        List<@NotNull @Valid Leg> source,
        List<@NotNull @Valid Leg> destination,
        String description,
        String account,
        String alias,
        String name,
        String type,
        String receiptId,
        String consumerId,
        @Positive Integer limit,
        Map<String, Object> metadata) {

    /** Copies the lists and the map. */
    public LedgerParams {
        source = source == null ? null : List.copyOf(source);
        destination = destination == null ? null : List.copyOf(destination);
        metadata = metadata == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /**
     * A journal entry: the source debits must equal the destination credits, in one asset.
     *
     * @param asset e.g. {@code BRL}
     * @param source debit legs
     * @param destination credit legs
     * @return the request
     */
    public static LedgerParams entry(String asset, List<Leg> source, List<Leg> destination) {
        return new LedgerParams(Action.ENTRY, asset, null, source, destination, null, null, null, null, null, null,
                null, null, null);
    }

    /**
     * The balances of an account.
     *
     * @param accountId the account id
     * @return the request
     */
    public static LedgerParams balance(String accountId) {
        return new LedgerParams(Action.BALANCE, null, null, null, null, null, accountId, null, null, null, null,
                null, null, null);
    }

    /**
     * A new account.
     *
     * @param asset e.g. {@code BRL}
     * @param alias e.g. {@code @wallet/user_123}
     * @param name a display name, or {@code null}
     * @return the request
     */
    public static LedgerParams account(String asset, String alias, String name) {
        return new LedgerParams(Action.ACCOUNT, asset, null, null, null, null, null, alias, name, null, null, null,
                null, null);
    }

    /**
     * One agentic receipt.
     *
     * @param receiptId e.g. {@code rcpt_...}
     * @return the request
     */
    public static LedgerParams receipt(String receiptId) {
        return new LedgerParams(Action.RECEIPT, null, null, null, null, null, null, null, null, null, receiptId,
                null, null, null);
    }

    /**
     * A consumer's agentic receipts.
     *
     * @param consumerId whose receipts, or {@code null} for the session user
     * @param limit how many, or {@code null} for the server's default (50)
     * @return the request
     */
    public static LedgerParams receipts(String consumerId, Integer limit) {
        return new LedgerParams(Action.RECEIPTS, null, null, null, null, null, null, null, null, null, null,
                consumerId, limit, null);
    }

    /**
     * A copy with a description (entry).
     *
     * @param value the description
     * @return the new request
     */
    public LedgerParams withDescription(String value) {
        return new LedgerParams(action, asset, scale, source, destination, value, account, alias, name, type,
                receiptId, consumerId, limit, metadata);
    }

    /**
     * A copy with the asset's scale.
     *
     * @param value decimal places, e.g. 2 for fiat
     * @return the new request
     */
    public LedgerParams withScale(Integer value) {
        return new LedgerParams(action, asset, value, source, destination, description, account, alias, name, type,
                receiptId, consumerId, limit, metadata);
    }

    /**
     * A copy with an account type (account).
     *
     * @param value e.g. {@code deposit}, {@code savings}, {@code external}
     * @return the new request
     */
    public LedgerParams withType(String value) {
        return new LedgerParams(action, asset, scale, source, destination, description, account, alias, name, value,
                receiptId, consumerId, limit, metadata);
    }

    /**
     * A copy with metadata.
     *
     * @param value the metadata
     * @return the new request
     */
    public LedgerParams withMetadata(Map<String, Object> value) {
        return new LedgerParams(action, asset, scale, source, destination, description, account, alias, name, type,
                receiptId, consumerId, limit, value);
    }

    /** The fields each action needs, checked before the network. */
    void check() {
        if (action == null) {
            return;
        }
        switch (action) {
            case ENTRY:
                require(asset, "asset");
                if (source == null || source.isEmpty() || destination == null || destination.isEmpty()) {
                    throw Validation.invalid("source and destination: at least one leg each for action entry");
                }
                break;
            case BALANCE:
                require(account, "account");
                break;
            case ACCOUNT:
                require(asset, "asset");
                break;
            case RECEIPT:
                require(receiptId, "receiptId");
                break;
            default:
                break;
        }
    }

    private void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw Validation.invalid(field + ": must not be blank for action " + action.wire);
        }
    }

    /** What to do. */
    public enum Action {
        /** Post a journal entry. */
        @JsonProperty("entry")
        ENTRY("entry"),
        /** Read an account's balances. */
        @JsonProperty("balance")
        BALANCE("balance"),
        /** Create an account. */
        @JsonProperty("account")
        ACCOUNT("account"),
        /** Read one agentic receipt. */
        @JsonProperty("receipt")
        RECEIPT("receipt"),
        /** List agentic receipts. */
        @JsonProperty("receipts")
        RECEIPTS("receipts");

        private final String wire;

        Action(String wire) {
            this.wire = wire;
        }
    }

    /**
     * One side of an entry.
     *
     * @param account the account alias, e.g. {@code @wallet/user_123}
     * @param amount the amount in minor units
     */
    public record Leg(@NotBlank String account, @Positive long amount) {}
}
