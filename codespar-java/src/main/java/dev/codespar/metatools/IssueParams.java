package dev.codespar.metatools;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.codespar.internal.validation.Validation;
import jakarta.validation.constraints.NotNull;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Issue or control a payment card ({@code codespar_issue}).
 *
 * <pre>{@code
 * TypedToolResult<IssueResult> card = MetaTools.of(session).issue(IssueParams.virtualCard("ch_1", "prog_1"));
 * MetaTools.of(session).issue(IssueParams.control(cardId, IssueParams.Control.FREEZE, "lost phone"));
 * }</pre>
 *
 * @param action card-virtual, card-physical, card-control or card-get
 * @param cardholderId the cardholder (to issue)
 * @param programId the card program / BIN (to issue)
 * @param cardId the card (control, get)
 * @param control freeze, unfreeze or cancel (control)
 * @param reason why (control), or {@code null}
 * @param shippingAddress where to send a physical card
 * @param metadata extra data, or {@code null}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssueParams(
        @NotNull Action action,
        String cardholderId,
        String programId,
        String cardId,
        Control control,
        String reason,
        Map<String, Object> shippingAddress,
        Map<String, Object> metadata) {

    /** Copies the maps. */
    public IssueParams {
        shippingAddress = copy(shippingAddress);
        metadata = copy(metadata);
    }

    /**
     * A virtual card, active at once.
     *
     * @param cardholderId the cardholder
     * @param programId the card program
     * @return the request
     */
    public static IssueParams virtualCard(String cardholderId, String programId) {
        return new IssueParams(Action.CARD_VIRTUAL, cardholderId, programId, null, null, null, null, null);
    }

    /**
     * A physical card, shipped to an address.
     *
     * @param cardholderId the cardholder
     * @param programId the card program
     * @param shippingAddress the address fields the provider expects
     * @return the request
     */
    public static IssueParams physicalCard(String cardholderId, String programId,
            Map<String, Object> shippingAddress) {
        return new IssueParams(Action.CARD_PHYSICAL, cardholderId, programId, null, null, null, shippingAddress,
                null);
    }

    /**
     * Freeze, unfreeze or cancel a card.
     *
     * @param cardId the card
     * @param control what to do
     * @param reason why, or {@code null}
     * @return the request
     */
    public static IssueParams control(String cardId, Control control, String reason) {
        return new IssueParams(Action.CARD_CONTROL, null, null, cardId, control, reason, null, null);
    }

    /**
     * Read a card's status.
     *
     * @param cardId the card
     * @return the request
     */
    public static IssueParams get(String cardId) {
        return new IssueParams(Action.CARD_GET, null, null, cardId, null, null, null, null);
    }

    /**
     * A copy with metadata.
     *
     * @param value the metadata
     * @return the new request
     */
    public IssueParams withMetadata(Map<String, Object> value) {
        return new IssueParams(action, cardholderId, programId, cardId, control, reason, shippingAddress, value);
    }

    /** The fields each action needs, checked before the network. */
    void check() {
        if (action == null) {
            return;
        }
        switch (action) {
            case CARD_PHYSICAL:
                if (shippingAddress == null || shippingAddress.isEmpty()) {
                    throw Validation.invalid("shippingAddress: required for action card-physical");
                }
                requireIssue();
                break;
            case CARD_VIRTUAL:
                requireIssue();
                break;
            case CARD_CONTROL:
                require(cardId, "cardId");
                if (control == null) {
                    throw Validation.invalid("control: required for action card-control");
                }
                break;
            default:
                require(cardId, "cardId");
        }
    }

    private void requireIssue() {
        require(cardholderId, "cardholderId");
        require(programId, "programId");
    }

    private void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw Validation.invalid(field + ": must not be blank for this action");
        }
    }

    private static Map<String, Object> copy(Map<String, Object> map) {
        return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** What to do. */
    public enum Action {
        /** Issue a virtual card. */
        @JsonProperty("card-virtual")
        CARD_VIRTUAL,
        /** Issue a physical card. */
        @JsonProperty("card-physical")
        CARD_PHYSICAL,
        /** Freeze, unfreeze or cancel a card. */
        @JsonProperty("card-control")
        CARD_CONTROL,
        /** Read a card. */
        @JsonProperty("card-get")
        CARD_GET
    }

    /** A control verb. */
    public enum Control {
        /** Block the card temporarily. */
        @JsonProperty("freeze")
        FREEZE,
        /** Unblock it. */
        @JsonProperty("unfreeze")
        UNFREEZE,
        /** Disable it for good. */
        @JsonProperty("cancel")
        CANCEL
    }
}
