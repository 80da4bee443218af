package dev.codespar;

import dev.codespar.metatools.MetaTools;
import dev.codespar.metatools.ChargeParams;
import dev.codespar.metatools.ShipParams;
import dev.codespar.metatools.LedgerParams;
import dev.codespar.metatools.IssueParams;
import dev.codespar.metatools.ShopParams;
import dev.codespar.metatools.ConnectionWizardParams;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every async twin returns before the server answers and completes on OkHttp's dispatcher thread. */
class AsyncTwinsTest {

    /** Answers only once the test opens the gate, so the test knows the caller was not blocked. */
    private static final class GatedDispatcher extends Dispatcher {
        final BlockingQueue<MockResponse> answers = new LinkedBlockingQueue<>();
        volatile CountDownLatch gate = new CountDownLatch(0);

        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            if (!gate.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("gate never opened");
            }
            MockResponse answer = answers.poll(10, TimeUnit.SECONDS);
            return answer != null ? answer : new MockResponse().setResponseCode(500);
        }
    }

    private MockWebServer server;
    private GatedDispatcher dispatcher;
    private CodeSparClient client;
    private Session session;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        dispatcher = new GatedDispatcher();
        server.setDispatcher(dispatcher);
        server.start();
        client = Fixtures.client(server);
        dispatcher.answers.add(Fixtures.json(201, Fixtures.CREATE_ANSWER));
        session = client.create("user_123");
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    private <T> T check(String name, String answer, Supplier<? extends CompletableFuture<? extends T>> call)
            throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        dispatcher.gate = gate;
        dispatcher.answers.add(answer.startsWith("event:") ? Fixtures.sse(answer)
                : answer.equals("204") ? new MockResponse().setResponseCode(204) : Fixtures.json(answer));
        CompletableFuture<? extends T> future = call.get();
        assertThat(future.isDone()).as(name + " returned before the server answered").isFalse();
        AtomicReference<String> thread = new AtomicReference<>();
        CompletableFuture<? extends T> observed =
                future.whenComplete((value, error) -> thread.set(Thread.currentThread().getName()));
        gate.countDown();
        T value = observed.get(10, TimeUnit.SECONDS);
        assertThat(thread.get()).as(name + " completed on OkHttp's dispatcher").startsWith("OkHttp");
        return value;
    }

    @Test
    void everyTwinCompletesOnTheDispatcherWithoutBlockingTheCaller() throws Exception {
        String ok = "{\"success\":true,\"data\":{}}";
        Map<String, Supplier<CompletableFuture<?>>> twins = new LinkedHashMap<>();
        twins.put("createAsync", () -> client.createAsync("user_123"));
        twins.put("executeAsync", () -> session.executeAsync("codespar_pay", Map.of()));
        twins.put("chargeAsync", () -> MetaTools.of(session).chargeAsync(ChargeParams.pix(BigDecimal.ONE, "BRL", "x",
                ChargeParams.Buyer.named("Ana"))));
        twins.put("shipAsync", () -> MetaTools.of(session).shipAsync(ShipParams.track("BR1")));
        twins.put("ledgerAsync", () -> MetaTools.of(session).ledgerAsync(LedgerParams.balance("acc_1")));
        twins.put("issueAsync", () -> MetaTools.of(session).issueAsync(IssueParams.get("card_1")));
        twins.put("shopAsync", () -> MetaTools.of(session).shopAsync(ShopParams.search("café")));
        twins.put("discoverAsync", () -> MetaTools.of(session).discoverAsync("nfse"));
        twins.put("connectionWizardAsync", () -> MetaTools.of(session).connectionWizardAsync(ConnectionWizardParams.list()));
        for (Map.Entry<String, Supplier<CompletableFuture<?>>> twin : twins.entrySet()) {
            check(twin.getKey(), twin.getKey().equals("createAsync") ? Fixtures.CREATE_ANSWER : ok, twin.getValue());
        }
        check("proxyExecuteAsync", "{\"status\":200}", () -> session.proxyExecuteAsync(
                ProxyParams.builder("asaas", ProxyParams.Method.GET, "/v3/p").build()));
        check("sendAsync", "{\"message\":\"ok\"}", () -> session.sendAsync("hi"));
        check("connectionsAsync", "{\"servers\":[]}", session::connectionsAsync);
        check("waitForConnectionsAsync", "{\"servers\":[{\"id\":\"a\",\"connected\":true}]}",
                () -> session.waitForConnectionsAsync(Duration.ofSeconds(5)));
        check("authorizeAsync", "{\"link_token\":\"l\",\"authorize_url\":\"https://a\"}",
                () -> session.authorizeAsync("asaas", "https://app.example.com/x"));
        check("paymentStatusAsync", "{}", () -> session.toolCalls().paymentStatusAsync("tc_1"));
        check("verificationStatusAsync", "{}", () -> session.toolCalls().verificationStatusAsync("tc_1"));
        try (EventStream<StreamEvent> s = check("sendStreamAsync", "event: done\ndata: {}\n\n",
                () -> session.sendStreamAsync("hi"))) {
            assertThat(s.stream().toList()).hasSize(1);
        }
        try (EventStream<StatusEvent<PaymentStatusResult>> s = check("paymentStatusStreamAsync", "event: done\n\n",
                () -> session.toolCalls().paymentStatusStreamAsync("tc_1"))) {
            assertThat(s.stream().toList()).hasSize(1);
        }
        try (EventStream<StatusEvent<VerificationStatusResult>> s = check("verificationStatusStreamAsync",
                "event: done\n\n", () -> session.withOptions(TestSupport.idle(Duration.ofSeconds(5))).toolCalls().verificationStatusStreamAsync("tc_1"))) {
            assertThat(s.stream().toList()).hasSize(1);
        }
        check("closeAsync", "204", session::closeAsync);
        assertThat(server.getRequestCount()).isEqualTo(21);
    }

    @Test
    void validationFailuresCompleteTheFutureWithoutANetworkCall() {
        List<CompletableFuture<?>> failed = List.of(
                session.executeAsync(" ", Map.of()),
                session.sendAsync(""),
                MetaTools.of(session).shipAsync(ShipParams.track(null)),
                session.toolCalls().paymentStatusStreamAsync(""),
                session.authorizeAsync("asaas", null),
                client.createAsync("u", SessionConfig.builder().mocks(Map.of("Bad Key", Map.of())).build()));
        for (CompletableFuture<?> f : failed) {
            assertThat(f).isCompletedExceptionally();
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
