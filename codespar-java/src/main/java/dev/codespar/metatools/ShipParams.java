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
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A shipping quote, label or tracking lookup ({@code codespar_ship}); the router picks the carrier.
 *
 * <pre>{@code
 * ShipParams.Address from = ShipParams.Address.of("01310-100");
 * ShipParams.Address to = ShipParams.Address.of("20040-020");
 * TypedToolResult<ShipResult> quote = MetaTools.of(session).ship(
 *         ShipParams.quote(from, to, List.of(ShipParams.Item.ofWeight(500))).withServiceLevel(ShipParams.ServiceLevel.CHEAPEST));
 * }</pre>
 *
 * @param action label, track or quote
 * @param origin sender address (label, quote)
 * @param destination recipient address (label, quote)
 * @param items what is shipped (label, quote)
 * @param serviceLevel fastest, cheapest (the server's default) or standard
 * @param trackingCode the code to track (track)
 * @param metadata provider-specific overrides (e.g. a Melhor Envio service id), or {@code null}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShipParams(
        @NotNull Action action,
        @Valid Address origin,
        @Valid Address destination,
        List<@NotNull @Valid Item> items,
        ServiceLevel serviceLevel,
        String trackingCode,
        Map<String, Object> metadata) {

    /** Copies the list and the map. */
    public ShipParams {
        items = items == null ? null : List.copyOf(items);
        metadata = metadata == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /**
     * Carrier rates for a route and items.
     *
     * @param origin sender
     * @param destination recipient
     * @param items the items
     * @return the request
     */
    public static ShipParams quote(Address origin, Address destination, List<Item> items) {
        return new ShipParams(Action.QUOTE, origin, destination, items, null, null, null);
    }

    /**
     * A shipping label (issues a tracking code).
     *
     * @param origin sender
     * @param destination recipient
     * @param items the items
     * @return the request
     */
    public static ShipParams label(Address origin, Address destination, List<Item> items) {
        return new ShipParams(Action.LABEL, origin, destination, items, null, null, null);
    }

    /**
     * The tracking status of a shipment.
     *
     * @param trackingCode the tracking code
     * @return the request
     */
    public static ShipParams track(String trackingCode) {
        return new ShipParams(Action.TRACK, null, null, null, null, trackingCode, null);
    }

    /**
     * A copy with a service level.
     *
     * @param level fastest, cheapest or standard
     * @return the new request
     */
    public ShipParams withServiceLevel(ServiceLevel level) {
        return new ShipParams(action, origin, destination, items, level, trackingCode, metadata);
    }

    /**
     * A copy with provider-specific metadata.
     *
     * @param value the metadata
     * @return the new request
     */
    public ShipParams withMetadata(Map<String, Object> value) {
        return new ShipParams(action, origin, destination, items, serviceLevel, trackingCode, value);
    }

    /** The fields each action needs, checked before the network. */
    void check() {
        if (action == Action.TRACK) {
            if (trackingCode == null || trackingCode.isBlank()) {
                throw Validation.invalid("trackingCode: must not be blank for action track");
            }
        } else if (action != null && (origin == null || destination == null || items == null || items.isEmpty())) {
            throw Validation.invalid("origin, destination and items: required for action "
                    + action.name().toLowerCase(Locale.ROOT));
        }
    }

    /** What to do. */
    public enum Action {
        /** Generate a label. */
        @JsonProperty("label")
        LABEL,
        /** Track a shipment. */
        @JsonProperty("track")
        TRACK,
        /** Quote carrier rates. */
        @JsonProperty("quote")
        QUOTE
    }

    /** How to pick among carriers. */
    public enum ServiceLevel {
        /** The fastest delivery. */
        @JsonProperty("fastest")
        FASTEST,
        /** The lowest price (the server's default). */
        @JsonProperty("cheapest")
        CHEAPEST,
        /** A standard service. */
        @JsonProperty("standard")
        STANDARD
    }

    /**
     * A postal address.
     *
     * @param postalCode the CEP / postal code
     * @param city the city, or {@code null}
     * @param state the state, or {@code null}
     * @param country ISO country code, or {@code null}
     * @param line1 street, or {@code null}
     * @param number house number, or {@code null}
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Address(
            @NotBlank String postalCode,
            String city,
            String state,
            String country,
            @JsonProperty("line_1") String line1,
            String number) {

        /**
         * An address with only a postal code (enough for quotes).
         *
         * @param postalCode the CEP / postal code
         * @return the address
         */
        public static Address of(String postalCode) {
            return new Address(postalCode, null, null, null, null, null);
        }
    }

    /**
     * A parcel item.
     *
     * @param weightG weight in grams
     * @param description what it is, or {@code null}
     * @param widthCm width, or {@code null}
     * @param heightCm height, or {@code null}
     * @param lengthCm length, or {@code null}
     * @param quantity how many, or {@code null} for one
     * @param declaredValue declared value for insurance, or {@code null}
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            @Positive int weightG,
            String description,
            BigDecimal widthCm,
            BigDecimal heightCm,
            BigDecimal lengthCm,
            @Positive Integer quantity,
            BigDecimal declaredValue) {

        /**
         * An item known by its weight only.
         *
         * @param grams the weight in grams
         * @return the item
         */
        public static Item ofWeight(int grams) {
            return new Item(grams, null, null, null, null, null, null);
        }

        /**
         * A copy with dimensions.
         *
         * @param width width in cm
         * @param height height in cm
         * @param length length in cm
         * @return the new item
         */
        public Item withDimensions(BigDecimal width, BigDecimal height, BigDecimal length) {
            return new Item(weightG, description, width, height, length, quantity, declaredValue);
        }
    }
}
