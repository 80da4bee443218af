package dev.codespar.springai;

import static dev.codespar.springai.ScriptedChatModel.text;
import static dev.codespar.springai.ScriptedChatModel.toolCalls;
import static dev.codespar.springai.ScriptedChatModel.toolResponses;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.testkit.FakeCodeSpar;
import dev.codespar.testkit.RecordedCall;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.ToolResponseMessage;

/** A real ChatClient tool loop: the scripted model asks for codespar_pay, the fake runs it, the model answers. */
class ChatClientLoopTest {

    static final String PAY_ARGUMENTS = "{\"action\":\"pay\",\"amount\":1000,\"currency\":\"BRL\",\"method\":\"pix\","
            + "\"description\":\"Order 42\",\"recipient\":\"ana@example.com\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeCodeSpar fake;
    private CodeSparClient client;
    private Session session;

    @BeforeEach
    void start() {
        fake = FakeCodeSpar.start();
        client = fake.clientBuilder().maxRetries(0).build();
        session = client.create("user_1", SessionConfig.builder().servers("asaas").build());
    }

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    @Test
    void theModelPaysThroughTheSessionReadsTheResultAndAnswers() throws Exception {
        fake.onTool("codespar_pay").respond(Map.of("id", "pay_1", "status", "pending"));
        ScriptedChatModel model = new ScriptedChatModel(
                conversation -> toolCalls("call_pay_1", "codespar_pay", PAY_ARGUMENTS),
                conversation -> {
                    JsonNode result = json(toolResponses(conversation).get(0).responseData());
                    return text("Paid: " + result.at("/data/id").asText() + " is " + result.at("/data/status")
                            .asText() + ".");
                });

        String answer = ScriptedChatModel.prompt(model, CodeSparToolCallbacks.from(session))
                .user("Pay R$ 10,00 via Pix to ana@example.com for order 42.")
                .call().content();

        assertThat(answer).isEqualTo("Paid: pay_1 is pending.");
        RecordedCall execution = fake.journal().assertExecutedOnce("codespar_pay");
        assertThat(execution.method()).isEqualTo("POST");
        assertThat(execution.path()).isEqualTo("/v1/sessions/" + session.getId() + "/execute");
        assertThat(execution.json().path("tool").asText()).isEqualTo("codespar_pay");
        assertThat(execution.json().path("input")).isEqualTo(JSON.readTree(PAY_ARGUMENTS));
        assertThat(model.prompts()).hasSize(2);
        List<ToolResponseMessage.ToolResponse> responses = toolResponses(model.prompts().get(1).getInstructions());
        assertThat(responses).hasSize(1);
        assertThat(responses.get(0).id()).isEqualTo("call_pay_1");
        assertThat(responses.get(0).name()).isEqualTo("codespar_pay");
        JsonNode result = json(responses.get(0).responseData());
        assertThat(result.path("success").asBoolean()).isTrue();
        assertThat(result.path("tool_call_id").asText()).startsWith("tc_");
        assertThat(result.path("request_id").asText()).isEqualTo(execution.requestId());
    }

    @Test
    void twoCallsInOneReplyRunInTheModelsOrderAndEachGetsItsAnswer() throws Exception {
        ScriptedChatModel model = new ScriptedChatModel(
                conversation -> toolCalls("call_a", "codespar_pay", PAY_ARGUMENTS,
                        "call_b", "codespar_pay", PAY_ARGUMENTS.replace("1000", "2500")),
                conversation -> text("done"));

        ScriptedChatModel.prompt(model, CodeSparToolCallbacks.from(session)).user("pay twice")
                .call().content();

        List<RecordedCall> executions = fake.journal().assertExecutedTimes("codespar_pay", 2);
        assertThat(executions).extracting(call -> call.json().at("/input/amount").asInt()).containsExactly(1000, 2500);
        List<ToolResponseMessage.ToolResponse> responses = toolResponses(model.prompts().get(1).getInstructions());
        assertThat(responses).extracting(ToolResponseMessage.ToolResponse::id).containsExactly("call_a", "call_b");
        assertThat(json(responses.get(1).responseData()).at("/data/amount").asInt()).isEqualTo(2500);
    }

    @Test
    void withoutTheCodeSparManagerARepeatedIdRunsAgain() {
        // Spring AI calls ToolCallback.call(arguments, toolContext): without a CodeSparToolCallingManager the
        // model's call id never reaches the adapter, so every call runs (ToolCallIdsTest has the manager's rule)
        ScriptedChatModel model = new ScriptedChatModel(
                conversation -> toolCalls("call_1", "codespar_pay", PAY_ARGUMENTS),
                conversation -> toolCalls("call_1", "codespar_pay", PAY_ARGUMENTS),
                conversation -> text("done"));

        ScriptedChatModel.prompt(model, CodeSparToolCallbacks.from(session)).user("pay")
                .call().content();

        fake.journal().assertExecutedTimes("codespar_pay", 2);
        assertThat(model.prompts()).hasSize(3);
    }

    @Test
    void theToolCallbacksFormPaysTheSameWay() {
        ScriptedChatModel model = new ScriptedChatModel(
                conversation -> toolCalls("call_1", "codespar_pay", PAY_ARGUMENTS),
                conversation -> text(json(toolResponses(conversation).get(0).responseData()).at("/data/status")
                        .asText()));

        String answer = ScriptedChatModel.promptWithToolCallbacks(model, CodeSparToolCallbacks.from(session))
                .user("pay").call().content();

        assertThat(answer).isEqualTo("pending");
        assertThat(fake.journal().assertExecutedOnce("codespar_pay").json().path("input"))
                .isEqualTo(json(PAY_ARGUMENTS));
    }

    @Test
    void theSameProviderServesManyRequests() {
        CodeSparToolCallbacks tools = CodeSparToolCallbacks.from(session);
        for (String amount : List.of("1000", "3000")) {
            ScriptedChatModel model = new ScriptedChatModel(
                    conversation -> toolCalls("call_" + amount, "codespar_pay", PAY_ARGUMENTS.replace("1000", amount)),
                    conversation -> text("ok"));
            assertThat(ScriptedChatModel.prompt(model, tools).user("pay").call().content())
                    .isEqualTo("ok");
        }

        assertThat(fake.journal().assertExecutedTimes("codespar_pay", 2))
                .extracting(call -> call.json().at("/input/amount").asInt()).containsExactly(1000, 3000);
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
