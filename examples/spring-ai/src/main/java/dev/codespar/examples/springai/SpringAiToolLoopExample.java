package dev.codespar.examples.springai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.errors.ApiError;
import dev.codespar.errors.CodeSparException;
import dev.codespar.springai.CodeSparToolCallbacks;
import dev.codespar.testkit.FakeCodeSpar;
import java.io.PrintStream;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * A Spring AI {@code ChatClient} tool loop that pays through CodeSpar: the session's tools go with the user's request
 * as {@link CodeSparToolCallbacks}, the model asks for {@code codespar_pay}, Spring AI runs it through the session,
 * the tool's answer goes back, and the model answers. The model is {@link ScriptedChatModel}, so no model key is
 * needed. Without {@code CODESPAR_API_KEY} the session lives on the embedded {@link FakeCodeSpar}; with it, on the
 * real API.
 *
 * <pre>
 * mvn -B -q -DskipTests -Pexample -pl examples/spring-ai -am package
 * </pre>
 */
public final class SpringAiToolLoopExample {

    static final String USER = "Pay R$ 10,00 via Pix to ana@example.com for order 42.";

    private SpringAiToolLoopExample() {}

    /**
     * Runs the loop and exits non-zero when it did not end with one payment made.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        String key = System.getenv("CODESPAR_API_KEY");
        int status;
        try {
            if (key == null || key.isBlank()) {
                try (FakeCodeSpar fake = FakeCodeSpar.start(); CodeSparClient client = fake.client()) {
                    status = run(client, fake, new ScriptedChatModel(), System.out);
                }
            } else {
                // the real API: the client reads CODESPAR_API_KEY (and CODESPAR_BASE_URL) itself
                try (CodeSparClient client = CodeSparClient.builder().build()) {
                    status = run(client, null, new ScriptedChatModel(), System.out);
                }
            }
        } catch (CodeSparException e) {
            String requestId = e instanceof ApiError api ? api.getRequestId() : null;
            System.out.println("FAILED: " + e.getMessage() + (requestId == null ? "" : " (request id " + requestId
                    + ")"));
            status = 1;
        }
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * The loop itself, printing its transcript.
     *
     * @param client the CodeSpar client
     * @param fake the fake the client talks to, or {@code null} for the real API
     * @param model the scripted model
     * @param out where the transcript goes
     * @return 0 when the payment went through once and the model answered from its result, else 1
     */
    static int run(CodeSparClient client, FakeCodeSpar fake, ScriptedChatModel model, PrintStream out) {
        out.println("Spring AI ChatClient tool loop: CodeSpar "
                + (fake == null ? "API (CODESPAR_API_KEY)" : "fake at " + fake.baseUrl()) + ", scripted model");
        try (Session session = client.create("user_42", SessionConfig.builder().servers("asaas").build())) {
            String answer = ChatClient.create(model).prompt()
                    .user(USER)
                    .tools(CodeSparToolCallbacks.from(session))
                    .call()
                    .content();

            out.printf("tools      %d CodeSpar tools offered, e.g. %s%n", model.toolsOffered().size(),
                    model.toolsOffered().stream().limit(3).map(ToolDefinition::name).toList());
            out.println("user       " + USER);
            out.println("tool call  " + ScriptedChatModel.CALL_ID + " codespar_pay " + ScriptedChatModel.PAY_ARGUMENTS);
            ToolResponseMessage.ToolResponse read = model.toolAnswerRead();
            out.println("tool       " + (read == null ? "(no answer reached the model)"
                    : read.id() + " " + read.responseData()));
            out.println("assistant  " + answer);

            JsonNode result = read == null ? null : ScriptedChatModel.read(read.responseData());
            int payments = fake == null ? -1 : fake.journal().executions("codespar_pay").size();
            out.printf("checks     codespar_pay executions%s; model requests: %d%n",
                    fake == null ? " (real API: see the request id)" : " on the fake: " + payments,
                    model.prompts().size());
            boolean paid = result != null && result.path("success").asBoolean() && (fake == null || payments == 1);
            if (!paid) {
                String requestId = result == null ? "" : result.path("request_id").asText("");
                out.println("FAILED: the payment did not go through"
                        + (result == null ? "" : ": " + result.path("error").asText() + ", "
                                + result.path("message").asText())
                        + (requestId.isEmpty() ? "" : " (request id " + requestId + ")"));
                return 1;
            }
            out.println("OK");
            return 0;
        }
    }
}
