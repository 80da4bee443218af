/**
 * Consumer spending: consents, mandates, spends, wallets and transfers, and the key's identity. Get the service with
 * {@code client.consumers()}; every call validates its input before the network and has an {@code ...Async} twin.
 *
 * <pre>{@code
 * ConsumerService consumers = client.consumers();
 * ConsentInit consent = consumers.initConsent(ConsentInitParams.builder()
 *         .agentId("agent_shopper").purpose("groceries")
 *         .currency("BRL").capMinor(50_000).perTxCapMinor(10_000)
 *         .merchantAllowlist("pix:mercado@example.com").build());
 * ConsentSubmission signed = consumers.submitConsent(consent.token(),
 *         ConsentSubmitParams.of("cons_ana", "pix", providerToken));
 * SpendReceipt paid = consumers.spend(signed.mandateId(),
 *         SpendParams.of(2_500, "pix:mercado@example.com", "agent_shopper"));
 * }</pre>
 *
 * <p>Amounts are minor units in a {@code long}. A spend and an executed transfer move money and are never sent again
 * once they may have been processed (see {@link dev.codespar.consumers.ConsumerService}). Answers are immutable
 * records that keep the server's JSON in {@code raw()}. To check a mandate token's signatures offline, see
 * {@link dev.codespar.mandate}.
 */
package dev.codespar.consumers;
