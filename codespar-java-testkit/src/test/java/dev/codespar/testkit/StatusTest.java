package dev.codespar.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Payment and verification status and their live streams, over raw OkHttp. */
class StatusTest {

    private FakeCodeSpar fake;
    private Raw raw;
    private String session;

    @BeforeEach
    void start() {
        fake = FakeCodeSpar.builder().heartbeatInterval(Duration.ofMillis(50)).start();
        raw = new Raw(fake, Duration.ofSeconds(5));
        session = raw.session("asaas");
    }

    @AfterEach
    void stop() {
        raw.close();
        fake.close();
    }

    private String pay() {
        return raw.post("/v1/sessions/" + session + "/execute",
                SessionsTest.G3_PAY)
                .json().get("tool_call_id").asText();
    }

    private String kyc() {
        return raw.post("/v1/sessions/" + session + "/execute",
                "{\"tool\":\"codespar_kyc\",\"input\":{\"check_type\":\"identity\",\"buyer\":{\"email\":\"a@b.c\"}}}")
                .json().get("tool_call_id").asText();
    }

    private Request streamRequest(String path) {
        return raw.request(path).header("Accept", "text/event-stream").build();
    }

    @Test
    void aNewPaymentIsPendingWithAnIdempotencyKey() {
        String tc = pay();

        JsonNode env = raw.get("/v1/tool-calls/" + tc + "/payment-status").json();

        assertThat(env.fieldNames()).toIterable().containsExactly("tool_call_id", "payment_status",
                "idempotency_key", "original_status", "hosted_url", "events");
        assertThat(env.get("tool_call_id").asText()).isEqualTo(tc);
        assertThat(env.get("payment_status").asText()).isEqualTo("pending");
        assertThat(env.get("idempotency_key").asText()).matches("[0-9a-f-]{36}");
        assertThat(env.get("original_status").asText()).isEqualTo("success");
        assertThat(env.get("hosted_url").isNull()).isTrue();
        assertThat(env.get("events").size()).isZero();
    }

    @Test
    void settlingRecordsAnEvent() {
        String tc = pay();

        fake.settlePayment(tc, "succeeded");

        JsonNode env = raw.get("/v1/tool-calls/" + tc + "/payment-status").json();
        assertThat(env.get("payment_status").asText()).isEqualTo("succeeded");
        JsonNode event = env.get("events").get(0);
        assertThat(event.fieldNames()).toIterable().containsExactly("event_type", "received_at", "provider",
                "provider_action", "payment_id");
        assertThat(event.get("event_type").asText()).isEqualTo("commerce.payment.succeeded");
        assertThat(event.get("provider").asText()).isEqualTo("asaas");
        assertThat(event.get("provider_action").asText()).isEqualTo("PAYMENT_RECEIVED");
        assertThat(event.get("payment_id").asText()).startsWith("pay_");
    }

    @Test
    void otherToolCallsAreUnknownAndUnknownIdsAreNotFound() {
        String tc = raw.post("/v1/sessions/" + session + "/execute", "{\"tool\":\"asaas/list\",\"input\":{}}")
                .json().get("tool_call_id").asText();

        JsonNode env = raw.get("/v1/tool-calls/" + tc + "/payment-status").json();
        Raw.Reply missing = raw.get("/v1/tool-calls/tc_nope/payment-status");

        assertThat(env.get("payment_status").asText()).isEqualTo("unknown");
        assertThat(env.get("idempotency_key").isNull()).isTrue();
        assertThat(missing.code()).isEqualTo(404);
        assertThat(missing.json().get("error").asText()).isEqualTo("not_found");
        assertThatThrownBy(() -> fake.settlePayment(tc, "succeeded")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fake.settlePayment("tc_nope", "succeeded"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verificationsHaveTheirOwnEnvelope() {
        String tc = kyc();
        fake.settleVerification(tc, "approved");

        JsonNode env = raw.get("/v1/tool-calls/" + tc + "/verification-status").json();

        assertThat(env.get("verification_status").asText()).isEqualTo("approved");
        assertThat(env.get("hosted_url").asText()).startsWith(fake.baseUrl() + "/kyc/ver_");
        assertThat(env.get("events").get(0).get("event_type").asText()).isEqualTo("commerce.kyc.approved");
        assertThat(env.get("events").get(0).get("verification_id").asText()).startsWith("ver_");
    }

    @Test
    void settlingPushesAnUpdateThenDoneToAnOpenStream() throws Exception {
        String tc = pay();

        try (Response r = raw.open(streamRequest("/v1/tool-calls/" + tc + "/payment-status/stream"))) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("text/event-stream");
            assertThat(r.header("Cache-Control")).isEqualTo("no-cache");
            SseFrames frames = new SseFrames(r.body().source());
            SseFrames.Frame snapshot = frames.next();
            assertThat(snapshot.event()).isEqualTo("snapshot");
            assertThat(snapshot.json().get("payment_status").asText()).isEqualTo("pending");
            SseFrames.Frame heartbeat = frames.next();
            assertThat(heartbeat.comment()).matches("heartbeat \\d{13}");

            fake.settlePayment(tc, "succeeded");

            SseFrames.Frame update = frames.nextEvent();
            assertThat(update.event()).isEqualTo("update");
            assertThat(update.json().get("payment_status").asText()).isEqualTo("succeeded");
            assertThat(update.json().get("events").size()).isEqualTo(1);
            SseFrames.Frame done = frames.nextEvent();
            assertThat(done.event()).isEqualTo("done");
            assertThat(done.data()).isEqualTo("{}");
            assertThat(frames.next()).isNull();
        }
    }

    @Test
    void nonTerminalUpdatesKeepTheStreamOpen() throws Exception {
        String tc = pay();

        try (Response r = raw.open(streamRequest("/v1/tool-calls/" + tc + "/payment-status/stream"))) {
            SseFrames frames = new SseFrames(r.body().source());
            frames.nextEvent();
            fake.settlePayment(tc, "updated");
            assertThat(frames.nextEvent().json().get("payment_status").asText()).isEqualTo("updated");
            fake.settlePayment(tc, "failed");
            assertThat(frames.nextEvent().json().get("payment_status").asText()).isEqualTo("failed");
            assertThat(frames.nextEvent().event()).isEqualTo("done");
        }
    }

    @Test
    void aStreamOfASettledPaymentIsSnapshotThenDone() throws IOException {
        String tc = pay();
        fake.settlePayment(tc, "refunded");

        try (Response r = raw.open(streamRequest("/v1/tool-calls/" + tc + "/payment-status/stream"))) {
            List<SseFrames.Frame> frames = new SseFrames(r.body().source()).rest();
            assertThat(frames).extracting(SseFrames.Frame::event).containsExactly("snapshot", "done");
            assertThat(frames.get(0).json().get("payment_status").asText()).isEqualTo("refunded");
        }
    }

    @Test
    void theVerificationStreamWorksTheSameWay() throws Exception {
        String tc = kyc();

        try (Response r = raw.open(streamRequest("/v1/tool-calls/" + tc + "/verification-status/stream"))) {
            SseFrames frames = new SseFrames(r.body().source());
            assertThat(frames.nextEvent().json().get("verification_status").asText()).isEqualTo("pending");
            fake.settleVerification(tc, "rejected");
            assertThat(frames.nextEvent().json().get("verification_status").asText()).isEqualTo("rejected");
            assertThat(frames.nextEvent().event()).isEqualTo("done");
            assertThat(frames.next()).isNull();
        }
    }

    @Test
    void doneWaitsForTheDoneDelayWithHeartbeats() throws Exception {
        try (FakeCodeSpar slow = FakeCodeSpar.builder().heartbeatInterval(Duration.ofMillis(20))
                .doneDelay(Duration.ofMillis(150)).start(); Raw r2 = new Raw(slow)) {
            String s = r2.session("asaas");
            String tc = r2.post("/v1/sessions/" + s + "/execute",
                    SessionsTest.G3_PAY)
                    .json().get("tool_call_id").asText();
            slow.settlePayment(tc, "succeeded");

            try (Response r = r2.open(r2.request("/v1/tool-calls/" + tc + "/payment-status/stream").build())) {
                List<SseFrames.Frame> frames = new SseFrames(r.body().source()).rest();
                assertThat(frames.get(0).event()).isEqualTo("snapshot");
                assertThat(frames.get(frames.size() - 1).event()).isEqualTo("done");
                assertThat(frames.subList(1, frames.size() - 1)).isNotEmpty().allMatch(SseFrames.Frame::isComment);
            }
        }
    }

    @Test
    void autoSettleSettlesNewPaymentsByItself() throws Exception {
        try (FakeCodeSpar auto = FakeCodeSpar.builder().autoSettle(Duration.ofMillis(100)).start();
                Raw r2 = new Raw(auto)) {
            String s = r2.session("asaas");
            String tc = r2.post("/v1/sessions/" + s + "/execute",
                    SessionsTest.G3_PAY)
                    .json().get("tool_call_id").asText();

            try (Response r = r2.open(r2.request("/v1/tool-calls/" + tc + "/payment-status/stream").build())) {
                List<SseFrames.Frame> events = new SseFrames(r.body().source()).rest();
                assertThat(events).filteredOn(f -> !f.isComment()).extracting(SseFrames.Frame::event)
                        .containsExactly("snapshot", "update", "done");
            }
        }
    }

    @Test
    void aTruncatedStatusStreamEndsAfterTheSnapshot() throws IOException {
        String tc = pay();
        fake.injectNext(Fault.TRUNCATE_STREAM).onPath("/v1/tool-calls/**");

        try (Response r = raw.open(streamRequest("/v1/tool-calls/" + tc + "/payment-status/stream"))) {
            assertThat(new SseFrames(r.body().source()).rest()).extracting(SseFrames.Frame::event)
                    .containsExactly("snapshot");
        }
    }

    @Test
    void aStalledStatusStreamSendsNoHeartbeat() throws IOException {
        String tc = pay();
        fake.injectNext(Fault.STALL).onPath("/v1/tool-calls/**");

        try (Raw impatient = new Raw(fake, Duration.ofMillis(300));
                Response r = impatient.open(streamRequest("/v1/tool-calls/" + tc + "/payment-status/stream"))) {
            SseFrames frames = new SseFrames(r.body().source());
            assertThat(frames.next().event()).isEqualTo("snapshot");
            assertThatThrownBy(frames::next).isInstanceOf(java.net.SocketTimeoutException.class);
        }
    }

    @Test
    void anErrorBeforeTheStreamIsJson() {
        Raw.Reply r = raw.get("/v1/tool-calls/tc_nope/payment-status/stream");

        assertThat(r.code()).isEqualTo(404);
        assertThat(r.json().get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void closingTheFakeEndsOpenStreams() throws Exception {
        String tc = pay();
        Response r = raw.open(streamRequest("/v1/tool-calls/" + tc + "/payment-status/stream"));
        try (r) {
            SseFrames frames = new SseFrames(r.body().source());
            frames.nextEvent();
            CompletableFuture<Void> closing = CompletableFuture.runAsync(fake::close);
            closing.get(5, TimeUnit.SECONDS);
            assertThatThrownBy(frames::rest).isInstanceOf(IOException.class);
        }
    }
}
