package dev.codespar.anthropic;

import static dev.codespar.anthropic.AnthropicWire.PAY_INPUT;
import static dev.codespar.anthropic.AnthropicWire.message;
import static dev.codespar.anthropic.AnthropicWire.text;
import static dev.codespar.anthropic.AnthropicWire.toolUse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageParam;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.errors.NetworkError;
import dev.codespar.policy.ToolPolicy;
import dev.codespar.testkit.FakeCodeSpar;
import dev.codespar.testkit.RecordedCall;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Claude's tool_use blocks run on the fake, and the tool_result blocks that go back. */
class ToolResultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeCodeSpar fake;
    private CodeSparClient client;

    @BeforeEach
    void start() {
        fake = FakeCodeSpar.start();
        // no retries: each test counts the attempts the fake saw
        client = fake.clientBuilder().maxRetries(0).build();
    }

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    private Session session() {
        return client.create("user_1", SessionConfig.builder().servers("asaas").build());
    }

    /** The user message as anthropic-java writes it: {@code {role: "user", content: [tool_result...]}}. */
    private JsonNode blocks(Optional<MessageParam> message) {
        JsonNode written = AnthropicWire.written(message.orElseThrow());
        assertThat(written.path("role").asText()).isEqualTo("user");
        assertThat(written.path("content")).allSatisfy(block ->
                assertThat(block.path("type").asText()).isEqualTo("tool_result"));
        return written.path("content");
    }

    /** One {@code tool_result} block: its id and {@code is_error} checked, its content parsed. */
    private JsonNode content(JsonNode block, String toolUseId, boolean isError) throws Exception {
        assertThat(block.path("tool_use_id").asText()).isEqualTo(toolUseId);
        assertThat(block.path("is_error").isBoolean()).isTrue();
        assertThat(block.path("is_error").asBoolean()).isEqualTo(isError);
        String content = block.path("content").asText();
        assertThat(content).doesNotContain(fake.apiKey()).doesNotContain("Bearer");
        return JSON.readTree(content);
    }

    private JsonNode only(Message message, CodeSparAnthropic codespar, boolean isError) throws Exception {
        JsonNode blocks = blocks(codespar.toolResults(message));
        assertThat(blocks).hasSize(1);
        return content(blocks.get(0), blocks.get(0).path("tool_use_id").asText(), isError);
    }

    @Test
    void aToolUseRunsOnceOnTheFakeAndItsResultGoesBack() throws Exception {
        fake.onTool("codespar_pay").respond(Map.of("id", "pay_1", "status", "pending"));
        CodeSparAnthropic codespar = CodeSparAnthropic.from(session());

        Optional<MessageParam> results = codespar.toolResults(message(text("Paying now."),
                toolUse("toolu_1", "codespar_pay", PAY_INPUT)));

        RecordedCall execution = fake.journal().assertExecutedOnce("codespar_pay");
        assertThat(execution.json().path("input")).isEqualTo(JSON.readTree(PAY_INPUT));
        JsonNode blocks = blocks(results);
        assertThat(blocks).hasSize(1);
        JsonNode answer = content(blocks.get(0), "toolu_1", false);
        assertThat(answer.path("success").asBoolean()).isTrue();
        assertThat(answer.at("/data/id").asText()).isEqualTo("pay_1");
    }

    @Test
    void toolUsesRunInTheModelsOrderIntoOneUserMessage() throws Exception {
        CodeSparAnthropic codespar = CodeSparAnthropic.from(session());

        JsonNode blocks = blocks(codespar.toolResults(message(toolUse("toolu_a", "codespar_pay", PAY_INPUT),
                toolUse("toolu_b", "codespar_pay", PAY_INPUT.replace("1000", "2500")))));

        List<RecordedCall> executions = fake.journal().assertExecutedTimes("codespar_pay", 2);
        assertThat(executions).extracting(call -> call.json().at("/input/amount").asInt()).containsExactly(1000, 2500);
        assertThat(blocks).hasSize(2);
        assertThat(content(blocks.get(0), "toolu_a", false).at("/data/amount").asInt()).isEqualTo(1000);
        assertThat(content(blocks.get(1), "toolu_b", false).at("/data/amount").asInt()).isEqualTo(2500);
    }

    @Test
    void aRepeatedToolUseIdRunsOnceAndGetsTheFirstAnswer() {
        CodeSparAnthropic codespar = CodeSparAnthropic.from(session());
        Message pay = message(toolUse("toolu_1", "codespar_pay", PAY_INPUT));

        List<ToolResultBlockParam> first = codespar.toolResultBlocks(pay);
        List<ToolResultBlockParam> again = codespar.toolResultBlocks(pay);
        List<ToolResultBlockParam> twiceInOne = codespar.toolResultBlocks(message(
                toolUse("toolu_1", "codespar_pay", PAY_INPUT), toolUse("toolu_1", "codespar_pay", "{}")));

        fake.journal().assertExecutedTimes("codespar_pay", 1);
        assertThat(again).isEqualTo(first);
        assertThat(twiceInOne).containsExactly(first.get(0), first.get(0));
    }

    @Test
    void needsConnectionTellsTheModelTheLinkToSend() throws Exception {
        fake.requireConnection("asaas");
        CodeSparAnthropic codespar = CodeSparAnthropic.from(session());

        JsonNode answer = only(message(toolUse("toolu_1", "codespar_pay", PAY_INPUT)), codespar, true);

        assertThat(fake.journal().assertExecutedOnce("codespar_pay").errorCode()).isEqualTo("needs_connection");
        assertThat(answer.path("error").asText()).isEqualTo("needs_connection");
        assertThat(answer.path("connect_url").asText()).startsWith(fake.baseUrl() + "/connect/lnk_");
        assertThat(answer.path("message").asText()).contains("send them this link")
                .contains(answer.path("connect_url").asText());
    }

    @Test
    void aRateLimitSaysWhenToRetry() throws Exception {
        fake.failNext("rate_limited").onTool("codespar_pay");
        CodeSparAnthropic codespar = CodeSparAnthropic.from(session());

        JsonNode answer = only(message(toolUse("toolu_1", "codespar_pay", PAY_INPUT)), codespar, true);

        assertThat(fake.journal().assertExecutedOnce("codespar_pay").status()).isEqualTo(429);
        assertThat(answer.path("error").asText()).isEqualTo("rate_limited");
        assertThat(answer.path("retry_after_seconds").asLong()).isEqualTo(1);
    }

    @Test
    void aFailedResultKeepsItsErrorAndIsAnError() throws Exception {
        fake.onTool("codespar_pay").toolError("no_eligible_providers");
        CodeSparAnthropic codespar = CodeSparAnthropic.from(session());

        JsonNode answer = only(message(toolUse("toolu_1", "codespar_pay", PAY_INPUT)), codespar, true);

        assertThat(fake.journal().assertExecutedOnce("codespar_pay").status()).isEqualTo(200);
        assertThat(answer.path("success").asBoolean(true)).isFalse();
        assertThat(answer.path("error").asText()).isEqualTo("no_eligible_providers");
    }

    @Test
    void aPolicyDenialIsToldToTheModelAndMakesNoRequest() throws Exception {
        CodeSparAnthropic codespar = CodeSparAnthropic.builder(session())
                .policy(ToolPolicy.deny("codespar_pay")).build();
        codespar.tools();
        int before = fake.journal().size();

        JsonNode answer = only(message(toolUse("toolu_1", "codespar_pay", PAY_INPUT)), codespar, true);

        assertThat(fake.journal().size()).isEqualTo(before);
        fake.journal().assertNotExecuted("codespar_pay");
        assertThat(answer.path("error").asText()).isEqualTo("policy_denied");
        assertThat(answer.path("rule_id").asText()).isNotBlank();
    }

    @Test
    void anApprovalGoesAheadOnlyWhenAPersonSaysYes() throws Exception {
        CodeSparAnthropic codespar = CodeSparAnthropic.builder(session()).policy(ToolPolicy.requireApproval(
                call -> true, call -> CompletableFuture.completedFuture(call.arguments().path("amount").asLong() < 5000)))
                .build();

        JsonNode blocks = blocks(codespar.toolResults(message(toolUse("toolu_ok", "codespar_pay", PAY_INPUT),
                toolUse("toolu_no", "codespar_pay", PAY_INPUT.replace("1000", "9000")))));

        assertThat(fake.journal().assertExecutedOnce("codespar_pay").json().at("/input/amount").asInt())
                .isEqualTo(1000);
        assertThat(content(blocks.get(0), "toolu_ok", false).path("success").asBoolean()).isTrue();
        JsonNode denied = content(blocks.get(1), "toolu_no", true);
        assertThat(denied.path("error").asText()).isEqualTo("policy_denied");
        assertThat(denied.path("rule_id").asText()).isEqualTo("approval");
    }

    @Test
    void inputThatIsNotAnObjectIsAnsweredWithoutARequest() throws Exception {
        CodeSparAnthropic codespar = CodeSparAnthropic.from(session());
        com.fasterxml.jackson.databind.node.ObjectNode noInput = toolUse("toolu_3", "codespar_pay", "{}");
        noInput.remove("input");

        JsonNode blocks = blocks(codespar.toolResults(message(toolUse("toolu_1", "codespar_pay", "\"pay 1000\""),
                toolUse("toolu_2", "codespar_pay", "[1000]"), noInput)));

        fake.journal().assertNotExecuted("codespar_pay");
        assertThat(blocks).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonNode answer = content(blocks.get(i), "toolu_" + (i + 1), true);
            assertThat(answer.path("error").asText()).isEqualTo("invalid_arguments");
        }
    }

    @Test
    void aToolNotOfferedIsAnsweredUnknownAndNeverRuns() throws Exception {
        CodeSparAnthropic codespar = CodeSparAnthropic.builder(session())
                .filter(tool -> !tool.toolName().equals("codespar_pay")).build();

        JsonNode answer = only(message(toolUse("toolu_1", "codespar_pay", PAY_INPUT)), codespar, true);

        fake.journal().assertNotExecuted("codespar_pay");
        assertThat(answer.path("error").asText()).isEqualTo("unknown_tool");
        assertThat(answer.path("message").asText()).contains("codespar_charge");
    }

    @Test
    void theAsyncPathGivesTheSameMessage() throws Exception {
        CodeSparAnthropic codespar = CodeSparAnthropic.from(session());
        Message twoCalls = message(toolUse("toolu_a", "codespar_pay", PAY_INPUT),
                toolUse("toolu_b", "codespar_pay", "\"not an object\""));

        Optional<MessageParam> async = codespar.toolResultsAsync(twoCalls).get(10, TimeUnit.SECONDS);

        fake.journal().assertExecutedTimes("codespar_pay", 1);
        JsonNode blocks = blocks(async);
        assertThat(content(blocks.get(0), "toolu_a", false).path("success").asBoolean()).isTrue();
        assertThat(content(blocks.get(1), "toolu_b", true).path("error").asText()).isEqualTo("invalid_arguments");
        assertThat(codespar.toolResults(twoCalls)).isEqualTo(async);
        fake.journal().assertExecutedTimes("codespar_pay", 1);
    }

    @Test
    void aMessageWithoutToolUseNeedsNoAnswer() throws Exception {
        CodeSparAnthropic codespar = CodeSparAnthropic.from(session());
        Message answer = message(text("Done: paid R$10.00."));

        assertThat(codespar.toolResults(answer)).isEmpty();
        assertThat(codespar.toolResults(null)).isEmpty();
        assertThat(codespar.toolResultBlocks(answer)).isEmpty();
        assertThat(codespar.toolResultsAsync(answer).get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(fake.journal().executions("codespar_pay")).isEmpty();
    }

    @Test
    void aStreamedToolUseRunsOnceTheAccumulatorHasIt() throws Exception {
        CodeSparAnthropic codespar = CodeSparAnthropic.from(session());
        MessageAccumulator accumulator = MessageAccumulator.create();
        int half = PAY_INPUT.length() / 2;
        ObjectMapper sdk = com.anthropic.core.ObjectMappers.jsonMapper();
        List<String> events = List.of(
                "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_s\",\"type\":\"message\","
                        + "\"role\":\"assistant\",\"model\":\"claude-sonnet-4-6\",\"content\":[],"
                        + "\"stop_reason\":null,\"stop_sequence\":null,"
                        + "\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\","
                        + "\"id\":\"toolu_s1\",\"name\":\"codespar_pay\",\"input\":{}}}",
                inputDelta(PAY_INPUT.substring(0, half)),
                inputDelta(PAY_INPUT.substring(half)),
                "{\"type\":\"content_block_stop\",\"index\":0}",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\",\"stop_sequence\":null},"
                        + "\"usage\":{\"output_tokens\":20}}",
                "{\"type\":\"message_stop\"}");
        for (String event : events) {
            accumulator.accumulate(sdk.readValue(event, RawMessageStreamEvent.class));
        }

        JsonNode answer = only(accumulator.message(), codespar, false);

        RecordedCall execution = fake.journal().assertExecutedOnce("codespar_pay");
        assertThat(execution.json().path("input")).isEqualTo(JSON.readTree(PAY_INPUT));
        assertThat(answer.path("success").asBoolean()).isTrue();
    }

    private static String inputDelta(String partialJson) {
        com.fasterxml.jackson.databind.node.ObjectNode event = JSON.createObjectNode()
                .put("type", "content_block_delta").put("index", 0);
        event.putObject("delta").put("type", "input_json_delta").put("partial_json", partialJson);
        return event.toString();
    }

    @Test
    void aClosedClientIsTheApplicationsProblemNotTheModels() {
        CodeSparAnthropic codespar = CodeSparAnthropic.from(session());
        codespar.tools();
        client.close();

        assertThatThrownBy(() -> codespar.toolResults(message(toolUse("toolu_1", "codespar_pay", PAY_INPUT))))
                .isInstanceOfSatisfying(NetworkError.class, e -> assertThat(e.isClientClosed()).isTrue());
        fake.journal().assertNotExecuted("codespar_pay");
    }
}
