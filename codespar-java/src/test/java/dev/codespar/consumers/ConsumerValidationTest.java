package dev.codespar.consumers;

import static dev.codespar.consumers.ConsumerServiceTest.PAYEE;
import static dev.codespar.consumers.ConsumerServiceTest.brlIntent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.codespar.ManagementFixture;
import dev.codespar.errors.InvalidRequestError;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every check runs before the network: an {@link InvalidRequestError} naming the field, status 400, no request id, 0
 * attempts, no request; the asynchronous twin completes exceptionally with the same error and sends nothing either.
 */
class ConsumerValidationTest {

    private final ManagementFixture api = new ManagementFixture();
    private final ConsumerService consumers = api.client.consumers();

    @AfterEach
    void close() {
        api.close();
    }

    /** A call in both its forms. */
    record Call(Function<ConsumerService, Object> blocking, Function<ConsumerService, CompletableFuture<?>> async) {}

    static Call init(ConsentInitParams p) {
        return new Call(c -> c.initConsent(p), c -> c.initConsentAsync(p));
    }

    static Call submit(String token, ConsentSubmitParams p) {
        return new Call(c -> c.submitConsent(token, p), c -> c.submitConsentAsync(token, p));
    }

    static Call spend(String id, SpendParams p) {
        return new Call(c -> c.spend(id, p), c -> c.spendAsync(id, p));
    }

    static Call transfer(String id, TransferParams p) {
        return new Call(c -> c.transfer(id, p), c -> c.transferAsync(id, p));
    }

    static TransferParams.Builder brlToUsdc() {
        return TransferParams.builder().from("BRL").to("USDC").amountMinor(100);
    }

    static Stream<Arguments> invalidCalls() {
        ConsentSubmitParams okSubmit = ConsentSubmitParams.of("cons_ana", "pix", "tok");
        return Stream.of(
                Arguments.of("init: null params", init(null), "params: must not be null"),
                Arguments.of("init: no agent", init(brlIntent().agentId(" ").build()), "agentId: must not be blank"),
                Arguments.of("init: no purpose", init(brlIntent().purpose(null).build()), "purpose: must not be blank"),
                Arguments.of("init: no currency", init(brlIntent().currency(null).build()),
                        "currency: must not be blank"),
                Arguments.of("init: lower-case currency", init(brlIntent().currency("brl").build()),
                        "currency: \"brl\" is not an ISO 4217 currency code or USDC/USDT (codes are upper case: BRL)"),
                Arguments.of("init: unknown currency", init(brlIntent().currency("ABC").build()),
                        "currency: \"ABC\" is not an ISO 4217 currency code"),
                Arguments.of("init: no cap", init(ConsentInitParams.builder().agentId("a").purpose("p").currency("BRL")
                        .perTxCapMinor(1).merchantAllowlist(PAYEE).build()), "capMinor: must be set"),
                Arguments.of("init: no per-tx cap", init(ConsentInitParams.builder().agentId("a").purpose("p")
                        .currency("BRL").capMinor(1).merchantAllowlist(PAYEE).build()), "perTxCapMinor: must be set"),
                Arguments.of("init: zero cap", init(brlIntent().capMinor(0).build()),
                        "capMinor: must be above zero (minor units), was 0"),
                Arguments.of("init: negative per-tx cap", init(brlIntent().perTxCapMinor(-5).build()),
                        "perTxCapMinor: must be above zero (minor units), was -5"),
                Arguments.of("init: per-tx over cap", init(brlIntent().capMinor(1_000).perTxCapMinor(1_001).build()),
                        "perTxCapMinor: 1001 is more than capMinor 1000"),
                Arguments.of("init: zero ttl", init(brlIntent().mandateTtlSeconds(0).build()),
                        "mandateTtlSeconds: must be above zero, was 0"),
                Arguments.of("init: null ttl", init(brlIntent().mandateTtl(null).build()),
                        "mandateTtlSeconds: must be above zero"),
                Arguments.of("init: no payee", init(ConsentInitParams.builder().agentId("a").purpose("p")
                        .currency("BRL").capMinor(2).perTxCapMinor(1).build()),
                        "merchantAllowlist: must name at least one payee"),
                Arguments.of("init: blank payee", init(brlIntent().merchantAllowlist("", "x").build()),
                        "merchantAllowlist[1]: must not be blank"),
                Arguments.of("init: null payee", init(brlIntent().merchantAllowlist((String) null).build()),
                        "merchantAllowlist[1]: must not be blank"),
                Arguments.of("init: no pin kind", init(brlIntent().merchantPinKind("").build()),
                        "merchantPinKind: must not be blank"),
                Arguments.of("init: null slot", init(brlIntent().slot(null).build()), "slots[0]: must not be null"),
                Arguments.of("init: slot currency", init(brlIntent().slot(ConsentSlot.of("BRL", "pix", 2, 1))
                        .slot(ConsentSlot.of("usdc", "usdc", 2, 1)).build()), "slots[1].currency: \"usdc\""),
                Arguments.of("init: slot rail", init(brlIntent().slot(ConsentSlot.of("BRL", " ", 2, 1)).build()),
                        "slots[0].rail: must not be blank"),
                Arguments.of("init: slot cap", init(brlIntent().slot(ConsentSlot.of("BRL", "pix", 0, 1)).build()),
                        "slots[0].capMinor: must be above zero"),
                Arguments.of("init: slot per-tx over cap", init(brlIntent()
                        .slot(ConsentSlot.of("USDT", "usdt", 10, 11)).build()),
                        "slots[0].perTxCapMinor: 11 is more than slots[0].capMinor 10"),
                Arguments.of("submit: blank token", submit("  ", okSubmit), "token: must not be blank"),
                Arguments.of("submit: null token", submit(null, okSubmit), "token: must not be blank"),
                Arguments.of("submit: null params", submit("cst", null), "params: must not be null"),
                Arguments.of("submit: no consumer", submit("cst", ConsentSubmitParams.of("", "pix", "t")),
                        "consumerId: must not be blank"),
                Arguments.of("submit: no rail", submit("cst", ConsentSubmitParams.of("c", null, "t")),
                        "rail: must not be blank"),
                Arguments.of("submit: no provider token", submit("cst", ConsentSubmitParams.of("c", "pix", " ")),
                        "providerToken: must not be blank"),
                Arguments.of("spend: blank mandate", spend(" ", SpendParams.of(1, PAYEE, "a")),
                        "mandateId: must not be blank"),
                Arguments.of("spend: null params", spend("mnd_1", null), "params: must not be null"),
                Arguments.of("spend: zero amount", spend("mnd_1", SpendParams.of(0, PAYEE, "a")),
                        "amountMinor: must be above zero (minor units), was 0"),
                Arguments.of("spend: negative amount", spend("mnd_1", SpendParams.of(-1, PAYEE, "a")),
                        "amountMinor: must be above zero (minor units), was -1"),
                Arguments.of("spend: no payee", spend("mnd_1", SpendParams.of(1, "", "a")),
                        "payee: must not be blank"),
                Arguments.of("spend: no agent", spend("mnd_1", SpendParams.of(1, PAYEE, null)),
                        "agentId: must not be blank"),
                Arguments.of("wallet: blank consumer", new Call(c -> c.wallet(""), c -> c.walletAsync("")),
                        "consumerId: must not be blank"),
                Arguments.of("transfer: blank consumer", transfer(null, brlToUsdc().build()),
                        "consumerId: must not be blank"),
                Arguments.of("transfer: null params", transfer("cons_ana", null), "params: must not be null"),
                Arguments.of("transfer: no source", transfer("cons_ana", brlToUsdc().from(null).build()),
                        "fromCurrency: must not be blank"),
                Arguments.of("transfer: bad target", transfer("cons_ana", brlToUsdc().to("US$").build()),
                        "toCurrency: \"US$\" is not an ISO 4217 currency code"),
                Arguments.of("transfer: same currency", transfer("cons_ana", brlToUsdc().to("BRL").build()),
                        "toCurrency: must differ from fromCurrency (BRL)"),
                Arguments.of("transfer: zero amount", transfer("cons_ana", brlToUsdc().amountMinor(0).build()),
                        "amountMinor: must be above zero"),
                Arguments.of("transfer: blank agent", transfer("cons_ana", brlToUsdc().agentId("").build()),
                        "agentId: must not be blank"),
                Arguments.of("transfer: blank purpose", transfer("cons_ana", brlToUsdc().purpose(" ").build()),
                        "purpose: must not be blank"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCalls")
    void isRefusedBeforeTheNetworkNamingTheField(String name, Call call, String message) throws Exception {
        Throwable blocking = catchThrowable(() -> call.blocking().apply(consumers));
        assertRefused(blocking, message);

        CompletableFuture<?> future = call.async().apply(consumers);
        Throwable async = catchThrowable(() -> future.get(5, TimeUnit.SECONDS));
        assertThat(async).isInstanceOf(ExecutionException.class);
        assertRefused(async.getCause(), message);

        assertThat(api.requestCount()).as("requests sent").isZero();
    }

    private static void assertRefused(Throwable t, String message) {
        assertThat(t).isExactlyInstanceOf(InvalidRequestError.class);
        InvalidRequestError e = (InvalidRequestError) t;
        assertThat(e.getServerMessage()).startsWith(message);
        assertThat(e.getStatus()).isEqualTo(400);
        assertThat(e.getCode()).isEqualTo("invalid_request");
        assertThat(e.getAttempts()).isZero();
        assertThat(e.getRequestId()).isNull();
        assertThat(e.mayHaveBeenProcessed()).isFalse();
    }

    @Test
    void everyIso4217CodeAndTheStablecoinsAreAccepted() {
        for (String currency : List.of("BRL", "USD", "MXN", "CLP", "JPY", "USDC", "USDT")) {
            api.enqueue("{\"token\":\"cst\"}");
            consumers.initConsent(brlIntent().currency(currency).build());
            assertThat(api.take("POST", "/v1/consents/init").getBody().readUtf8())
                    .contains("\"currency\":\"" + currency + "\"");
        }
    }

    @Test
    void aPerTransactionCapEqualToTheCapIsAllowed() {
        api.enqueue("{\"token\":\"cst\"}");
        consumers.initConsent(brlIntent().capMinor(500).perTxCapMinor(500).build());
        assertThat(api.take("POST", "/v1/consents/init").getBody().readUtf8())
                .contains("\"cap_minor\":500,\"per_tx_cap_minor\":500");
    }
}
