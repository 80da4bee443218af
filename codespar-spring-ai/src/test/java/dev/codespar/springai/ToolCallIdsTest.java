package dev.codespar.springai;

import static dev.codespar.springai.ChatClientLoopTest.PAY_ARGUMENTS;
import static dev.codespar.springai.ChatClientLoopTest.json;
import static dev.codespar.springai.ScriptedChatModel.text;
import static dev.codespar.springai.ScriptedChatModel.toolCalls;
import static dev.codespar.springai.ScriptedChatModel.toolResponses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.testkit.FakeCodeSpar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.model.tool.ToolExecutionResult;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

/** CodeSparToolCallingManager: the model's call ids reach the CodeSpar callbacks, so an id executes once. */
class ToolCallIdsTest {

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
    void aRepeatedIdInALaterTurnExecutesOnceAndGetsTheFirstAnswer() {
        ScriptedChatModel model = new ScriptedChatModel(
                conversation -> toolCalls("call_1", "codespar_pay", PAY_ARGUMENTS),
                conversation -> toolCalls("call_1", "codespar_pay", PAY_ARGUMENTS),
                conversation -> text("done"));

        String answer = ScriptedChatModel.prompt(model, CodeSparToolCallbacks.from(session),
                CodeSparToolCallingManager.create()).user("pay").call().content();

        assertThat(answer).isEqualTo("done");
        String requestId = fake.journal().assertExecutedOnce("codespar_pay").requestId();
        assertThat(model.prompts()).hasSize(3);
        ToolResponseMessage.ToolResponse first = toolResponses(model.prompts().get(1).getInstructions()).get(0);
        ToolResponseMessage.ToolResponse repeat = toolResponses(model.prompts().get(2).getInstructions()).get(0);
        assertThat(json(first.responseData()).path("request_id").asText()).isEqualTo(requestId);
        assertThat(repeat.id()).isEqualTo("call_1");
        assertThat(repeat.responseData()).isEqualTo(first.responseData());
    }

    @Test
    void twoDifferentIdsRunTwice() {
        ScriptedChatModel model = new ScriptedChatModel(
                conversation -> toolCalls("call_1", "codespar_pay", PAY_ARGUMENTS),
                conversation -> toolCalls("call_2", "codespar_pay", PAY_ARGUMENTS),
                conversation -> text("done"));

        ScriptedChatModel.prompt(model, CodeSparToolCallbacks.from(session), CodeSparToolCallingManager.create())
                .user("pay").call().content();

        assertThat(fake.journal().assertExecutedTimes("codespar_pay", 2))
                .extracting(call -> call.requestId()).doesNotHaveDuplicates();
    }

    @Test
    void eachCallOfAReplyTakesItsOwnIdBesideOtherTools() {
        CodeSparToolCallbacks tools = CodeSparToolCallbacks.from(session);
        CountingTool lookup = new CountingTool("lookup");
        List<ToolCallback> callbacks = new ArrayList<>(Arrays.asList(tools.getToolCallbacks()));
        callbacks.add(lookup);
        CodeSparToolCallingManager manager = CodeSparToolCallingManager.create();
        String big = PAY_ARGUMENTS.replace("1000", "2500");

        List<ToolResponseMessage.ToolResponse> first = execute(manager, callbacks, toolCalls(
                "call_a", "codespar_pay", PAY_ARGUMENTS, "call_l", "lookup", "{}", "call_b", "codespar_pay", big));
        // the model repeats call_b (and the other tool's id): call_b is answered as before, lookup runs again
        List<ToolResponseMessage.ToolResponse> again = execute(manager, callbacks, toolCalls(
                "call_l", "lookup", "{}", "call_b", "codespar_pay", big));

        assertThat(fake.journal().assertExecutedTimes("codespar_pay", 2))
                .extracting(call -> call.json().at("/input/amount").asInt()).containsExactly(1000, 2500);
        assertThat(lookup.inputs).containsExactly("{}", "{}");
        assertThat(first).extracting(ToolResponseMessage.ToolResponse::id).containsExactly("call_a", "call_l", "call_b");
        assertThat(json(first.get(2).responseData()).at("/data/amount").asInt()).isEqualTo(2500);
        assertThat(again.get(1).id()).isEqualTo("call_b");
        assertThat(again.get(1).responseData()).isEqualTo(first.get(2).responseData());
    }

    @Test
    void outsideTheManagerACallHasNoIdAndRunsEveryTime() {
        CodeSparToolCallbacks tools = CodeSparToolCallbacks.from(session);
        List<ToolCallback> callbacks = Arrays.asList(tools.getToolCallbacks());
        execute(CodeSparToolCallingManager.create(), callbacks, toolCalls("call_1", "codespar_pay", PAY_ARGUMENTS));
        ToolCallback pay = callbacks.stream()
                .filter(callback -> callback.getToolDefinition().name().equals("codespar_pay")).findFirst().orElseThrow();

        pay.call(PAY_ARGUMENTS);
        pay.call(PAY_ARGUMENTS);

        fake.journal().assertExecutedTimes("codespar_pay", 3);
    }

    @Test
    void aCallTakesTheIdOfItsArgumentsFirstSoASkippedCallDoesNotShiftTheIds() {
        List<AssistantMessage.ToolCall> calls = toolCalls("call_a", "codespar_pay", PAY_ARGUMENTS,
                "call_b", "codespar_pay", "{\"amount\":2}", "call_c", "codespar_pay", "{\"amount\":3}",
                "call_d", "codespar_pay", "{\"amount\":4}", "  ", "lookup", "{}").getToolCalls();

        List<String> claimed = ToolCallIds.during(calls, () -> Arrays.asList(
                ToolCallIds.claim("codespar_pay", "{\"amount\":3}"), // call_b skipped, as a call limit may
                ToolCallIds.claim("codespar_pay", "{\"changed\":true}"), // no exact match: the first left
                ToolCallIds.claim("codespar_pay", PAY_ARGUMENTS),
                ToolCallIds.claim("lookup", "{}"),
                ToolCallIds.claim("lookup", "{}")));

        assertThat(claimed).containsExactly("call_c", "call_a", "call_b", null, null);
        // call_d was never run: after the execution it is no longer offered
        assertThat(ToolCallIds.claim("codespar_pay", "{\"amount\":4}")).isNull();
    }

    @Test
    void aManagerNeedsOneToWrap() {
        assertThatThrownBy(() -> CodeSparToolCallingManager.wrap(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delegate");
    }

    /** One model reply executed by the manager, as a tool loop does; returns the answers the model would read. */
    private static List<ToolResponseMessage.ToolResponse> execute(CodeSparToolCallingManager manager,
            List<ToolCallback> callbacks, AssistantMessage reply) {
        ChatOptions options = ToolCallingChatOptions.builder().toolCallbacks(callbacks).build();
        Prompt prompt = new Prompt(List.<Message>of(new UserMessage("go")), options);
        ToolExecutionResult result = manager.executeToolCalls(prompt,
                new ChatResponse(List.of(new Generation(reply))));
        return toolResponses(result.conversationHistory());
    }

    /** A tool of the application's own, counting its runs. */
    private static final class CountingTool implements ToolCallback {
        final List<String> inputs = new CopyOnWriteArrayList<>();
        private final ToolDefinition definition;

        CountingTool(String name) {
            definition = ToolDefinition.builder().name(name).description("an application tool")
                    .inputSchema("{\"type\":\"object\"}").build();
        }

        @Override
        public ToolDefinition getToolDefinition() {
            return definition;
        }

        @Override
        public String call(String toolInput) {
            inputs.add(toolInput);
            return "{\"found\":" + inputs.size() + "}";
        }
    }
}
