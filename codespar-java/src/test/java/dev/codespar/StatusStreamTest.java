package dev.codespar;

import static dev.codespar.Fixtures.json;
import static dev.codespar.Fixtures.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codespar.errors.NotFoundError;
import dev.codespar.errors.StreamError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Payment and verification status streams: snapshot, updates, done; heartbeats ignored. */
class StatusStreamTest {

    /** Golden G7. */
    static final String G7 = "event: snapshot\n"
            + "data: {\"tool_call_id\":\"tc1\",\"payment_status\":\"pending\",\"idempotency_key\":null,"
            + "\"original_status\":\"success\",\"hosted_url\":null,\"events\":[]}\n\n"
            + ": heartbeat 1767225600000\n\n"
            + "event: update\n"
            + "data: {\"tool_call_id\":\"tc1\",\"payment_status\":\"succeeded\","
            + "\"idempotency_key\":\"11111111-1111-1111-1111-111111111111\",\"original_status\":\"success\","
            + "\"events\":[{\"event_type\":\"commerce.payment.succeeded\",\"received_at\":\"2026-05-02T10:00:00Z\","
            + "\"provider\":\"asaas\",\"provider_action\":\"PAYMENT_RECEIVED\",\"payment_id\":\"pay_xyz\"}]}\n\n"
            + "event: done\ndata: {}\n\n";

    private MockWebServer server;
    private CodeSparClient client;
    private Session session;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = Fixtures.client(server);
        session = Fixtures.session(client, server);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    @Test
    void paymentStreamYieldsSnapshotUpdateAndDone() {
        server.enqueue(sse(G7).setHeader("X-Request-Id", "req_ps"));
        List<StatusEvent<PaymentStatusResult>> events = new ArrayList<>();
        try (EventStream<StatusEvent<PaymentStatusResult>> stream = session.toolCalls().paymentStatusStream("tc1")) {
            stream.forEach(events::add);
            assertThat(stream.getRequestId()).isEqualTo("req_ps");
        }
        assertThat(events).extracting(StatusEvent::kind).containsExactly(
                StatusEvent.Kind.SNAPSHOT, StatusEvent.Kind.UPDATE, StatusEvent.Kind.DONE);
        PaymentStatusResult snapshot = events.get(0).envelope();
        assertThat(snapshot.paymentStatus()).isEqualTo(PaymentStatus.PENDING);
        assertThat(snapshot.idempotencyKey()).isNull();
        assertThat(snapshot.isTerminal()).isFalse();
        PaymentStatusResult update = events.get(1).envelope();
        assertThat(update.paymentStatus()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(update.isTerminal()).isTrue();
        assertThat(update.idempotencyKey()).isEqualTo("11111111-1111-1111-1111-111111111111");
        assertThat(update.events()).containsExactly(new PaymentStatusResult.Event("commerce.payment.succeeded",
                Instant.parse("2026-05-02T10:00:00Z"), "asaas", "PAYMENT_RECEIVED", "pay_xyz"));
        assertThat(events.get(2).isDone()).isTrue();
        assertThat(events.get(2).status()).isEmpty();
    }

    @Test
    void aDoneWithAnEnvelopeIsTheFinalUpdateAndOlderPayloadsParse() {
        server.enqueue(sse("event: snapshot\ndata: {\"status\":\"pending\",\"tool_call_id\":\"tc1\","
                + "\"external_reference\":\"x\",\"observed_at\":\"2026-05-02T10:00:00Z\"}\n\n"
                + "event: heartbeat\ndata: {}\n\n"
                + "event: done\ndata: {\"status\":\"refunded\",\"final_amount_minor\":1000}\n\n"));
        try (EventStream<StatusEvent<PaymentStatusResult>> stream = session.toolCalls().paymentStatusStream("tc1")) {
            List<StatusEvent<PaymentStatusResult>> events = stream.stream().toList();
            assertThat(events).hasSize(2);
            assertThat(events.get(0).envelope().paymentStatus()).isEqualTo(PaymentStatus.PENDING);
            assertThat(events.get(1).envelope().paymentStatus()).isEqualTo(PaymentStatus.REFUNDED);
            assertThat(events.get(1).envelope().toolCallId()).as("falls back to the requested id").isEqualTo("tc1");
        }
    }

    @Test
    void verificationStreamReadsItsEnvelope() {
        server.enqueue(sse("event: snapshot\ndata: {\"tool_call_id\":\"tc9\",\"verification_status\":\"review\","
                + "\"hosted_url\":\"https://kyc.example/x\",\"events\":[{\"event_type\":\"commerce.kyc.review\","
                + "\"provider\":\"persona\",\"verification_id\":\"inq_1\"}]}\n\n"
                + "event: update\ndata: {\"tool_call_id\":\"tc9\",\"verification_status\":\"approved\"}\n\n"
                + "event: done\n\n"));
        try (EventStream<StatusEvent<VerificationStatusResult>> stream = session.toolCalls().verificationStatusStream("tc9")) {
            List<StatusEvent<VerificationStatusResult>> events = stream.stream().toList();
            VerificationStatusResult first = events.get(0).envelope();
            assertThat(first.verificationStatus()).isEqualTo(VerificationStatus.REVIEW);
            assertThat(first.hostedUrl()).isEqualTo("https://kyc.example/x");
            assertThat(first.events().get(0).verificationId()).isEqualTo("inq_1");
            assertThat(events.get(1).envelope().verificationStatus()).isEqualTo(VerificationStatus.APPROVED);
            assertThat(events.get(1).envelope().isTerminal()).isTrue();
            assertThat(events.get(2).isDone()).isTrue();
        }
    }

    @Test
    void anEndBeforeDoneIsAStreamError() {
        server.enqueue(sse("event: snapshot\ndata: {\"payment_status\":\"pending\"}\n\n: heartbeat\n\n"));
        try (EventStream<StatusEvent<PaymentStatusResult>> stream = session.toolCalls().paymentStatusStream("tc1")) {
            assertThatThrownBy(() -> stream.forEach(e -> { })).isInstanceOfSatisfying(StreamError.class,
                    e -> assertThat(e.getEventsDelivered()).isEqualTo(1));
        }
    }

    @Test
    void heartbeatsKeepAStreamAliveOnlyUntilTheIdleTimeout() {
        server.enqueue(sse("event: snapshot\ndata: {\"payment_status\":\"pending\"}\n\n: heartbeat\n\n")
                .setHeader("Content-Length", "4096"));
        try (EventStream<StatusEvent<VerificationStatusResult>> stream =
                session.withOptions(TestSupport.idle(Duration.ofMillis(200))).toolCalls().verificationStatusStream("tc1")) {
            assertThatThrownBy(() -> stream.forEach(e -> { })).isInstanceOf(StreamError.class)
                    .hasMessageContaining("no data for 200 ms");
        }
    }

    @Test
    void malformedJsonInAStatusEventFailsTheStream() {
        server.enqueue(sse("event: snapshot\ndata: {not json\n\n"));
        try (EventStream<StatusEvent<PaymentStatusResult>> stream = session.toolCalls().paymentStatusStream("tc1")) {
            assertThatThrownBy(() -> stream.forEach(e -> { })).isInstanceOf(StreamError.class)
                    .hasMessageContaining("not JSON");
        }
    }

    @Test
    void aNumberNoDecimalCanHoldFailsTheStreamLikeMalformedJson() {
        server.enqueue(sse("event: snapshot\ndata: {\"amount\":-7E31464496382}\n\n"));
        try (EventStream<StatusEvent<PaymentStatusResult>> stream = session.toolCalls().paymentStatusStream("tc1")) {
            assertThatThrownBy(() -> stream.forEach(e -> { })).isInstanceOf(StreamError.class)
                    .hasMessageContaining("not JSON");
        }
    }

    @Test
    void anUnknownToolCallIsA404BeforeTheStream() {
        server.enqueue(json(404, "{\"error\":{\"code\":\"not_found\",\"message\":\"Tool call not found\"},"
                + "\"request_id\":\"req_404\"}"));
        assertThatThrownBy(() -> session.toolCalls().paymentStatusStream("tc_missing")).isInstanceOfSatisfying(
                NotFoundError.class, e -> assertThat(e.getRequestId()).isEqualTo("req_404"));
    }

    @Test
    void blankToolCallIdsAreRejectedBeforeTheNetwork() {
        assertThatThrownBy(() -> session.toolCalls().paymentStatus(" "))
                .isInstanceOf(dev.codespar.errors.InvalidRequestError.class).hasMessageContaining("toolCallId");
        assertThatThrownBy(() -> session.toolCalls().verificationStatusStream(null))
                .isInstanceOf(dev.codespar.errors.InvalidRequestError.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
