package dev.codespar.examples.springai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codespar.CodeSparClient;
import dev.codespar.testkit.FakeCodeSpar;
import dev.codespar.testkit.RecordedCall;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.ToolResponseMessage;

/** The example's loop, run as its main does, checked from both ends: the CodeSpar fake and the scripted model. */
class SpringAiToolLoopExampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theModelAsksToPayTheFakePaysOnceAndTheModelAnswersFromTheResult() throws Exception {
        try (FakeCodeSpar fake = FakeCodeSpar.start(); CodeSparClient client = fake.client()) {
            ScriptedChatModel model = new ScriptedChatModel();
            ByteArrayOutputStream transcript = new ByteArrayOutputStream();

            int status = SpringAiToolLoopExample.run(client, fake, model, print(transcript));

            String printed = transcript.toString(StandardCharsets.UTF_8);
            assertThat(status).as(printed).isZero();
            RecordedCall payment = fake.journal().assertExecutedOnce("codespar_pay");
            assertThat(payment.json().path("input")).isEqualTo(JSON.readTree(ScriptedChatModel.PAY_ARGUMENTS));
            assertThat(model.prompts()).hasSize(2);
            assertThat(model.toolsOffered()).anySatisfy(tool -> {
                assertThat(tool.name()).isEqualTo("codespar_pay");
                assertThat(JSON.readTree(tool.inputSchema()).at("/properties/amount/type").asText())
                        .isEqualTo("number");
            });
            ToolResponseMessage.ToolResponse read = model.toolAnswerRead();
            assertThat(read.id()).isEqualTo(ScriptedChatModel.CALL_ID);
            JsonNode result = JSON.readTree(read.responseData());
            String paymentId = result.at("/data/id").asText();
            assertThat(paymentId).startsWith("pay_");
            assertThat(result.path("request_id").asText()).isEqualTo(payment.requestId());
            List<String> lines = printed.lines().toList();
            assertThat(lines).hasSize(8);
            assertThat(lines.get(0)).isEqualTo("Spring AI ChatClient tool loop: CodeSpar fake at " + fake.baseUrl()
                    + ", scripted model");
            assertThat(lines.get(1)).startsWith("tools      ").contains("codespar_pay");
            assertThat(lines.get(2)).isEqualTo("user       " + SpringAiToolLoopExample.USER);
            assertThat(lines.get(3)).isEqualTo("tool call  call_pay_1 codespar_pay " + ScriptedChatModel.PAY_ARGUMENTS);
            assertThat(lines.get(4)).isEqualTo("tool       call_pay_1 " + read.responseData());
            assertThat(lines.get(5)).isEqualTo("assistant  Done: R$ 10,00 sent via Pix to ana@example.com for order"
                    + " 42 (payment " + paymentId + ", pending).");
            assertThat(lines.get(6)).isEqualTo("checks     codespar_pay executions on the fake: 1; model requests: 2");
            assertThat(lines.get(7)).isEqualTo("OK");
            assertThat(printed).doesNotContain(fake.apiKey());
        }
    }

    @Test
    void aRefusedPaymentOnTheApiFailsTheRunWithItsRequestId() {
        try (FakeCodeSpar fake = FakeCodeSpar.start(); CodeSparClient client = fake.client()) {
            fake.onTool("codespar_pay").toolError("no_eligible_providers");
            ByteArrayOutputStream transcript = new ByteArrayOutputStream();

            // no fake handed over: the run takes the client for the real API, as with CODESPAR_API_KEY set
            int status = SpringAiToolLoopExample.run(client, null, new ScriptedChatModel(), print(transcript));

            String printed = transcript.toString(StandardCharsets.UTF_8);
            assertThat(status).isEqualTo(1);
            RecordedCall payment = fake.journal().assertExecutedOnce("codespar_pay");
            assertThat(printed)
                    .contains("assistant  The payment did not go through: the tool did not do its work:"
                            + " no_eligible_providers")
                    .contains("FAILED: the payment did not go through: no_eligible_providers")
                    .contains("(request id " + payment.requestId() + ")")
                    .doesNotContain(fake.apiKey());
        }
    }

    private static PrintStream print(ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }
}
