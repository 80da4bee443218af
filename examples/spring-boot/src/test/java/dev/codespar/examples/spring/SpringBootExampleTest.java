package dev.codespar.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codespar.testkit.FakeCodeSpar;
import dev.codespar.testkit.RecordedCall;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example application, run as its main does against the fake, checked from the fake's journal and its output. */
class SpringBootExampleTest {

    @Test
    void paysOnceAndPrintsTheHealthAndOneTimerPerCall() {
        try (FakeCodeSpar fake = FakeCodeSpar.start()) {
            ByteArrayOutputStream transcript = new ByteArrayOutputStream();

            int status = SpringBootExample.run(Map.of("codespar.api-key", fake.apiKey(), "codespar.base-url",
                    fake.baseUrl()), new String[0], new PrintStream(transcript, true, StandardCharsets.UTF_8));

            String output = transcript.toString(StandardCharsets.UTF_8);
            assertThat(status).as(output).isZero();
            List<RecordedCall> calls = fake.journal().all();
            assertThat(calls).extracting(call -> call.method() + " " + call.path()).hasSize(4)
                    .startsWith("POST /v1/sessions").endsWith("GET /v1/whoami");
            RecordedCall payment = fake.journal().assertExecutedOnce("codespar_pay");
            assertThat(payment.json().at("/input/amount").asInt()).isEqualTo(1000);
            String sessionId = payment.path().split("/")[3];          // /v1/sessions/{id}/execute
            List<String> lines = output.lines().toList();
            assertThat(lines).hasSize(10);
            assertThat(lines.get(0)).isEqualTo("client     CodeSparClient{baseUrl=" + fake.baseUrl()
                    + ", projectId=null, apiKey=[redacted]}");
            assertThat(lines.get(1)).isEqualTo("session    " + sessionId + " [asaas]");
            assertThat(lines.get(2)).startsWith("pay        success=true data={\"id\":\"pay_")
                    .contains("\"amount\":1000", "\"method\":\"pix\"");
            assertThat(lines.get(3)).isEqualTo("health     UP {baseUrl=" + fake.baseUrl()
                    + ", organization=org_fake, project=prj_fake000000000000, keyEnvironment=test}");
            assertThat(lines.subList(4, 10)).containsExactly(
                    "observations (codespar.client.requests)",
                    "  DELETE /v1/sessions/{id} status=204 outcome=SUCCESS error=none count=1",
                    "  GET /v1/whoami status=200 outcome=SUCCESS error=none count=1",
                    "  POST /v1/sessions status=201 outcome=SUCCESS error=none count=1",
                    "  POST /v1/sessions/{id}/execute status=200 outcome=SUCCESS error=none count=1",
                    "OK");
            assertThat(output).doesNotContain(fake.apiKey());
        }
    }

    @Test
    void aRefusedPaymentExitsNonZeroWithItsRequestId() {
        try (FakeCodeSpar fake = FakeCodeSpar.start()) {
            fake.failNext("provider_unavailable").onTool("codespar_pay");
            ByteArrayOutputStream transcript = new ByteArrayOutputStream();

            int status = SpringBootExample.run(Map.of("codespar.api-key", fake.apiKey(), "codespar.base-url",
                    fake.baseUrl()), new String[0], new PrintStream(transcript, true, StandardCharsets.UTF_8));

            String output = transcript.toString(StandardCharsets.UTF_8);
            assertThat(status).as(output).isEqualTo(1);
            RecordedCall refused = fake.journal().assertExecutedOnce("codespar_pay");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(output).contains("FAILED: provider_unavailable (422)")
                    .contains("[request_id=" + refused.requestId() + "]")
                    .endsWith("request id: " + refused.requestId() + System.lineSeparator())
                    .doesNotContain(fake.apiKey());
        }
    }
}
