package dev.codespar.examples.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.MessageParam;
import com.anthropic.models.messages.Model;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUnion;
import com.anthropic.models.messages.ToolUseBlock;
import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.anthropic.CodeSparAnthropic;
import dev.codespar.errors.CodeSparException;
import dev.codespar.testkit.FakeCodeSpar;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An anthropic-java tool loop that pays through CodeSpar: the official client sends the session's tools with the
 * user's request, Claude answers with a {@code tool_use} block for {@code codespar_pay}, {@link CodeSparAnthropic}
 * runs it on the embedded {@link FakeCodeSpar}, the {@code tool_result} goes back, and Claude answers. The model is
 * {@link ScriptedClaude}, a scripted stand-in for the Anthropic API on loopback, so the loop runs without a key or
 * the network.
 *
 * <pre>
 * mvn -B -q -DskipTests -Pexample -pl examples/anthropic -am package
 * </pre>
 */
public final class AnthropicToolLoopExample {

    private static final String USER = "Pay R$ 10,00 via Pix to ana@example.com for order 42.";
    private static final int MAX_TURNS = 5;

    private AnthropicToolLoopExample() {}

    /**
     * Runs the loop and exits non-zero when it did not end as scripted.
     *
     * @param args ignored
     * @throws IOException when the scripted model cannot listen on loopback
     */
    public static void main(String[] args) throws IOException {
        int status;
        try (FakeCodeSpar fake = FakeCodeSpar.start(); ScriptedClaude model = ScriptedClaude.start()) {
            status = run(fake, model, System.out);
        } catch (CodeSparException | com.anthropic.errors.AnthropicException e) {
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
    static int run(FakeCodeSpar fake, ScriptedClaude model, PrintStream out) {
        out.println("anthropic-java tool loop: CodeSpar fake at " + fake.baseUrl() + ", scripted model at "
                + model.baseUrl());
        try (CodeSparClient codesparClient = fake.client();
                Session session = codesparClient.create("user_42", SessionConfig.builder().servers("asaas").build())) {
            AnthropicClient anthropic = AnthropicOkHttpClient.builder().apiKey("sk-ant-scripted-model")
                    .baseUrl(model.baseUrl()).maxRetries(0).build();
            try {
                return loop(fake, model, CodeSparAnthropic.from(session), anthropic, out);
            } finally {
                anthropic.close();
            }
        }
    }

    private static int loop(FakeCodeSpar fake, ScriptedClaude model, CodeSparAnthropic codespar,
            AnthropicClient anthropic, PrintStream out) {
        List<ToolUnion> tools = codespar.tools();
        out.printf("tools      %d CodeSpar tools offered, e.g. %s%n", tools.size(),
                tools.stream().limit(3).map(tool -> tool.asTool().name()).toList());
        out.println("user       " + USER);
        MessageCreateParams.Builder params = MessageCreateParams.builder()
                .model(Model.CLAUDE_SONNET_4_6)
                .maxTokens(1024)
                .tools(tools)
                .addUserMessage(USER);
        String answer = null;
        for (int turn = 1; turn <= MAX_TURNS && answer == null; turn++) {
            Message reply = anthropic.messages().create(params.build());
            params.addMessage(reply);
            String text = reply.content().stream().filter(ContentBlock::isText)
                    .map(block -> block.asText().text()).collect(Collectors.joining(" "));
            Optional<MessageParam> results = codespar.toolResults(reply);
            if (results.isEmpty()) {
                answer = text;
                out.println("assistant  " + answer);
                break;
            }
            out.println("assistant  " + text);
            for (ContentBlock block : reply.content()) {
                block.toolUse().ifPresent((ToolUseBlock use) -> out.printf("tool_use   %s %s %s%n", use.id(),
                        use.name(), use._input().convert(JsonNode.class)));
            }
            for (ContentBlockParam block : results.get().content().asContentBlockParams()) {
                ToolResultBlockParam result = block.asToolResult();
                out.printf("tool_result %s is_error=%s %s%n", result.toolUseId(), result.isError().orElse(false),
                        result.content().map(ToolResultBlockParam.Content::asString).orElse(""));
            }
            params.addMessage(results.get());
        }

        int payments = fake.journal().executions("codespar_pay").size();
        JsonNode received = model.toolResultReceived();
        out.printf("checks     codespar_pay executions on the fake: %d; tool_result for %s reached the model: %s;"
                + " model requests: %d%n", payments, ScriptedClaude.TOOL_USE_ID, received != null,
                model.requests().size());
        if (payments != 1 || received == null || answer == null || !answer.startsWith("Done:")) {
            out.println("FAILED: the loop did not end as scripted");
            return 1;
        }
        out.println("OK");
        return 0;
    }
}
