package dev.codespar.examples.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionTool;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.errors.CodeSparException;
import dev.codespar.openai.CodeSparOpenAi;
import dev.codespar.testkit.FakeCodeSpar;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * An openai-java tool loop that pays through CodeSpar: the official client sends the session's tools with the
 * user's request, the model asks for {@code codespar_pay}, {@link CodeSparOpenAi} runs it on the embedded
 * {@link FakeCodeSpar}, the tool message goes back, and the model answers. The model is {@link ScriptedChatModel},
 * a scripted stand-in for the OpenAI API on loopback, so the loop runs without a key or the network.
 *
 * <pre>
 * mvn -B -q -DskipTests -Pexample -pl examples/openai -am package
 * </pre>
 */
public final class OpenAiToolLoopExample {

    private static final String USER = "Pay R$ 10,00 via Pix to ana@example.com for order 42.";
    private static final int MAX_TURNS = 5;

    private OpenAiToolLoopExample() {}

    /**
     * Runs the loop and exits non-zero when it did not end as scripted.
     *
     * @param args ignored
     * @throws IOException when the scripted model cannot listen on loopback
     */
    public static void main(String[] args) throws IOException {
        int status;
        try (FakeCodeSpar fake = FakeCodeSpar.start(); ScriptedChatModel model = ScriptedChatModel.start()) {
            status = run(fake, model, System.out);
        } catch (CodeSparException | com.openai.errors.OpenAIException e) {
            System.out.println("FAILED: " + e.getMessage());
            status = 1;
        }
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * The loop itself, printing its transcript.
     *
     * @param fake the CodeSpar fake the payment runs on
     * @param model the scripted model
     * @param out where the transcript goes
     * @return 0 when exactly one payment ran and the model answered after reading its result, else 1
     */
    static int run(FakeCodeSpar fake, ScriptedChatModel model, PrintStream out) {
        out.println("openai-java tool loop: CodeSpar fake at " + fake.baseUrl() + ", scripted model at "
                + model.baseUrl());
        try (CodeSparClient codesparClient = fake.client();
                Session session = codesparClient.create("user_42", SessionConfig.builder().servers("asaas").build())) {
            OpenAIClient openai = OpenAIOkHttpClient.builder().apiKey("sk-scripted-model").baseUrl(model.baseUrl())
                    .maxRetries(0).build();
            try {
                return loop(fake, model, CodeSparOpenAi.from(session), openai, out);
            } finally {
                openai.close();
            }
        }
    }

    private static int loop(FakeCodeSpar fake, ScriptedChatModel model, CodeSparOpenAi codespar,
            OpenAIClient openai, PrintStream out) {
        List<ChatCompletionTool> tools = codespar.tools();
        out.printf("tools      %d CodeSpar tools offered, e.g. %s%n", tools.size(),
                tools.stream().limit(3).map(tool -> tool.asFunction().function().name()).toList());
        out.println("user       " + USER);
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4_1)
                .tools(tools)
                .addUserMessage(USER);
        String answer = null;
        for (int turn = 1; turn <= MAX_TURNS && answer == null; turn++) {
            ChatCompletion completion = openai.chat().completions().create(params.build());
            ChatCompletionMessage reply = completion.choices().get(0).message();
            params.addMessage(reply);
            List<ChatCompletionToolMessageParam> results = codespar.toolResults(reply);
            if (results.isEmpty()) {
                answer = reply.content().orElse("");
                out.println("assistant  " + answer);
                break;
            }
            for (ChatCompletionMessageToolCall call : reply.toolCalls().orElse(List.of())) {
                out.printf("tool call  %s %s %s%n", call.asFunction().id(), call.asFunction().function().name(),
                        call.asFunction().function().arguments());
            }
            for (ChatCompletionToolMessageParam result : results) {
                out.printf("tool msg   %s %s%n", result.toolCallId(), result.content().asText());
                params.addMessage(result);
            }
        }

        int payments = fake.journal().executions("codespar_pay").size();
        JsonNode received = model.toolMessageReceived();
        out.printf("checks     codespar_pay executions on the fake: %d; tool message for %s reached the model: %s;"
                + " model requests: %d%n", payments, ScriptedChatModel.CALL_ID, received != null,
                model.requests().size());
        if (payments != 1 || received == null || answer == null || !answer.startsWith("Done:")) {
            out.println("FAILED: the loop did not end as scripted");
            return 1;
        }
        out.println("OK");
        return 0;
    }
}
