package dev.codespar.examples.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codespar.testkit.FakeCodeSpar;
import dev.codespar.testkit.RecordedCall;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example's loop, run as its main does, checked from both ends: the CodeSpar fake and the scripted model. */
class OpenAiToolLoopExampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theModelAsksToPayTheFakePaysOnceAndTheModelAnswersFromTheToolMessage() throws Exception {
        try (FakeCodeSpar fake = FakeCodeSpar.start(); ScriptedChatModel model = ScriptedChatModel.start()) {
            ByteArrayOutputStream transcript = new ByteArrayOutputStream();

            int status = OpenAiToolLoopExample.run(fake, model, new PrintStream(transcript, true,
                    StandardCharsets.UTF_8));

            assertThat(status).as(transcript.toString(StandardCharsets.UTF_8)).isZero();
            RecordedCall payment = fake.journal().assertExecutedOnce("codespar_pay");
            assertThat(payment.json().path("input")).isEqualTo(JSON.readTree(ScriptedChatModel.PAY_ARGUMENTS));

            List<JsonNode> requests = model.requests();
            assertThat(requests).hasSize(2);
            JsonNode first = requests.get(0);
            assertThat(first.path("messages")).hasSize(1);
            assertThat(first.path("tools")).anySatisfy(tool -> {
                assertThat(tool.at("/function/name").asText()).isEqualTo("codespar_pay");
                assertThat(tool.at("/function/parameters/properties/amount/type").asText()).isEqualTo("number");
            });
            JsonNode second = requests.get(1).path("messages");
            assertThat(second).extracting(message -> message.path("role").asText())
                    .containsExactly("user", "assistant", "tool");
            assertThat(second.at("/1/tool_calls/0/id").asText()).isEqualTo(ScriptedChatModel.CALL_ID);
            JsonNode toolMessage = model.toolMessageReceived();
            assertThat(toolMessage).isEqualTo(second.get(2));
            JsonNode toolContent = JSON.readTree(toolMessage.path("content").asText());
            assertThat(toolContent.path("success").asBoolean()).isTrue();
            String paymentId = toolContent.at("/data/id").asText();
            assertThat(paymentId).startsWith("pay_");
            assertThat(toolContent.at("/data/amount").asInt()).isEqualTo(1000);
            assertThat(transcript.toString(StandardCharsets.UTF_8))
                    .contains("assistant  Done: R$ 10,00 sent via Pix to ana@example.com for order 42 (payment "
                            + paymentId)
                    .contains("codespar_pay executions on the fake: 1")
                    .doesNotContain(fake.apiKey());
        }
    }

    @Test
    void aPaymentThatFailsMakesTheExampleFail() throws Exception {
        try (FakeCodeSpar fake = FakeCodeSpar.start(); ScriptedChatModel model = ScriptedChatModel.start()) {
            fake.onTool("codespar_pay").toolError("no_eligible_providers");
            ByteArrayOutputStream transcript = new ByteArrayOutputStream();

            int status = OpenAiToolLoopExample.run(fake, model, new PrintStream(transcript, true,
                    StandardCharsets.UTF_8));

            assertThat(status).isEqualTo(1);
            fake.journal().assertExecutedOnce("codespar_pay");
            JsonNode toolContent = JSON.readTree(model.toolMessageReceived().path("content").asText());
            assertThat(toolContent.path("error").asText()).isEqualTo("no_eligible_providers");
            assertThat(transcript.toString(StandardCharsets.UTF_8))
                    .contains("assistant  The payment did not go through").contains("FAILED");
        }
    }
}
