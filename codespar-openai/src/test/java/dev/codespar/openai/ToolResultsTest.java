package dev.codespar.openai;

import static dev.codespar.openai.OpenAiWire.PAY_ARGUMENTS;
import static dev.codespar.openai.OpenAiWire.completion;
import static dev.codespar.openai.OpenAiWire.functionCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.responses.ResponseInputItem;
import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.errors.NetworkError;
import dev.codespar.policy.ToolPolicy;
import dev.codespar.testkit.FakeCodeSpar;
import dev.codespar.testkit.RecordedCall;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The model's tool calls run on the fake, and the tool messages that go back to the model. */
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

    /** The tool message as openai-java writes it: {@code {role: "tool", tool_call_id, content}}, content parsed. */
    private JsonNode content(ChatCompletionToolMessageParam message, String callId) throws Exception {
        JsonNode written = OpenAiWire.written(message);
        assertThat(written.path("role").asText()).isEqualTo("tool");
        assertThat(written.path("tool_call_id").asText()).isEqualTo(callId);
        String content = written.path("content").asText();
        assertThat(content).doesNotContain(fake.apiKey()).doesNotContain("Bearer");
        return JSON.readTree(content);
    }

    @Test
    void aFunctionCallRunsOnceOnTheFakeAndItsResultGoesBack() throws Exception {
        fake.onTool("codespar_pay").respond(java.util.Map.of("id", "pay_1", "status", "pending"));
        CodeSparOpenAi codespar = CodeSparOpenAi.from(session());

        List<ChatCompletionToolMessageParam> results = codespar.toolResults(
                completion(functionCall("call_1", "codespar_pay", PAY_ARGUMENTS)));

        RecordedCall execution = fake.journal().assertExecutedOnce("codespar_pay");
        assertThat(execution.json().path("input")).isEqualTo(JSON.readTree(PAY_ARGUMENTS));
        JsonNode answer = content(results.get(0), "call_1");
        assertThat(results).hasSize(1);
        assertThat(answer.path("success").asBoolean()).isTrue();
        assertThat(answer.at("/data/id").asText()).isEqualTo("pay_1");
        assertThat(answer.path("tool_call_id").asText()).startsWith("tc_");
    }

    @Test
    void callsRunInTheModelsOrderAndEachGetsItsAnswer() throws Exception {
        CodeSparOpenAi codespar = CodeSparOpenAi.from(session());
        ChatCompletion twoCalls = completion(functionCall("call_a", "codespar_pay", PAY_ARGUMENTS),
                functionCall("call_b", "codespar_pay", PAY_ARGUMENTS.replace("1000", "2500")));

        List<ChatCompletionToolMessageParam> results = codespar.toolResults(twoCalls);

        List<RecordedCall> executions = fake.journal().assertExecutedTimes("codespar_pay", 2);
        assertThat(executions).extracting(call -> call.json().at("/input/amount").asInt()).containsExactly(1000, 2500);
        assertThat(results).extracting(ChatCompletionToolMessageParam::toolCallId).containsExactly("call_a", "call_b");
        assertThat(content(results.get(1), "call_b").at("/data/amount").asInt()).isEqualTo(2500);
    }

    @Test
    void aRepeatedCallIdRunsOnceAndGetsTheFirstAnswer() throws Exception {
        CodeSparOpenAi codespar = CodeSparOpenAi.from(session());
        ChatCompletion pay = completion(functionCall("call_1", "codespar_pay", PAY_ARGUMENTS));

        List<ChatCompletionToolMessageParam> first = codespar.toolResults(pay);
        List<ChatCompletionToolMessageParam> again = codespar.toolResults(pay);
        List<ChatCompletionToolMessageParam> twiceInOne = codespar.toolResults(completion(
                functionCall("call_1", "codespar_pay", PAY_ARGUMENTS), functionCall("call_1", "codespar_pay", "{}")));

        fake.journal().assertExecutedTimes("codespar_pay", 1);
        assertThat(again).isEqualTo(first);
        assertThat(twiceInOne).containsExactly(first.get(0), first.get(0));
    }

    @Test
    void needsConnectionTellsTheModelTheLinkToSend() throws Exception {
        fake.requireConnection("asaas");
        CodeSparOpenAi codespar = CodeSparOpenAi.from(session());

        JsonNode answer = content(codespar.toolResult(
                completion(functionCall("call_1", "codespar_pay", PAY_ARGUMENTS)).choices().get(0).message()
                        .toolCalls().orElseThrow().get(0)), "call_1");

        RecordedCall execution = fake.journal().assertExecutedOnce("codespar_pay");
        assertThat(execution.errorCode()).isEqualTo("needs_connection");
        assertThat(answer.path("success").asBoolean(true)).isFalse();
        assertThat(answer.path("error").asText()).isEqualTo("needs_connection");
        assertThat(answer.path("connect_url").asText()).startsWith(fake.baseUrl() + "/connect/lnk_");
        assertThat(answer.path("message").asText()).contains("send them this link")
                .contains(answer.path("connect_url").asText());
    }

    @Test
    void aRateLimitSaysWhenToRetry() throws Exception {
        fake.failNext("rate_limited").onTool("codespar_pay");
        CodeSparOpenAi codespar = CodeSparOpenAi.from(session());

        JsonNode answer = content(codespar.toolResults(
                completion(functionCall("call_1", "codespar_pay", PAY_ARGUMENTS))).get(0), "call_1");

        assertThat(fake.journal().assertExecutedOnce("codespar_pay").status()).isEqualTo(429);
        assertThat(answer.path("error").asText()).isEqualTo("rate_limited");
        assertThat(answer.path("retry_after_seconds").asLong()).isEqualTo(1);
        assertThat(answer.path("message").asText()).contains("wait 1 seconds");
    }

    @Test
    void aFailedResultKeepsItsError() throws Exception {
        fake.onTool("codespar_pay").toolError("no_eligible_providers");
        CodeSparOpenAi codespar = CodeSparOpenAi.from(session());

        JsonNode answer = content(codespar.toolResults(
                completion(functionCall("call_1", "codespar_pay", PAY_ARGUMENTS))).get(0), "call_1");

        assertThat(fake.journal().assertExecutedOnce("codespar_pay").status()).isEqualTo(200);
        assertThat(answer.path("success").asBoolean(true)).isFalse();
        assertThat(answer.path("error").asText()).isEqualTo("no_eligible_providers");
        assertThat(answer.path("message").asText()).contains("no_eligible_providers");
    }

    @Test
    void aPolicyDenialIsToldToTheModelAndMakesNoRequest() throws Exception {
        Session session = session();
        int before = fake.journal().size();
        CodeSparOpenAi codespar = CodeSparOpenAi.builder(session)
                .policy(ToolPolicy.maxAmountPerCall("BRL", 500)).build();
        codespar.tools();
        int afterTools = fake.journal().size();

        JsonNode answer = content(codespar.toolResults(
                completion(functionCall("call_1", "codespar_pay", PAY_ARGUMENTS))).get(0), "call_1");

        assertThat(afterTools).isEqualTo(before + 1); // reading the tools, nothing else
        assertThat(fake.journal().size()).isEqualTo(afterTools);
        fake.journal().assertNotExecuted("codespar_pay");
        assertThat(answer.path("error").asText()).isEqualTo("policy_denied");
        assertThat(answer.path("rule_id").asText()).isNotBlank();
        assertThat(answer.path("message").asText()).contains("do not try to get around it");
    }

    @Test
    void anApprovalGoesAheadOnlyWhenAPersonSaysYes() throws Exception {
        Session session = session();
        CodeSparOpenAi codespar = CodeSparOpenAi.builder(session).policy(ToolPolicy.requireApproval(
                call -> call.arguments().path("amount").asLong() > 1500,
                call -> CompletableFuture.completedFuture(false)))
                .build();

        List<ChatCompletionToolMessageParam> results = codespar.toolResults(completion(
                functionCall("call_small", "codespar_pay", PAY_ARGUMENTS),
                functionCall("call_big", "codespar_pay", PAY_ARGUMENTS.replace("1000", "9000"))));

        assertThat(fake.journal().assertExecutedOnce("codespar_pay").json().at("/input/amount").asInt())
                .isEqualTo(1000);
        assertThat(content(results.get(0), "call_small").path("success").asBoolean()).isTrue();
        JsonNode denied = content(results.get(1), "call_big");
        assertThat(denied.path("error").asText()).isEqualTo("policy_denied");
        assertThat(denied.path("rule_id").asText()).isEqualTo("approval");
    }

    @Test
    void malformedArgumentsAreAnsweredWithoutARequest() throws Exception {
        CodeSparOpenAi codespar = CodeSparOpenAi.from(session());

        List<ChatCompletionToolMessageParam> results = codespar.toolResults(completion(
                functionCall("call_1", "codespar_pay", "{\"action\": \"pay\", \"amount\": "),
                functionCall("call_2", "codespar_pay", "[1000]")));

        fake.journal().assertNotExecuted("codespar_pay");
        assertThat(content(results.get(0), "call_1").path("error").asText()).isEqualTo("invalid_arguments");
        JsonNode array = content(results.get(1), "call_2");
        assertThat(array.path("error").asText()).isEqualTo("invalid_arguments");
        assertThat(array.path("message").asText()).contains("not a JSON object");
    }

    @Test
    void aToolNotOfferedIsAnsweredUnknownAndNeverRuns() throws Exception {
        CodeSparOpenAi codespar = CodeSparOpenAi.builder(session())
                .filter(tool -> !tool.toolName().equals("codespar_pay")).build();

        JsonNode answer = content(codespar.toolResults(
                completion(functionCall("call_1", "codespar_pay", PAY_ARGUMENTS))).get(0), "call_1");

        fake.journal().assertNotExecuted("codespar_pay");
        assertThat(answer.path("error").asText()).isEqualTo("unknown_tool");
        assertThat(answer.path("message").asText()).contains("codespar_charge");
    }

    @Test
    void theAsyncPathGivesTheSameMessages() throws Exception {
        CodeSparOpenAi codespar = CodeSparOpenAi.from(session());
        ChatCompletion twoCalls = completion(functionCall("call_a", "codespar_pay", PAY_ARGUMENTS),
                functionCall("call_b", "codespar_pay", "{not json"));

        List<ChatCompletionToolMessageParam> results = codespar.toolResultsAsync(twoCalls).get(10, TimeUnit.SECONDS);

        fake.journal().assertExecutedTimes("codespar_pay", 1);
        assertThat(results).extracting(ChatCompletionToolMessageParam::toolCallId).containsExactly("call_a", "call_b");
        assertThat(content(results.get(0), "call_a").path("success").asBoolean()).isTrue();
        assertThat(content(results.get(1), "call_b").path("error").asText()).isEqualTo("invalid_arguments");
        assertThat(codespar.toolResults(twoCalls)).isEqualTo(results);
        fake.journal().assertExecutedTimes("codespar_pay", 1);
    }

    @Test
    void aMessageWithoutToolCallsNeedsNoAnswer() throws Exception {
        CodeSparOpenAi codespar = CodeSparOpenAi.from(session());

        assertThat(codespar.toolResults(completion())).isEmpty();
        assertThat(codespar.toolResults((ChatCompletion) null)).isEmpty();
        assertThat(codespar.toolResultsAsync(completion()).get(10, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void aStreamedToolCallRunsOnceTheAccumulatorHasIt() throws Exception {
        CodeSparOpenAi codespar = CodeSparOpenAi.from(session());
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        int half = PAY_ARGUMENTS.length() / 2;

        accumulator.accumulate(OpenAiWire.chunk("{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,"
                + "\"id\":\"call_s1\",\"type\":\"function\",\"function\":{\"name\":\"codespar_pay\","
                + "\"arguments\":\"\"}}]}", null));
        accumulator.accumulate(OpenAiWire.chunk(OpenAiWire.argumentsDelta(PAY_ARGUMENTS.substring(0, half)), null));
        accumulator.accumulate(OpenAiWire.chunk(OpenAiWire.argumentsDelta(PAY_ARGUMENTS.substring(half)), null));
        accumulator.accumulate(OpenAiWire.chunk("{}", "tool_calls"));
        List<ChatCompletionToolMessageParam> results = codespar.toolResults(accumulator.chatCompletion());

        RecordedCall execution = fake.journal().assertExecutedOnce("codespar_pay");
        assertThat(execution.json().path("input")).isEqualTo(JSON.readTree(PAY_ARGUMENTS));
        assertThat(content(results.get(0), "call_s1").path("success").asBoolean()).isTrue();
    }

    @Test
    void responsesFunctionCallsBecomeFunctionCallOutputs() throws Exception {
        CodeSparOpenAi codespar = CodeSparOpenAi.from(session());
        com.openai.models.responses.Response response = OpenAiWire.response(
                OpenAiWire.responseCall("call_r1", "codespar_pay", PAY_ARGUMENTS));

        List<ResponseInputItem> items = codespar.toolResults(response);
        List<ResponseInputItem> again = codespar.toolResultsAsync(response).get(10, TimeUnit.SECONDS);

        fake.journal().assertExecutedTimes("codespar_pay", 1);
        assertThat(again).isEqualTo(items);
        JsonNode written = OpenAiWire.written(items.get(0));
        assertThat(written.path("type").asText()).isEqualTo("function_call_output");
        assertThat(written.path("call_id").asText()).isEqualTo("call_r1");
        assertThat(JSON.readTree(written.path("output").asText()).path("success").asBoolean()).isTrue();
    }

    @Test
    void aClosedClientIsTheApplicationsProblemNotTheModels() {
        CodeSparOpenAi codespar = CodeSparOpenAi.from(session());
        codespar.tools();
        client.close();

        assertThatThrownBy(() -> codespar.toolResults(completion(functionCall("call_1", "codespar_pay",
                PAY_ARGUMENTS)))).isInstanceOfSatisfying(NetworkError.class,
                        e -> assertThat(e.isClientClosed()).isTrue());
        fake.journal().assertNotExecuted("codespar_pay");
    }
}
