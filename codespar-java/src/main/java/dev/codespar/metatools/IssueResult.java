package dev.codespar.metatools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A card as a {@code codespar_issue} call left it.
 *
 * @param id the card id, or {@code null}
 * @param status the card status, or {@code null}
 * @param cardType virtual or physical, or {@code null}
 * @param lastFour the last four digits, or {@code null}
 * @param cardholderId the cardholder, or {@code null}
 * @param programId the card program, or {@code null}
 * @param raw the provider's raw answer, or {@code null}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record IssueResult(
        String id,
        String status,
        String cardType,
        String lastFour,
        String cardholderId,
        String programId,
        JsonNode raw) {}
