package dev.codespar.examples.langchain4j;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.errors.ApiError;
import dev.codespar.errors.CodeSparException;
import dev.codespar.langchain4j.CodeSparTools;
import dev.codespar.testkit.FakeCodeSpar;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.Result;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * A LangChain4j AI Service that pays through CodeSpar: {@link CodeSparTools} gives it the session's tools, the model
 * asks for {@code codespar_pay}, the call runs through the session, the model reads the result and answers. The
 * model is {@link ScriptedPaymentModel}, a scripted LangChain4j {@code ChatModel}, so the loop runs without a model
 * key. Without {@code CODESPAR_API_KEY} CodeSpar is an embedded {@link FakeCodeSpar}; with a {@code csk_test_} key
 * it is the real API in test mode (the session declares a mock for {@code codespar_pay}); a {@code csk_live_} key is
 * refused, since the example pays.
 *
 * <pre>
 * mvn -B -q -DskipTests -Pexample -pl examples/langchain4j -am package
 * </pre>
 */
public final class LangChain4jAiServiceExample {

    static final String USER = "Pay R$ 10,00 via Pix to ana@example.com for order 42.";

    /** What the real API in test mode answers for {@code codespar_pay} (a session mock; the fake needs none). */
    private static final Map<String, Object> MOCK_PAYMENT = Map.of("id", "pay_langchain4j", "status", "pending",
            "amount", 1000, "currency", "BRL", "method", "pix");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The AI Service: LangChain4j implements it, the tools and the loop included. */
    interface PaymentAssistant {
        Result<String> chat(String message);
    }

    private LangChain4jAiServiceExample() {}

    /**
     * Runs the example and exits non-zero when it did not end as scripted.
     *
     * @param args ignored
     * @throws IOException never; kept for the signature of the other examples
     */
    public static void main(String[] args) throws IOException {
        String key = System.getenv("CODESPAR_API_KEY");
        int status;
        if (key == null || key.isBlank()) {
            try (FakeCodeSpar fake = FakeCodeSpar.start(); CodeSparClient client = fake.client()) {
                status = run(client, fake, "an embedded FakeCodeSpar at " + fake.baseUrl()
                        + " (CODESPAR_API_KEY is not set)", System.out);
            }
        } else if (key.strip().startsWith("csk_live_")) {
            System.out.println("FAILED: this example pays: run it with a csk_test_ key (or none, for the embedded"
                    + " fake), never with a csk_live_ key");
            status = 2;
        } else {
            try (CodeSparClient client = CodeSparClient.fromEnv()) {
                status = run(client, null, "the real CodeSpar API at " + client.getBaseUrl(), System.out);
            } catch (CodeSparException e) {
                System.out.println("FAILED: " + e.getMessage());
                status = 1;
            }
        }
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * The example itself, printing its transcript.
     *
     * @param client the CodeSpar client
     * @param fake the fake behind the client, or {@code null} against the real API (then the session mocks the
     *     payment, as test mode requires)
     * @param where one line saying what CodeSpar is
     * @param out where the transcript goes
     * @return 0 when one payment ran and the model answered after reading its result, else 1
     */
    static int run(CodeSparClient client, FakeCodeSpar fake, String where, PrintStream out) {
        out.println("LangChain4j AI Service against " + where);
        SessionConfig.Builder config = SessionConfig.builder().servers("asaas");
        if (fake == null) {
            config.mocks(Map.of("codespar_pay", MOCK_PAYMENT));
        }
        try (Session session = client.create("user_42", config.build())) {
            CodeSparTools tools = CodeSparTools.from(session);
            ScriptedPaymentModel model = new ScriptedPaymentModel();
            PaymentAssistant assistant = AiServices.builder(PaymentAssistant.class)
                    .chatModel(model)
                    .toolProvider(tools)
                    .toolExecutionErrorHandler(CodeSparTools.errorHandler())
                    .build();

            List<ToolSpecification> offered = tools.toolSpecifications();
            out.printf("tools      %d CodeSpar tools offered, e.g. %s%n", offered.size(),
                    offered.stream().limit(3).map(ToolSpecification::name).toList());
            out.println("user       " + USER);
            Result<String> answer = assistant.chat(USER);
            answer.toolExecutions().forEach(execution -> {
                out.printf("tool call  %s %s %s%n", execution.request().id(), execution.request().name(),
                        execution.request().arguments());
                out.printf("result     %s%n", execution.result());
            });
            out.println("assistant  " + answer.content());
            return check(fake, model, answer, out);
        } catch (ApiError e) {
            out.println("FAILED: " + e.getMessage());
            out.println(e.getRequestId() != null
                    ? "        quote request_id=" + e.getRequestId() + " in a support ticket"
                    : "        no request id: no answer came from the API (check the network and CODESPAR_BASE_URL)");
            return 1;
        }
    }

    /** Whether the loop ended as scripted: a successful payment, read by the model before its answer. */
    private static int check(FakeCodeSpar fake, ScriptedPaymentModel model, Result<String> answer, PrintStream out) {
        ToolExecutionResultMessage received = model.toolResultReceived();
        String payments = fake == null ? "" : "codespar_pay executions on the fake: "
                + fake.journal().executions("codespar_pay").size() + "; ";
        out.printf("checks     %sresult of %s reached the model: %s; model requests: %d%n", payments,
                ScriptedPaymentModel.CALL_ID, received != null, model.requests().size());
        boolean paidOnce = fake == null || fake.journal().executions("codespar_pay").size() == 1;
        if (received == null || !paidOnce || !answer.content().startsWith("Done:")) {
            out.println("FAILED: the loop did not end as scripted");
            String requestId = received == null ? null : requestId(received.text());
            if (requestId != null) {
                out.println("        quote request_id=" + requestId + " in a support ticket");
            }
            return 1;
        }
        out.println("OK");
        return 0;
    }

    private static String requestId(String toolResult) {
        try {
            JsonNode json = JSON.readTree(toolResult);
            return json.hasNonNull("request_id") ? json.get("request_id").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
