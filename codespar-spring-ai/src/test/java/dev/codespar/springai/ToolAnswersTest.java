package dev.codespar.springai;

import static dev.codespar.springai.ChatClientLoopTest.PAY_ARGUMENTS;
import static dev.codespar.springai.ChatClientLoopTest.json;
import static dev.codespar.springai.ScriptedChatModel.text;
import static dev.codespar.springai.ScriptedChatModel.toolCalls;
import static dev.codespar.springai.ScriptedChatModel.toolResponses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.errors.ConfigError;
import dev.codespar.errors.NetworkError;
import dev.codespar.policy.ToolPolicy;
import dev.codespar.testkit.FakeCodeSpar;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.prompt.Prompt;

/** Each outcome of a tool call as the model reads it in the next prompt of a ChatClient loop. */
class ToolAnswersTest {

    private FakeCodeSpar fake;
    private CodeSparClient client;
    private Session session;

    @BeforeEach
    void start() {
        fake = FakeCodeSpar.start();
        // no retries: each test counts the attempts the fake saw
        client = fake.clientBuilder().maxRetries(0).build();
        session = client.create("user_1", SessionConfig.builder().servers("asaas").build());
    }

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    /** Runs one model turn calling the given tools, and returns the answers the model read, key-free checked. */
    private List<JsonNode> answersTo(CodeSparToolCallbacks tools, String... idNameArguments) {
        ScriptedChatModel model = new ScriptedChatModel(conversation -> toolCalls(idNameArguments),
                conversation -> text("ok"));
        assertThat(ScriptedChatModel.prompt(model, tools).user("go").call().content()).isEqualTo("ok");
        for (Prompt prompt : model.prompts()) {
            for (Message message : prompt.getInstructions()) {
                String seen = message instanceof ToolResponseMessage responses
                        ? responses.getResponses().toString() : String.valueOf(message.getText());
                assertThat(seen).doesNotContain(fake.apiKey()).doesNotContain("Bearer");
            }
        }
        return toolResponses(model.prompts().get(1).getInstructions()).stream()
                .map(response -> json(response.responseData())).toList();
    }

    private JsonNode answerToPay(CodeSparToolCallbacks tools) {
        return answersTo(tools, "call_1", "codespar_pay", PAY_ARGUMENTS).get(0);
    }

    @Test
    void needsConnectionTellsTheModelTheLinkToSend() {
        fake.requireConnection("asaas");
        Session unconnected = client.create("user_2", SessionConfig.builder().servers("asaas").build());

        JsonNode answer = answerToPay(CodeSparToolCallbacks.from(unconnected));

        assertThat(fake.journal().assertExecutedOnce("codespar_pay").errorCode()).isEqualTo("needs_connection");
        assertThat(answer.path("success").asBoolean(true)).isFalse();
        assertThat(answer.path("error").asText()).isEqualTo("needs_connection");
        assertThat(answer.path("connect_url").asText()).startsWith(fake.baseUrl() + "/connect/lnk_");
        assertThat(answer.path("message").asText()).contains("send them this link")
                .contains(answer.path("connect_url").asText());
    }

    @Test
    void aRateLimitSaysWhenToRetry() {
        fake.failNext("rate_limited").onTool("codespar_pay");

        JsonNode answer = answerToPay(CodeSparToolCallbacks.from(session));

        assertThat(fake.journal().assertExecutedOnce("codespar_pay").status()).isEqualTo(429);
        assertThat(answer.path("error").asText()).isEqualTo("rate_limited");
        assertThat(answer.path("retry_after_seconds").asLong()).isEqualTo(1);
        assertThat(answer.path("message").asText()).contains("wait 1 seconds");
    }

    @Test
    void aFailedResultKeepsItsCodeAndMessage() {
        fake.onTool("codespar_pay").toolError("no_eligible_providers");

        JsonNode answer = answerToPay(CodeSparToolCallbacks.from(session));

        assertThat(fake.journal().assertExecutedOnce("codespar_pay").status()).isEqualTo(200);
        assertThat(answer.path("success").asBoolean(true)).isFalse();
        assertThat(answer.path("error").asText()).isEqualTo("no_eligible_providers");
        assertThat(answer.path("message").asText()).contains("no_eligible_providers");
        assertThat(answer.path("request_id").asText()).startsWith("req_");
    }

    @Test
    void anOutcomeThatMayHaveGoneThroughSaysDoNotCallAgain() {
        fake.failNext("internal_error").onTool("codespar_pay");

        JsonNode answer = answerToPay(CodeSparToolCallbacks.from(session));

        fake.journal().assertExecutedOnce("codespar_pay");
        assertThat(answer.path("outcome_unknown").asBoolean()).isTrue();
        assertThat(answer.path("message").asText()).contains("Do not call it again");
    }

    @Test
    void aPolicyDenialIsToldToTheModelAndMakesNoRequest() {
        CodeSparToolCallbacks tools = CodeSparToolCallbacks.builder(session)
                .policy(ToolPolicy.maxAmountPerCall("BRL", 500)).build();
        tools.getToolCallbacks();
        int before = fake.journal().size();

        JsonNode answer = answerToPay(tools);

        assertThat(fake.journal().size()).isEqualTo(before);
        fake.journal().assertNotExecuted("codespar_pay");
        assertThat(answer.path("error").asText()).isEqualTo("policy_denied");
        assertThat(answer.path("rule_id").asText()).isNotBlank();
        assertThat(answer.path("message").asText()).contains("do not try to get around it");
    }

    @Test
    void thePolicySeesTheModelsArgumentsAsGiven() {
        List<JsonNode> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        CodeSparToolCallbacks tools = CodeSparToolCallbacks.builder(session).policy(ToolPolicy.of(call -> {
            seen.add(call.arguments());
            return dev.codespar.policy.PolicyDecision.allow();
        })).build();

        answerToPay(tools);

        assertThat(seen).containsExactly(json(PAY_ARGUMENTS));
        fake.journal().assertExecutedOnce("codespar_pay");
    }

    @Test
    void aRefusedApprovalIsToldToTheModelWithItsRule() {
        CodeSparToolCallbacks tools = CodeSparToolCallbacks.builder(session).policy(ToolPolicy.requireApproval(
                call -> call.arguments().path("amount").asLong() > 1500,
                call -> CompletableFuture.completedFuture(false))).build();

        List<JsonNode> answers = answersTo(tools, "call_small", "codespar_pay", PAY_ARGUMENTS,
                "call_big", "codespar_pay", PAY_ARGUMENTS.replace("1000", "9000"));

        assertThat(fake.journal().assertExecutedOnce("codespar_pay").json().at("/input/amount").asInt())
                .isEqualTo(1000);
        assertThat(answers.get(0).path("success").asBoolean()).isTrue();
        assertThat(answers.get(1).path("error").asText()).isEqualTo("policy_denied");
        assertThat(answers.get(1).path("rule_id").asText()).isEqualTo("approval");
    }

    @Test
    void malformedArgumentsAreAnsweredWithoutARequest() {
        List<JsonNode> answers = answersTo(CodeSparToolCallbacks.from(session),
                "call_1", "codespar_pay", "{\"action\": \"pay\", \"amount\": ",
                "call_2", "codespar_pay", "[1000]");

        fake.journal().assertNotExecuted("codespar_pay");
        assertThat(answers).extracting(answer -> answer.path("error").asText())
                .containsExactly("invalid_arguments", "invalid_arguments");
        assertThat(answers.get(1).path("message").asText()).contains("not a JSON object");
    }

    @Test
    void aToolFilteredOutIsNeverOfferedAndSpringAiRefusesToRunIt() {
        CodeSparToolCallbacks tools = CodeSparToolCallbacks.builder(session)
                .filter(tool -> !tool.toolName().equals("codespar_pay")).build();
        ScriptedChatModel model = new ScriptedChatModel(
                conversation -> toolCalls("call_1", "codespar_pay", PAY_ARGUMENTS), conversation -> text("ok"));

        assertThatThrownBy(() -> ScriptedChatModel.prompt(model, tools).user("go").call().content())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("codespar_pay");
        assertThat(model.toolDefinitions(0)).extracting(definition -> definition.name())
                .isNotEmpty().doesNotContain("codespar_pay");
        fake.journal().assertNotExecuted("codespar_pay");
    }

    @Test
    void aPolicyThatCannotDecideDeniesAndMakesNoRequest() {
        // a policy failing, even with a ConfigError, is a denial of the session's (a guardrail that cannot be
        // consulted is not stepped around), so the model hears policy_error and nothing is sent
        CodeSparToolCallbacks tools = CodeSparToolCallbacks.builder(session).policy(
                call -> CompletableFuture.failedFuture(new ConfigError("the approvals service is not configured")))
                .build();

        JsonNode answer = answerToPay(tools);

        fake.journal().assertNotExecuted("codespar_pay");
        assertThat(answer.path("error").asText()).isEqualTo("policy_denied");
        assertThat(answer.path("rule_id").asText()).isEqualTo("policy_error");
    }

    @Test
    void aClosedClientIsThrownOutOfTheChatCallNotToldToTheModel() {
        // the callback catches nothing and Spring AI turns only ToolExecutionException into an answer: a
        // CodeSparException the dispatcher throws (client_closed, or a ConfigError) ends the chat call
        CodeSparToolCallbacks tools = CodeSparToolCallbacks.from(session);
        tools.getToolCallbacks();
        ScriptedChatModel model = new ScriptedChatModel(
                conversation -> toolCalls("call_1", "codespar_pay", PAY_ARGUMENTS), conversation -> text("ok"));
        client.close();

        assertThatThrownBy(() -> ScriptedChatModel.prompt(model, tools).user("go").call().content())
                .isInstanceOfSatisfying(NetworkError.class, e -> assertThat(e.isClientClosed()).isTrue());
        assertThat(model.prompts()).hasSize(1);
        fake.journal().assertNotExecuted("codespar_pay");
    }
}
