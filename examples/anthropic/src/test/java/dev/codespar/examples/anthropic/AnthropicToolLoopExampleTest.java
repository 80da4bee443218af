package dev.codespar.examples.anthropic;

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
class AnthropicToolLoopExampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void claudeAsksToPayTheFakePaysOnceAndClaudeAnswersFromTheToolResult() throws Exception {
        try (FakeCodeSpar fake = FakeCodeSpar.start(); ScriptedClaude model = ScriptedClaude.start()) {
            ByteArrayOutputStream transcript = new ByteArrayOutputStream();

            int status = AnthropicToolLoopExample.run(fake, model, new PrintStream(transcript, true,
                    StandardCharsets.UTF_8));

            assertThat(status).as(transcript.toString(StandardCharsets.UTF_8)).isZero();
            RecordedCall payment = fake.journal().assertExecutedOnce("codespar_pay");
            assertThat(payment.json().path("input")).isEqualTo(JSON.readTree(ScriptedClaude.PAY_INPUT));

            List<JsonNode> requests = model.requests();
            assertThat(requests).hasSize(2);
            JsonNode first = requests.get(0);
            assertThat(first.path("messages")).hasSize(1);
            assertThat(first.path("tools")).anySatisfy(tool -> {
                assertThat(tool.path("name").asText()).isEqualTo("codespar_pay");
                assertThat(tool.at("/input_schema/properties/amount/type").asText()).isEqualTo("number");
            });
            JsonNode second = requests.get(1).path("messages");
            assertThat(second).extracting(message -> message.path("role").asText())
                    .containsExactly("user", "assistant", "user");
            assertThat(second.at("/1/content/1/type").asText()).isEqualTo("tool_use");
            assertThat(second.at("/1/content/1/id").asText()).isEqualTo(ScriptedClaude.TOOL_USE_ID);
            JsonNode toolResult = model.toolResultReceived();
            assertThat(toolResult).isEqualTo(second.at("/2/content/0"));
            assertThat(toolResult.path("is_error").asBoolean(true)).isFalse();
            JsonNode content = JSON.readTree(toolResult.path("content").asText());
            assertThat(content.path("success").asBoolean()).isTrue();
            String paymentId = content.at("/data/id").asText();
            assertThat(paymentId).startsWith("pay_");
            assertThat(content.at("/data/amount").asInt()).isEqualTo(1000);
            assertThat(transcript.toString(StandardCharsets.UTF_8))
                    .contains("assistant  Done: R$ 10,00 sent via Pix to ana@example.com for order 42 (payment "
                            + paymentId)
                    .contains("codespar_pay executions on the fake: 1")
                    .doesNotContain(fake.apiKey());
        }
    }

    @Test
    void aPaymentThatFailsMakesTheExampleFail() throws Exception {
        try (FakeCodeSpar fake = FakeCodeSpar.start(); ScriptedClaude model = ScriptedClaude.start()) {
            fake.onTool("codespar_pay").toolError("no_eligible_providers");
            ByteArrayOutputStream transcript = new ByteArrayOutputStream();

            int status = AnthropicToolLoopExample.run(fake, model, new PrintStream(transcript, true,
                    StandardCharsets.UTF_8));

            assertThat(status).isEqualTo(1);
            fake.journal().assertExecutedOnce("codespar_pay");
            JsonNode toolResult = model.toolResultReceived();
            assertThat(toolResult.path("is_error").asBoolean()).isTrue();
            assertThat(JSON.readTree(toolResult.path("content").asText()).path("error").asText())
                    .isEqualTo("no_eligible_providers");
            assertThat(transcript.toString(StandardCharsets.UTF_8))
                    .contains("assistant  The payment did not go through").contains("FAILED");
        }
    }
}
