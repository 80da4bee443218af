package dev.codespar.examples.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codespar.CodeSparClient;
import dev.codespar.testkit.FakeCodeSpar;
import dev.codespar.testkit.RecordedCall;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The example's loop, run as its main does without a key, pinned from both ends: the fake and the model. */
class LangChain4jAiServiceExampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theModelAsksToPayTheFakePaysOnceAndTheModelAnswersFromTheResult() throws Exception {
        try (FakeCodeSpar fake = FakeCodeSpar.start(); CodeSparClient client = fake.client()) {
            ByteArrayOutputStream transcript = new ByteArrayOutputStream();

            int status = LangChain4jAiServiceExample.run(client, fake, "the fake",
                    new PrintStream(transcript, true, StandardCharsets.UTF_8));

            String printed = transcript.toString(StandardCharsets.UTF_8);
            assertThat(status).as(printed).isZero();
            RecordedCall payment = fake.journal().assertExecutedOnce("codespar_pay");
            assertThat(payment.json().path("input")).isEqualTo(JSON.readTree(ScriptedPaymentModel.PAY_ARGUMENTS));
            String[] lines = printed.split("\n");
            assertThat(lines).hasSize(8);
            JsonNode result = JSON.readTree(lines[4].substring("result     ".length()));
            String paymentId = result.at("/data/id").asText();
            assertThat(paymentId).startsWith("pay_");
            assertThat(result.at("/data/amount").asInt()).isEqualTo(1000);
            assertThat(result.path("request_id").asText()).isEqualTo(payment.requestId());
            assertThat(lines[0]).isEqualTo("LangChain4j AI Service against the fake");
            assertThat(lines[1]).startsWith("tools      11 CodeSpar tools offered, e.g. [codespar_pay, ");
            assertThat(lines[2]).isEqualTo("user       " + LangChain4jAiServiceExample.USER);
            assertThat(lines[3]).isEqualTo("tool call  call_pay_1 codespar_pay " + ScriptedPaymentModel.PAY_ARGUMENTS);
            assertThat(lines[4]).startsWith("result     {\"success\":true,\"data\":{\"id\":\"" + paymentId + "\"");
            assertThat(lines[5]).isEqualTo("assistant  Done: R$ 10,00 sent via Pix to ana@example.com for order 42"
                    + " (payment " + paymentId + ", pending).");
            assertThat(lines[6]).isEqualTo("checks     codespar_pay executions on the fake: 1; result of call_pay_1"
                    + " reached the model: true; model requests: 2");
            assertThat(lines[7]).isEqualTo("OK");
            assertThat(printed).doesNotContain(fake.apiKey());
        }
    }

    @Test
    void aPaymentThatFailsMakesTheExampleFailWithTheRequestId() throws Exception {
        try (FakeCodeSpar fake = FakeCodeSpar.start(); CodeSparClient client = fake.client()) {
            fake.onTool("codespar_pay").toolError("no_eligible_providers");
            ByteArrayOutputStream transcript = new ByteArrayOutputStream();

            int status = LangChain4jAiServiceExample.run(client, fake, "the fake",
                    new PrintStream(transcript, true, StandardCharsets.UTF_8));

            assertThat(status).isEqualTo(1);
            RecordedCall payment = fake.journal().assertExecutedOnce("codespar_pay");
            assertThat(payment.requestId()).startsWith("req_");
            assertThat(transcript.toString(StandardCharsets.UTF_8))
                    .contains("assistant  The payment did not go through")
                    .contains("FAILED: the loop did not end as scripted")
                    .contains("quote request_id=" + payment.requestId());
        }
    }

    @Test
    void theModelSeesTheSessionsToolsAndReadsTheResultOfItsCall() throws Exception {
        try (FakeCodeSpar fake = FakeCodeSpar.start(); CodeSparClient client = fake.client()) {
            fake.onTool("codespar_pay").respond(java.util.Map.of("id", "pay_pinned", "status", "pending"));
            ByteArrayOutputStream transcript = new ByteArrayOutputStream();

            LangChain4jAiServiceExample.run(client, fake, "the fake",
                    new PrintStream(transcript, true, StandardCharsets.UTF_8));

            assertThat(transcript.toString(StandardCharsets.UTF_8)).contains("(payment pay_pinned, pending).");
        }
    }
}
