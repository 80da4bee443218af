package dev.codespar.consumers;

/**
 * What {@link ConsumerService#spend(String, SpendParams)} spends: {@code {"amount_minor", "payee", "agent_id"}}.
 *
 * <pre>{@code
 * SpendParams p = SpendParams.of(2_500, "pix:mercado@example.com", "agent_shopper");   // R$ 25.00
 * }</pre>
 *
 * <p>Checked before the network: the amount above zero, payee and agent not blank. The mandate's caps and allowlist
 * are the server's to enforce (a refusal is a {@link dev.codespar.errors.ForbiddenError}).
 *
 * @param amountMinor the amount in minor units of the mandate's currency, above zero
 * @param payee who is paid, one of the mandate's allowlisted payees
 * @param agentId the agent spending, the one the mandate authorises
 */
public record SpendParams(long amountMinor, String payee, String agentId) {

    /**
     * The parameters.
     *
     * @param amountMinor the amount, minor units
     * @param payee the payee
     * @param agentId the agent
     * @return the parameters
     */
    public static SpendParams of(long amountMinor, String payee, String agentId) {
        return new SpendParams(amountMinor, payee, agentId);
    }
}
