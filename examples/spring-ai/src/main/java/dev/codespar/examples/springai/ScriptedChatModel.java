package dev.codespar.examples.springai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * A Spring AI {@link ChatModel} that plays a model from a script, without a network: asked to pay, it calls
 * {@code codespar_pay} once; given the tool's answer, it tells the user what happened. It records what a provider
 * model would have sent and read.
 */
final class ScriptedChatModel implements ChatModel {

    static final String CALL_ID = "call_pay_1";
    static final String PAY_ARGUMENTS = "{\"action\":\"pay\",\"amount\":1000,\"currency\":\"BRL\",\"method\":\"pix\","
            + "\"description\":\"Order 42\",\"recipient\":\"ana@example.com\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Prompt> prompts = new CopyOnWriteArrayList<>();

    @Override
    public ChatResponse call(Prompt prompt) {
        prompts.add(prompt);
        List<Message> conversation = prompt.getInstructions();
        Message last = conversation.get(conversation.size() - 1);
        AssistantMessage reply;
        if (last instanceof ToolResponseMessage tools) {
            reply = new AssistantMessage(tell(read(tools.getResponses().get(0).responseData())));
        } else if (prompts.size() == 1) {
            reply = AssistantMessage.builder().content("")
                    .toolCalls(List.of(new AssistantMessage.ToolCall(CALL_ID, "function", "codespar_pay",
                            PAY_ARGUMENTS)))
                    .build();
        } else {
            reply = new AssistantMessage("I have nothing more to do.");
        }
        return new ChatResponse(List.of(new Generation(reply)));
    }

    /** Tool-calling options, so that ChatClient attaches the tools to the request. */
    @Override
    public ChatOptions getOptions() {
        return ToolCallingChatOptions.builder().build();
    }

    /** The prompts received, in order. */
    List<Prompt> prompts() {
        return List.copyOf(prompts);
    }

    /** The tools sent with the first prompt, as a provider model resolves them. */
    List<ToolDefinition> toolsOffered() {
        return ToolCallingManager.builder().build()
                .resolveToolDefinitions((ToolCallingChatOptions) prompts.get(0).getOptions());
    }

    /** The tool answer the model read, or {@code null} when none reached it. */
    ToolResponseMessage.ToolResponse toolAnswerRead() {
        for (Prompt prompt : prompts) {
            for (Message message : prompt.getInstructions()) {
                if (message instanceof ToolResponseMessage tools && !tools.getResponses().isEmpty()) {
                    return tools.getResponses().get(0);
                }
            }
        }
        return null;
    }

    private static String tell(JsonNode answer) {
        if (answer.path("success").asBoolean()) {
            return "Done: R$ 10,00 sent via Pix to ana@example.com for order 42 (payment "
                    + answer.at("/data/id").asText() + ", " + answer.at("/data/status").asText() + ").";
        }
        return "The payment did not go through: " + answer.path("message").asText();
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the tool answer is not JSON: " + json, e);
        }
    }
}
