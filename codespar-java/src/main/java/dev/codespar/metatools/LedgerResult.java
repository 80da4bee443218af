package dev.codespar.metatools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The outcome of a {@code codespar_ledger} call; which fields are set depends on the action.
 *
 * @param id the transaction or account id (entry, account), or {@code null}
 * @param status the status, or {@code null}
 * @param accountId the new account's id (account), or {@code null}
 * @param alias the account alias, or {@code null}
 * @param balances per-asset available and on-hold amounts (balance), or {@code null}
 * @param found whether the receipt exists (receipt), or {@code null}
 * @param receipt the agentic receipt (receipt), or {@code null}
 * @param receiptId the requested receipt id, echoed when not found, or {@code null}
 * @param receipts the receipts (receipts), or {@code null}
 * @param count how many receipts (receipts), or {@code null}
 * @param raw the provider's raw answer, or {@code null}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LedgerResult(
        String id,
        String status,
        String accountId,
        String alias,
        JsonNode balances,
        Boolean found,
        JsonNode receipt,
        String receiptId,
        List<JsonNode> receipts,
        Integer count,
        JsonNode raw) {}
