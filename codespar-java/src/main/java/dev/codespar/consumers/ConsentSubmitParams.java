package dev.codespar.consumers;

/**
 * What {@link ConsumerService#submitConsent(String, ConsentSubmitParams)} signs a consent with:
 * {@code {"consumer_id", "rail", "provider_token"}}. All three are required and must not be blank.
 *
 * <pre>{@code
 * ConsentSubmission s = client.consumers().submitConsent(token,
 *         ConsentSubmitParams.of("cons_ana", "pix", providerToken));
 * }</pre>
 *
 * @param consumerId the consumer who signs
 * @param rail the rail of the funding source, e.g. {@code pix}
 * @param providerToken the funding provider's token for the consumer's account (a credential: never printed by
 *     {@link #toString()})
 */
public record ConsentSubmitParams(String consumerId, String rail, String providerToken) {

    /**
     * The parameters.
     *
     * @param consumerId the consumer
     * @param rail the rail
     * @param providerToken the funding provider's token
     * @return the parameters
     */
    public static ConsentSubmitParams of(String consumerId, String rail, String providerToken) {
        return new ConsentSubmitParams(consumerId, rail, providerToken);
    }

    @Override
    public String toString() {
        return "ConsentSubmitParams{consumerId=" + consumerId + ", rail=" + rail + ", providerToken="
                + (providerToken == null ? "null" : "[redacted]") + "}";
    }
}
