package dev.codespar.examples.langchain4j;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A LangChain4j {@link ChatModel} that plays a model from a script, in this JVM: asked to pay, it calls
 * {@code codespar_pay} when the request offers it; once the request carries that call's result, it answers in text
 * from the result. AI Services drive it as they drive any model; nothing leaves the machine.
 */
final class ScriptedPaymentModel implements ChatModel {

    static final String CALL_ID = "call_pay_1";
    static final String PAY_ARGUMENTS = "{\"action\":\"pay\",\"amount\":1000,\"currency\":\"BRL\",\"method\":\"pix\","
            + "\"description\":\"Order 42\",\"recipient\":\"ana@example.com\"}";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        ToolExecutionResultMessage result = toolResult(request);
        AiMessage reply;
        if (result != null) {
            reply = AiMessage.from(finalAnswer(result.text()));
        } else if (offersPayment(request)) {
            reply = AiMessage.from(ToolExecutionRequest.builder().id(CALL_ID).name("codespar_pay")
                    .arguments(PAY_ARGUMENTS).build());
        } else {
            reply = AiMessage.from("I have no payment tool, so I cannot pay.");
        }
        return ChatResponse.builder().aiMessage(reply).modelName("scripted-payment-model")
                .finishReason(reply.hasToolExecutionRequests() ? FinishReason.TOOL_EXECUTION : FinishReason.STOP)
                .build();
    }

    /** Every request AI Services sent, in order. */
    List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    /** The result of the scripted call, from the last request that carried one. */
    ToolExecutionResultMessage toolResultReceived() {
        for (int i = requests.size() - 1; i >= 0; i--) {
            ToolExecutionResultMessage result = toolResult(requests.get(i));
            if (result != null) {
                return result;
            }
        }
        return null;
    }

    private static boolean offersPayment(ChatRequest request) {
        return request.toolSpecifications().stream().map(ToolSpecification::name).anyMatch("codespar_pay"::equals);
    }

    private static ToolExecutionResultMessage toolResult(ChatRequest request) {
        for (ChatMessage message : request.messages()) {
            if (message instanceof ToolExecutionResultMessage result && CALL_ID.equals(result.id())) {
                return result;
            }
        }
        return null;
    }

    /** What the model says after reading the tool's result. */
    private static String finalAnswer(String toolResult) {
        JsonNode result;
        try {
            result = JSON.readTree(toolResult);
        } catch (IOException e) {
            return "I could not read the payment's result.";
        }
        if (result.path("success").asBoolean(false)) {
            return "Done: R$ 10,00 sent via Pix to ana@example.com for order 42 (payment "
                    + result.at("/data/id").asText() + ", " + result.at("/data/status").asText() + ").";
        }
        return "The payment did not go through: " + result.path("message").asText();
    }
}
