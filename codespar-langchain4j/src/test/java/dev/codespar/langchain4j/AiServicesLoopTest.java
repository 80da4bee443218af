package dev.codespar.langchain4j;

import static dev.codespar.langchain4j.ScriptedChatModel.answer;
import static dev.codespar.langchain4j.ScriptedChatModel.answerWithToolResult;
import static dev.codespar.langchain4j.ScriptedChatModel.callTools;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.agent.ToolCallAnswer;
import dev.codespar.errors.NetworkError;
import dev.codespar.policy.ToolPolicy;
import dev.codespar.testkit.FakeCodeSpar;
import dev.codespar.testkit.RecordedCall;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.tool.ToolExecution;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real AI Service loops with a scripted model: the calls the fake saw, and the tool results the model read. */
class AiServicesLoopTest {

    static final String PAY_ARGUMENTS = "{\"action\":\"pay\",\"amount\":1000,\"currency\":\"BRL\",\"method\":\"pix\","
            + "\"description\":\"Order 42\",\"recipient\":\"ana@example.com\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    interface Assistant {
        Result<String> chat(String message);
    }

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

    private static Assistant assistant(ScriptedChatModel model, CodeSparTools tools) {
        return AiServices.builder(Assistant.class).chatModel(model).toolProvider(tools)
                .toolExecutionErrorHandler(CodeSparTools.errorHandler()).build();
    }

    /** The model pays, reads the result and answers: what a single tool call looks like from both ends. */
    private JsonNode payOnce(CodeSparTools tools, ScriptedChatModel model) throws Exception {
        assistant(model, tools).chat("Pay R$ 10,00 via Pix to ana@example.com for order 42.");
        List<ToolExecutionResultMessage> results = model.toolResultsSeen();
        assertThat(results).hasSize(1);
        return seen(results.get(0), "call_1");
    }

    /** A tool result as the model read it: the call's id and tool, and a JSON object without any secret. */
    private JsonNode seen(ToolExecutionResultMessage result, String callId) throws Exception {
        assertThat(result.id()).isEqualTo(callId);
        assertThat(result.toolName()).isEqualTo("codespar_pay");
        assertThat(result.text()).doesNotContain(fake.apiKey()).doesNotContain("Bearer");
        JsonNode json = JSON.readTree(result.text());
        assertThat(result.isError()).isEqualTo(!json.path("success").asBoolean());
        return json;
    }

    @Test
    void theModelAsksToPayTheFakePaysOnceAndTheModelAnswersFromTheResult() throws Exception {
        fake.onTool("codespar_pay").respond(Map.of("id", "pay_1", "status", "pending"));
        ScriptedChatModel model = ScriptedChatModel.of(callTools("call_1", "codespar_pay", PAY_ARGUMENTS),
                answerWithToolResult());

        Result<String> answer = assistant(model, CodeSparTools.from(session())).chat("Pay R$ 10,00 to Ana.");

        RecordedCall execution = fake.journal().assertExecutedOnce("codespar_pay");
        assertThat(execution.json().path("tool").asText()).isEqualTo("codespar_pay");
        assertThat(execution.json().path("input")).isEqualTo(JSON.readTree(PAY_ARGUMENTS));
        assertThat(model.requests()).hasSize(2);
        List<ChatMessage> second = model.requests().get(1).messages();
        assertThat(second).hasExactlyElementsOfTypes(UserMessage.class, AiMessage.class,
                ToolExecutionResultMessage.class);
        JsonNode result = seen((ToolExecutionResultMessage) second.get(2), "call_1");
        assertThat(result.path("success").asBoolean()).isTrue();
        assertThat(result.at("/data/id").asText()).isEqualTo("pay_1");
        assertThat(result.path("tool_call_id").asText()).startsWith("tc_");
        assertThat(answer.content()).isEqualTo("The tool said: " + ((ToolExecutionResultMessage) second.get(2)).text());
        ToolExecution execution0 = answer.toolExecutions().get(0);
        assertThat(execution0.hasFailed()).isFalse();
        assertThat(execution0.resultObject()).isInstanceOfSatisfying(ToolCallAnswer.class,
                call -> assertThat(call.toolResult().orElseThrow().data().path("id").asText()).isEqualTo("pay_1"));
    }

    @Test
    void needsConnectionTellsTheModelTheLinkToSendTheUser() throws Exception {
        fake.requireConnection("asaas");
        ScriptedChatModel model = ScriptedChatModel.of(callTools("call_1", "codespar_pay", PAY_ARGUMENTS),
                answerWithToolResult());

        JsonNode result = payOnce(CodeSparTools.from(session()), model);

        assertThat(fake.journal().assertExecutedOnce("codespar_pay").errorCode()).isEqualTo("needs_connection");
        assertThat(result.path("error").asText()).isEqualTo("needs_connection");
        assertThat(result.path("connect_url").asText()).startsWith(fake.baseUrl() + "/connect/lnk_");
        assertThat(result.path("message").asText()).contains("send them this link")
                .contains(result.path("connect_url").asText());
    }

    @Test
    void aRateLimitTellsTheModelWhenToTryAgain() throws Exception {
        fake.failNext("rate_limited").onTool("codespar_pay");
        ScriptedChatModel model = ScriptedChatModel.of(callTools("call_1", "codespar_pay", PAY_ARGUMENTS),
                answerWithToolResult());

        JsonNode result = payOnce(CodeSparTools.from(session()), model);

        assertThat(fake.journal().assertExecutedOnce("codespar_pay").status()).isEqualTo(429);
        assertThat(result.path("error").asText()).isEqualTo("rate_limited");
        assertThat(result.path("retry_after_seconds").asLong()).isEqualTo(1);
        assertThat(result.path("message").asText()).contains("wait 1 seconds");
        assertThat(result.path("request_id").asText()).startsWith("req_");
    }

    @Test
    void aFailedResultKeepsItsCodeAndMessage() throws Exception {
        fake.onTool("codespar_pay").toolError("no_eligible_providers");
        ScriptedChatModel model = ScriptedChatModel.of(callTools("call_1", "codespar_pay", PAY_ARGUMENTS),
                answerWithToolResult());

        JsonNode result = payOnce(CodeSparTools.from(session()), model);

        assertThat(fake.journal().assertExecutedOnce("codespar_pay").status()).isEqualTo(200);
        assertThat(result.path("success").asBoolean(true)).isFalse();
        assertThat(result.path("error").asText()).isEqualTo("no_eligible_providers");
        assertThat(result.path("message").asText()).contains("no_eligible_providers");
    }

    @Test
    void aPolicyDenialIsToldToTheModelAndMakesNoRequest() throws Exception {
        Session session = session();
        CodeSparTools tools = CodeSparTools.builder(session).policy(ToolPolicy.maxAmountPerCall("BRL", 500)).build();
        tools.toolSpecifications();
        int afterTools = fake.journal().size();
        ScriptedChatModel model = ScriptedChatModel.of(callTools("call_1", "codespar_pay", PAY_ARGUMENTS),
                answerWithToolResult());

        JsonNode result = payOnce(tools, model);

        assertThat(fake.journal().size()).isEqualTo(afterTools);
        assertThat(fake.journal().executions("codespar_pay")).isEmpty();
        assertThat(result.path("error").asText()).isEqualTo("policy_denied");
        assertThat(result.path("rule_id").asText()).isNotBlank();
        assertThat(result.path("message").asText()).contains("do not try to get around it");
    }

    @Test
    void thePolicySeesTheModelsArgumentsAsGiven() throws Exception {
        List<JsonNode> consulted = new java.util.concurrent.CopyOnWriteArrayList<>();
        CodeSparTools tools = CodeSparTools.builder(session()).policy(call -> {
            consulted.add(call.arguments());
            return CompletableFuture.completedFuture(dev.codespar.policy.PolicyDecision.deny("test", "no"));
        }).build();
        ScriptedChatModel model = ScriptedChatModel.of(callTools("call_1", "codespar_pay", PAY_ARGUMENTS),
                answerWithToolResult());

        JsonNode result = payOnce(tools, model);

        assertThat(consulted).containsExactly(JSON.readTree(PAY_ARGUMENTS));
        fake.journal().assertNotExecuted("codespar_pay");
        assertThat(result.path("rule_id").asText()).isEqualTo("test");
    }

    @Test
    void aRefusedApprovalIsToldToTheModelWithoutARequest() throws Exception {
        CodeSparTools tools = CodeSparTools.builder(session()).policy(ToolPolicy.requireApproval(
                call -> call.arguments().path("amount").asLong() > 500,
                call -> CompletableFuture.completedFuture(false))).build();
        ScriptedChatModel model = ScriptedChatModel.of(callTools("call_1", "codespar_pay", PAY_ARGUMENTS),
                answerWithToolResult());

        JsonNode result = payOnce(tools, model);

        fake.journal().assertNotExecuted("codespar_pay");
        assertThat(result.path("error").asText()).isEqualTo("policy_denied");
        assertThat(result.path("rule_id").asText()).isEqualTo("approval");
    }

    @Test
    void aRepeatedToolCallIdExecutesOnceAndGetsTheFirstAnswer() throws Exception {
        ScriptedChatModel model = ScriptedChatModel.of(
                callTools("call_1", "codespar_pay", PAY_ARGUMENTS),
                callTools("call_1", "codespar_pay", PAY_ARGUMENTS),
                callTools("call_1", "codespar_pay", "{}", "call_1", "codespar_pay", PAY_ARGUMENTS),
                answer("Paid once."));

        Result<String> answer = assistant(model, CodeSparTools.from(session())).chat("Pay R$ 10,00 to Ana.");

        fake.journal().assertExecutedTimes("codespar_pay", 1);
        assertThat(answer.content()).isEqualTo("Paid once.");
        List<ToolExecutionResultMessage> results = model.toolResultsSeen();
        assertThat(results).hasSize(4);
        assertThat(results).extracting(ToolExecutionResultMessage::text).containsOnly(results.get(0).text());
        assertThat(seen(results.get(0), "call_1").path("success").asBoolean()).isTrue();
    }

    @Test
    void malformedArgumentsAreAnsweredWithoutARequest() throws Exception {
        ScriptedChatModel model = ScriptedChatModel.of(callTools("call_1", "codespar_pay", "{\"amount\": "),
                answerWithToolResult());

        JsonNode result = payOnce(CodeSparTools.from(session()), model);

        fake.journal().assertNotExecuted("codespar_pay");
        assertThat(result.path("error").asText()).isEqualTo("invalid_arguments");
    }

    @Test
    void noApiKeyInAnythingTheModelSees() throws Exception {
        Session session = session();
        fake.failNext("rate_limited").onTool("codespar_pay");
        fake.requireConnection("asaas");
        ScriptedChatModel model = ScriptedChatModel.of(
                callTools("call_1", "codespar_pay", PAY_ARGUMENTS, "call_2", "codespar_charge", "{}",
                        "call_3", "codespar_pay", "not json"),
                answer("Done."));

        assistant(model, CodeSparTools.from(session)).chat("Pay, charge, and break something.");

        assertThat(model.toolResultsSeen()).hasSize(3);
        assertThat(model.everythingSeen()).doesNotContain(fake.apiKey()).doesNotContain("Bearer")
                .doesNotContain("Authorization").doesNotContain("csk_");
    }

    @Test
    void aClosedClientIsThrownToTheCallerNotToldToTheModel() {
        CodeSparTools tools = CodeSparTools.from(session());
        tools.toolSpecifications();
        client.close();
        ScriptedChatModel model = ScriptedChatModel.of(callTools("call_1", "codespar_pay", PAY_ARGUMENTS),
                answerWithToolResult());

        assertThatThrownBy(() -> assistant(model, tools).chat("Pay R$ 10,00 to Ana."))
                .isInstanceOfSatisfying(NetworkError.class, e -> assertThat(e.isClientClosed()).isTrue());
        fake.journal().assertNotExecuted("codespar_pay");
        assertThat(model.requests()).hasSize(1);
    }

    @Test
    void withoutTheErrorHandlerAiServicesWouldHandTheModelTheFailure() {
        CodeSparTools tools = CodeSparTools.from(session());
        tools.toolSpecifications();
        client.close();
        ScriptedChatModel model = ScriptedChatModel.of(callTools("call_1", "codespar_pay", PAY_ARGUMENTS),
                answerWithToolResult());
        Assistant plain = AiServices.builder(Assistant.class).chatModel(model).toolProvider(tools).build();

        Result<String> answer = plain.chat("Pay R$ 10,00 to Ana.");

        // LangChain4j's default: the exception's message becomes the tool result (why errorHandler() exists)
        assertThat(model.toolResultsSeen().get(0).isError()).isTrue();
        assertThat(answer.content()).contains("client_closed").doesNotContain(fake.apiKey());
        fake.journal().assertNotExecuted("codespar_pay");
    }

    @Test
    void anApplicationsOwnToolLoopGetsTheSameResults() throws Exception {
        CodeSparTools tools = CodeSparTools.from(session());
        dev.langchain4j.agent.tool.ToolExecutionRequest call = dev.langchain4j.agent.tool.ToolExecutionRequest
                .builder().id("call_9").name("codespar_pay").arguments(PAY_ARGUMENTS).build();

        ToolExecutionResultMessage first = tools.execute(call);
        ToolExecutionResultMessage again = tools.execute(call);

        fake.journal().assertExecutedOnce("codespar_pay");
        assertThat(again).isEqualTo(first);
        assertThat(first.id()).isEqualTo("call_9");
        assertThat(first.toolName()).isEqualTo("codespar_pay");
        assertThat(first.isError()).isFalse();
        assertThat(JSON.readTree(first.text()).path("success").asBoolean()).isTrue();
    }
}
