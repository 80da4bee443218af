package dev.codespar.internal.consumers;

import dev.codespar.consumers.Consent;
import dev.codespar.consumers.ConsentInit;
import dev.codespar.consumers.ConsentInitParams;
import dev.codespar.consumers.ConsentSubmission;
import dev.codespar.consumers.ConsentSubmitParams;
import dev.codespar.consumers.ConsumerService;
import dev.codespar.consumers.FundingSource;
import dev.codespar.consumers.SpendParams;
import dev.codespar.consumers.SpendReceipt;
import dev.codespar.consumers.TransferParams;
import dev.codespar.consumers.TransferResult;
import dev.codespar.consumers.Wallet;
import dev.codespar.consumers.WhoAmI;
import dev.codespar.internal.http.ApiCall;
import dev.codespar.internal.http.ApiRequest;
import dev.codespar.internal.http.HttpTransport;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@link ConsumerService} over {@code /v1/consents}, {@code /v1/consumers} and {@code /v1/whoami}. Each endpoint is
 * defined once, as the {@link ApiCall} its blocking and asynchronous forms both run.
 */
public final class ConsumerServiceImpl implements ConsumerService {

    private final HttpTransport transport;

    /**
     * The service over a transport.
     *
     * @param transport the client's transport
     */
    public ConsumerServiceImpl(HttpTransport transport) {
        this.transport = transport;
    }

    @Override
    public ConsentInit initConsent(ConsentInitParams params) {
        return initCall(params).execute();
    }

    @Override
    public CompletableFuture<ConsentInit> initConsentAsync(ConsentInitParams params) {
        return initCall(params).executeAsync();
    }

    @Override
    public ConsentSubmission submitConsent(String token, ConsentSubmitParams params) {
        return submitCall(token, params).execute();
    }

    @Override
    public CompletableFuture<ConsentSubmission> submitConsentAsync(String token, ConsentSubmitParams params) {
        return submitCall(token, params).executeAsync();
    }

    @Override
    public SpendReceipt spend(String mandateId, SpendParams params) {
        return spendCall(mandateId, params).execute();
    }

    @Override
    public CompletableFuture<SpendReceipt> spendAsync(String mandateId, SpendParams params) {
        return spendCall(mandateId, params).executeAsync();
    }

    @Override
    public Wallet wallet(String consumerId) {
        return walletCall(consumerId).execute();
    }

    @Override
    public CompletableFuture<Wallet> walletAsync(String consumerId) {
        return walletCall(consumerId).executeAsync();
    }

    @Override
    public TransferResult transfer(String consumerId, TransferParams params) {
        return transferCall(consumerId, params).execute();
    }

    @Override
    public CompletableFuture<TransferResult> transferAsync(String consumerId, TransferParams params) {
        return transferCall(consumerId, params).executeAsync();
    }

    @Override
    public List<FundingSource> fundingSources() {
        return fundingSourcesCall().execute();
    }

    @Override
    public CompletableFuture<List<FundingSource>> fundingSourcesAsync() {
        return fundingSourcesCall().executeAsync();
    }

    @Override
    public List<Consent> consents() {
        return consentsCall().execute();
    }

    @Override
    public CompletableFuture<List<Consent>> consentsAsync() {
        return consentsCall().executeAsync();
    }

    @Override
    public WhoAmI whoami() {
        return whoamiCall().execute();
    }

    @Override
    public CompletableFuture<WhoAmI> whoamiAsync() {
        return whoamiCall().executeAsync();
    }

    /** {@code POST /v1/consents/init} with {@code {"agent_id", "intent"}}. */
    private ApiCall<ConsentInit> initCall(ConsentInitParams params) {
        return ApiCall.of(transport, () -> ApiRequest.post(ConsumerRequests.init(params), "consents", "init"),
                ConsumerReaders.CONSENT_INIT);
    }

    /**
     * {@code POST /v1/consents/{token}/submit} with {@code {"consumer_id", "rail", "provider_token"}}. The token is
     * the authorisation, so log lines and error messages show the path without it.
     */
    private ApiCall<ConsentSubmission> submitCall(String token, ConsentSubmitParams params) {
        return ApiCall.of(transport, () -> {
            ConsumerRequests.text(token, "token");
            return ApiRequest.post(ConsumerRequests.submit(params), "consents", token, "submit").withSecretPath();
        }, ConsumerReaders.SUBMISSION);
    }

    /** {@code POST /v1/consumers/mandates/{id}/spend} with {@code {"amount_minor", "payee", "agent_id"}}: money. */
    private ApiCall<SpendReceipt> spendCall(String mandateId, SpendParams params) {
        return ApiCall.of(transport, () -> {
            ConsumerRequests.text(mandateId, "mandateId");
            return ApiRequest.post(ConsumerRequests.spend(params), "consumers", "mandates", mandateId, "spend")
                    .movingMoney();
        }, ConsumerReaders.SPEND);
    }

    /** {@code GET /v1/consumers/{id}/wallet}. */
    private ApiCall<Wallet> walletCall(String consumerId) {
        return ApiCall.of(transport, () -> ApiRequest.get("consumers", ConsumerRequests.text(consumerId,
                "consumerId"), "wallet"), ConsumerReaders.WALLET);
    }

    /**
     * {@code POST /v1/consumers/{id}/wallet/transfer}; money when executed (a plan moves nothing and may be asked
     * again).
     */
    private ApiCall<TransferResult> transferCall(String consumerId, TransferParams params) {
        return ApiCall.of(transport, () -> {
            ConsumerRequests.text(consumerId, "consumerId");
            ConsumerRequests.TransferBody body = ConsumerRequests.transfer(params);
            ApiRequest request = ApiRequest.post(body, "consumers", consumerId, "wallet", "transfer");
            return params.execute() ? request.movingMoney() : request;
        }, ConsumerReaders.TRANSFER);
    }

    /** {@code GET /v1/consumers/funding-sources}. */
    private ApiCall<List<FundingSource>> fundingSourcesCall() {
        return ApiCall.of(transport, () -> ApiRequest.get("consumers", "funding-sources"),
                ConsumerReaders.FUNDING_SOURCES);
    }

    /** {@code GET /v1/consumers/consents}. */
    private ApiCall<List<Consent>> consentsCall() {
        return ApiCall.of(transport, () -> ApiRequest.get("consumers", "consents"), ConsumerReaders.CONSENTS);
    }

    /** {@code GET /v1/whoami}. */
    private ApiCall<WhoAmI> whoamiCall() {
        return ApiCall.of(transport, () -> ApiRequest.get("whoami"), ConsumerReaders.WHOAMI);
    }

    @Override
    public String toString() {
        return "ConsumerService";
    }
}
