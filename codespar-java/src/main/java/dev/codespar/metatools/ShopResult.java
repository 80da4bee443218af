package dev.codespar.metatools;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The outcome of a {@code codespar_shop} call. A search sets {@code rail} and {@code products}; a checkout sets
 * {@code checkoutSessionId} and {@code status} ({@code in_progress}); a status poll sets {@code status} and, when
 * ready, {@code totalMinor} and {@code pixCopiaECola}, or when canceled, {@code error}.
 *
 * @param rail the commerce rail, or {@code null}
 * @param products the offers found (search), or {@code null}
 * @param checkoutSessionId the checkout, or {@code null}
 * @param status the checkout state, or {@code null}
 * @param message an advisory message, or {@code null}
 * @param totalMinor the total in minor units (ready for payment), or {@code null}
 * @param pixCopiaECola the Pix code to pay (ready for payment), or {@code null}
 * @param orderStatus the merchant's order status, or {@code null}
 * @param error why the checkout was canceled, or {@code null}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ShopResult(
        String rail,
        List<Offer> products,
        String checkoutSessionId,
        CheckoutStatus status,
        String message,
        Long totalMinor,
        String pixCopiaECola,
        String orderStatus,
        String error) {

    /** The state of a checkout. */
    public enum CheckoutStatus {
        /** Still working. */
        @JsonProperty("in_progress")
        IN_PROGRESS,
        /** Ready: pay {@code pixCopiaECola}. */
        @JsonProperty("ready_for_payment")
        READY_FOR_PAYMENT,
        /** Canceled; see {@code error}. */
        @JsonProperty("canceled")
        CANCELED,
        /** A state this SDK version does not know. */
        @JsonEnumDefaultValue
        UNKNOWN
    }

    /**
     * A catalog offer.
     *
     * @param productId the product (not buyable itself)
     * @param skuId the SKU when the offer has a single one, or {@code null}
     * @param title the title, or {@code null}
     * @param priceMinor the price in minor units, or {@code null}
     * @param currency ISO-4217 code, or {@code null}
     * @param image an image URL, or {@code null}
     * @param url the product page, or {@code null}
     * @param available whether it can be bought
     * @param variants the buyable SKUs, or {@code null}
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Offer(String productId, String skuId, String title, Long priceMinor, String currency, String image,
            String url, boolean available, List<Variant> variants) {}

    /**
     * A buyable SKU of an offer.
     *
     * @param skuId pass it as the checkout item's {@code variantId}
     * @param title the title, or {@code null}
     * @param priceMinor the price in minor units, or {@code null}
     * @param currency ISO-4217 code, or {@code null}
     * @param available whether it can be bought
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Variant(String skuId, String title, Long priceMinor, String currency, boolean available) {}
}
