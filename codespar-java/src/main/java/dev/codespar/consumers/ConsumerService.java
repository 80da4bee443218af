package dev.codespar.consumers;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Consumer spending: a consumer signs a consent that mints a mandate (caps per currency), an agent spends against the
 * mandate, and the consumer's wallet shows what is left. Get it with {@code client.consumers()}; stateless and
 * thread-safe.
 *
 * <pre>{@code
 * ConsumerService consumers = client.consumers();
 * ConsentInit consent = consumers.initConsent(ConsentInitParams.builder()
 *         .agentId("agent_shopper").purpose("groceries")
 *         .currency("BRL").capMinor(50_000).perTxCapMinor(10_000)        // R$ 500 in all, R$ 100 a purchase
 *         .merchantAllowlist("pix:mercado@example.com")
 *         .build());
 * // the consumer approves on the consent page; your backend submits their funding token:
 * ConsentSubmission signed = consumers.submitConsent(consent.token(),
 *         ConsentSubmitParams.of("cons_ana", "pix", providerToken));
 * SpendReceipt paid = consumers.spend(signed.mandateId(),
 *         SpendParams.of(2_500, "pix:mercado@example.com", "agent_shopper"));
 * long left = consumers.wallet("cons_ana").currency("BRL").orElseThrow().availableMinor();
 * }</pre>
 *
 * <p>Amounts are minor units ({@code long}: centavos for BRL, millionths for USDC). Everything is checked before the
 * network and refused with {@link dev.codespar.errors.InvalidRequestError} naming the field (status 400, no request
 * id, 0 attempts): amounts above zero, currencies as upper-case ISO 4217 codes (or {@code USDC}, {@code USDT}), each
 * per-transaction cap at most its total cap, ids not blank.
 *
 * <p><b>Money is never sent twice.</b> {@link #spend} and an executed {@link #transfer} move money, so they are never
 * sent again once they may have been processed: a connection lost after the request was written, a 504 or a 500 is
 * thrown at once (even with the client's {@code retryPostOnGatewayTimeout} or {@code retryOnInternalError} opt-ins),
 * and {@link dev.codespar.errors.ApiError#mayHaveBeenProcessed()} says so. Only failures where the server provably did
 * nothing are retried: 429 (except {@code quota_exceeded}), 502, 503, and a request that never left. A spend the
 * mandate refuses is a {@link dev.codespar.errors.ForbiddenError} whose {@code getCode()} is the reason
 * ({@code budget_exceeded}, {@code merchant_not_allowlisted}, {@code mandate_expired}, ...) and whose
 * {@code getBody()} names the rule ({@code ruleType}, {@code ruleId}).
 */
public interface ConsumerService {

    /**
     * Asks a consumer for a mandate: mints a one-shot consent token carrying the agent's intent, to show on the
     * consent page. {@code POST /v1/consents/init} with {@code {"agent_id", "intent": {...}}}.
     *
     * @param params the agent and what it asks for
     * @return the token and its expiry
     * @throws dev.codespar.errors.InvalidRequestError when a field is missing or out of range (no network call)
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    ConsentInit initConsent(ConsentInitParams params);

    /**
     * {@link #initConsent(ConsentInitParams)} without blocking.
     *
     * @param params the agent and what it asks for
     * @return a future of the token; validation errors complete it exceptionally
     */
    CompletableFuture<ConsentInit> initConsentAsync(ConsentInitParams params);

    /**
     * Signs a consent for a consumer, which mints the mandate. {@code POST /v1/consents/{token}/submit} with
     * {@code {"consumer_id", "rail", "provider_token"}}; the token is the authorisation (the API key is sent too).
     *
     * @param token the token {@link #initConsent} returned
     * @param params the consumer and their funding source
     * @return the mandate id and what the server adds
     * @throws dev.codespar.errors.InvalidRequestError when the token or a field is blank (no network call)
     * @throws dev.codespar.errors.NotFoundError when the token is unknown, expired or already used
     * @throws dev.codespar.errors.ApiError when the call fails, or answers without a {@code mandate_id}
     *     ({@code invalid_response}, the answer in {@code getBody()})
     */
    ConsentSubmission submitConsent(String token, ConsentSubmitParams params);

    /**
     * {@link #submitConsent(String, ConsentSubmitParams)} without blocking.
     *
     * @param token the consent token
     * @param params the consumer and their funding source
     * @return a future of the submission; validation errors complete it exceptionally
     */
    CompletableFuture<ConsentSubmission> submitConsentAsync(String token, ConsentSubmitParams params);

    /**
     * Spends from a mandate: moves money. {@code POST /v1/consumers/mandates/{id}/spend} with
     * {@code {"amount_minor", "payee", "agent_id"}}. Never sent again once it may have been processed; see the
     * interface's documentation.
     *
     * <pre>{@code
     * try {
     *     SpendReceipt r = consumers.spend(mandateId, SpendParams.of(2_500, payee, agentId));
     * } catch (ForbiddenError e) {                       // the mandate said no: nothing moved
     *     log.info("refused: {} by {}", e.getCode(), e.getBody().path("ruleType").asText());
     * } catch (ApiError e) {
     *     if (e.mayHaveBeenProcessed()) {
     *         reconcile(mandateId, e.getRequestId());    // look at the wallet before spending again
     *     }
     * }
     * }</pre>
     *
     * @param mandateId the mandate
     * @param params amount, payee and agent
     * @return the transaction and its receipt
     * @throws dev.codespar.errors.InvalidRequestError when the id is blank, the amount not above zero, or the payee or
     *     agent blank (no network call)
     * @throws dev.codespar.errors.ForbiddenError when the mandate refuses the spend ({@code getCode()} is the reason)
     * @throws dev.codespar.errors.NotFoundError when there is no such mandate
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    SpendReceipt spend(String mandateId, SpendParams params);

    /**
     * {@link #spend(String, SpendParams)} without blocking; the same no-resend rule.
     *
     * @param mandateId the mandate
     * @param params amount, payee and agent
     * @return a future of the receipt; validation errors complete it exceptionally
     */
    CompletableFuture<SpendReceipt> spendAsync(String mandateId, SpendParams params);

    /**
     * A consumer's wallet: per currency, what their mandates authorise, what was spent and what is left.
     * {@code GET /v1/consumers/{id}/wallet}.
     *
     * @param consumerId the consumer
     * @return the wallet
     * @throws dev.codespar.errors.InvalidRequestError when the id is blank (no network call)
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    Wallet wallet(String consumerId);

    /**
     * {@link #wallet(String)} without blocking.
     *
     * @param consumerId the consumer
     * @return a future of the wallet; validation errors complete it exceptionally
     */
    CompletableFuture<Wallet> walletAsync(String consumerId);

    /**
     * Plans, or with {@link TransferParams.Builder#execute()} runs, a move between two currencies of a consumer's
     * wallet (a real ramp trade: there is no exchange inside the wallet).
     * {@code POST /v1/consumers/{id}/wallet/transfer} with {@code {"from_currency", "to_currency", "amount_minor"}}
     * and, when set, {@code "execute": true}, {@code "agent_id"}, {@code "purpose"}. An executed transfer moves money
     * and is never sent again once it may have been processed.
     *
     * @param consumerId the consumer
     * @param params the currencies, the amount and whether to execute
     * @return the route, and for an executed transfer its transaction
     * @throws dev.codespar.errors.InvalidRequestError when the id is blank, a currency invalid or both the same, or
     *     the amount not above zero (no network call)
     * @throws dev.codespar.errors.ForbiddenError when the wallet cannot cover it ({@code budget_exceeded})
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    TransferResult transfer(String consumerId, TransferParams params);

    /**
     * {@link #transfer(String, TransferParams)} without blocking; the same no-resend rule.
     *
     * @param consumerId the consumer
     * @param params the currencies, the amount and whether to execute
     * @return a future of the result; validation errors complete it exceptionally
     */
    CompletableFuture<TransferResult> transferAsync(String consumerId, TransferParams params);

    /**
     * The funding sources consumers linked (a Pix account, a USDC wallet). {@code GET /v1/consumers/funding-sources}.
     * The endpoint has no paging: the list is whole.
     *
     * @return the funding sources, as the server orders them
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    List<FundingSource> fundingSources();

    /**
     * {@link #fundingSources()} without blocking.
     *
     * @return a future of the funding sources
     */
    CompletableFuture<List<FundingSource>> fundingSourcesAsync();

    /**
     * The consents consumers signed. {@code GET /v1/consumers/consents}. The endpoint has no paging: the list is whole.
     *
     * @return the consents, as the server orders them
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    List<Consent> consents();

    /**
     * {@link #consents()} without blocking.
     *
     * @return a future of the consents
     */
    CompletableFuture<List<Consent>> consentsAsync();

    /**
     * Who the API key belongs to: user, organisation, project, and the key's environment and scopes.
     * {@code GET /v1/whoami}.
     *
     * <pre>{@code
     * WhoAmI me = client.consumers().whoami();
     * if (me.environment() == Environment.LIVE) { ... }
     * }</pre>
     *
     * @return the key's identity
     * @throws dev.codespar.errors.UnauthorizedError when the key is not accepted
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    WhoAmI whoami();

    /**
     * {@link #whoami()} without blocking.
     *
     * @return a future of the key's identity
     */
    CompletableFuture<WhoAmI> whoamiAsync();
}
