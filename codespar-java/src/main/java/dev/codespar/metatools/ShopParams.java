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
import java.util.List;

/**
 * Buy-side shopping ({@code codespar_shop}): search a catalog, start an asynchronous checkout, then poll it until
 * it is ready for payment (a Pix "copia e cola" to settle with a payment tool) or canceled.
 *
 * <pre>{@code
 * TypedToolResult<ShopResult> found = MetaTools.of(session).shop(ShopParams.search("café especial").withMerchant("acme"));
 * String sku = found.output().orElseThrow().products().get(0).skuId();
 * TypedToolResult<ShopResult> started = MetaTools.of(session).shop(ShopParams.checkout("acme", List.of(ShopParams.Item.of(sku))));
 * ShopResult status = MetaTools.of(session).shop(ShopParams.checkoutStatus(started.output().orElseThrow().checkoutSessionId()))
 *         .output().orElseThrow();
 * }</pre>
 *
 * @param action search, checkout or checkout_status
 * @param query what to search for (search)
 * @param limit how many results, 1..20 (search; default 10), or {@code null}
 * @param merchant the merchant, resolved to a rail by the server, or {@code null}
 * @param items the SKUs to buy (checkout on the VTEX rail); exclusive with {@code url}
 * @param url the product page (checkout on the Mercado Livre rail); exclusive with {@code items}
 * @param consumerId the buyer scope (checkout; default the calling agent), or {@code null}
 * @param buyer buyer profile merged with the saved one (checkout), or {@code null}
 * @param address delivery address (checkout), or {@code null}
 * @param checkoutSessionId the checkout to poll (checkout_status)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShopParams(
        @NotNull Action action,
        String query,
        @Positive Integer limit,
        String merchant,
        List<@NotNull @Valid Item> items,
        String url,
        String consumerId,
        @Valid Buyer buyer,
        @Valid Address address,
        String checkoutSessionId) {

    /** Copies the list. */
    public ShopParams {
        items = items == null ? null : List.copyOf(items);
    }

    /**
     * A catalog search.
     *
     * @param query what to look for
     * @return the request
     */
    public static ShopParams search(String query) {
        return new ShopParams(Action.SEARCH, query, null, null, null, null, null, null, null, null);
    }

    /**
     * A checkout of SKUs (VTEX rail).
     *
     * @param merchant the merchant, or {@code null}
     * @param items the SKUs
     * @return the request
     */
    public static ShopParams checkout(String merchant, List<Item> items) {
        return new ShopParams(Action.CHECKOUT, null, null, merchant, items, null, null, null, null, null);
    }

    /**
     * A checkout of a product page (Mercado Livre rail).
     *
     * @param url the product page URL
     * @return the request
     */
    public static ShopParams checkoutUrl(String url) {
        return new ShopParams(Action.CHECKOUT, null, null, null, null, url, null, null, null, null);
    }

    /**
     * The state of a checkout.
     *
     * @param checkoutSessionId the id returned by the checkout
     * @return the request
     */
    public static ShopParams checkoutStatus(String checkoutSessionId) {
        return new ShopParams(Action.CHECKOUT_STATUS, null, null, null, null, null, null, null, null,
                checkoutSessionId);
    }

    /**
     * A copy with a result cap (search).
     *
     * @param value 1..20
     * @return the new request
     */
    public ShopParams withLimit(Integer value) {
        return new ShopParams(action, query, value, merchant, items, url, consumerId, buyer, address,
                checkoutSessionId);
    }

    /**
     * A copy with a merchant.
     *
     * @param value the merchant
     * @return the new request
     */
    public ShopParams withMerchant(String value) {
        return new ShopParams(action, query, limit, value, items, url, consumerId, buyer, address,
                checkoutSessionId);
    }

    /**
     * A copy with a buyer scope (checkout).
     *
     * @param value the consumer id
     * @return the new request
     */
    public ShopParams withConsumerId(String value) {
        return new ShopParams(action, query, limit, merchant, items, url, value, buyer, address,
                checkoutSessionId);
    }

    /**
     * A copy with a buyer profile (checkout).
     *
     * @param value the buyer
     * @return the new request
     */
    public ShopParams withBuyer(Buyer value) {
        return new ShopParams(action, query, limit, merchant, items, url, consumerId, value, address,
                checkoutSessionId);
    }

    /**
     * A copy with a delivery address (checkout).
     *
     * @param value the address
     * @return the new request
     */
    public ShopParams withAddress(Address value) {
        return new ShopParams(action, query, limit, merchant, items, url, consumerId, buyer, value,
                checkoutSessionId);
    }

    /** The fields each action needs, checked before the network. */
    void check() {
        if (action == null) {
            return;
        }
        switch (action) {
            case SEARCH:
                if (query == null || query.isBlank()) {
                    throw Validation.invalid("query: must not be blank for action search");
                }
                break;
            case CHECKOUT:
                boolean hasItems = items != null && !items.isEmpty();
                boolean hasUrl = url != null && !url.isBlank();
                if (hasItems == hasUrl) {
                    throw Validation.invalid("items, url: a checkout takes either items (VTEX) or url (Mercado Livre),"
                            + " not both and not neither");
                }
                break;
            default:
                if (checkoutSessionId == null || checkoutSessionId.isBlank()) {
                    throw Validation.invalid("checkoutSessionId: must not be blank for action checkout_status");
                }
        }
    }

    /** What to do. */
    public enum Action {
        /** Search the catalog. */
        @JsonProperty("search")
        SEARCH,
        /** Start a checkout. */
        @JsonProperty("checkout")
        CHECKOUT,
        /** Poll a checkout. */
        @JsonProperty("checkout_status")
        CHECKOUT_STATUS
    }

    /**
     * A line item: pass the offer's {@code sku_id} as {@code variant_id}.
     *
     * @param variantId the SKU
     * @param quantity how many (default 1), or {@code null}
     * @param seller a marketplace sub-seller, or {@code null}
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(@NotBlank String variantId, @Positive Integer quantity, String seller) {
        /**
         * One unit of a SKU.
         *
         * @param variantId the SKU
         * @return the item
         */
        public static Item of(String variantId) {
            return new Item(variantId, null, null);
        }
    }

    /**
     * A buyer profile.
     *
     * @param name name, or {@code null}
     * @param email e-mail, or {@code null}
     * @param cpf CPF, or {@code null}
     * @param phone phone, or {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Buyer(String name, String email, String cpf, String phone) {}

    /**
     * A delivery address.
     *
     * @param cep the CEP
     * @param street street, or {@code null}
     * @param number number, or {@code null}
     * @param complement complement, or {@code null}
     * @param neighborhood neighborhood, or {@code null}
     * @param city city, or {@code null}
     * @param state state, or {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Address(@NotBlank String cep, String street, String number, String complement, String neighborhood,
            String city, String state) {}
}
