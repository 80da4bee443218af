package dev.codespar.springai;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.springframework.ai.chat.client.ChatClient;
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
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * A Spring AI {@link ChatModel} that answers from a script, without a network: each call takes the next step, which
 * sees the conversation so far and returns the assistant's message (tool calls or text). It records every prompt,
 * with the tool definitions a provider model would send (resolved the way Spring AI's own models do).
 */
final class ScriptedChatModel implements ChatModel {

    /** One turn of the model: from the conversation so far to its reply. */
    @FunctionalInterface
    interface Step extends Function<List<Message>, AssistantMessage> {}

    private final Deque<Step> script;
    private final List<Prompt> prompts = new CopyOnWriteArrayList<>();

    ScriptedChatModel(Step... steps) {
        this.script = new ArrayDeque<>(Arrays.asList(steps));
    }

    @Override
    public ChatResponse call(Prompt prompt) {
        prompts.add(prompt);
        Step step = script.poll();
        if (step == null) {
            throw new AssertionError("the model was called " + prompts.size() + " times, more than scripted");
        }
        return new ChatResponse(List.of(new Generation(step.apply(prompt.getInstructions()))));
    }

    /** Spring AI 2.0 builds a request's options from these: tool-calling options, so tools can be attached. */
    public ChatOptions getOptions() {
        return ToolCallingChatOptions.builder().build();
    }

    /** The same for Spring AI 1.1, which reads the default options (2.0 deprecates the name). */
    @SuppressWarnings({"deprecation", "removal"})
    public ChatOptions getDefaultOptions() {
        return getOptions();
    }

    /** The prompts the model received, in order. */
    List<Prompt> prompts() {
        return List.copyOf(prompts);
    }

    /** What a provider model sends as tools with the n-th prompt: Spring AI's resolution of its tool callbacks. */
    List<ToolDefinition> toolDefinitions(int prompt) {
        return ToolCallingManager.builder().build()
                .resolveToolDefinitions((ToolCallingChatOptions) prompts.get(prompt).getOptions());
    }

    /** An assistant message calling tools: id, name, arguments, id, name, arguments... */
    static AssistantMessage toolCalls(String... idNameArguments) {
        List<AssistantMessage.ToolCall> calls = new java.util.ArrayList<>();
        for (int i = 0; i < idNameArguments.length; i += 3) {
            calls.add(new AssistantMessage.ToolCall(idNameArguments[i], "function", idNameArguments[i + 1],
                    idNameArguments[i + 2]));
        }
        return AssistantMessage.builder().content("").toolCalls(calls).build();
    }

    static AssistantMessage text(String text) {
        return new AssistantMessage(text);
    }

    /** The tool answers the model got back: the last message of the conversation, which must be Spring AI's. */
    static List<ToolResponseMessage.ToolResponse> toolResponses(List<Message> conversation) {
        Message last = conversation.get(conversation.size() - 1);
        if (!(last instanceof ToolResponseMessage responses)) {
            throw new AssertionError("the last message is not the tools' answer: " + last);
        }
        return responses.getResponses();
    }

    /**
     * A chat request offering the tools, as an application on the Spring AI line on the class path writes it. 2.0
     * takes any tools through {@code tools(...)} (its {@code toolCallbacks(...)} is deprecated) and its ChatClient
     * registers the tool-calling advisor itself; 1.1 takes callbacks through {@code toolCallbacks(...)} and leaves
     * the loop to the provider's model or to a {@code ToolCallAdvisor}.
     */
    @SuppressWarnings("removal")
    static ChatClient.ChatClientRequestSpec prompt(ChatModel model, ToolCallbackProvider tools) {
        ChatClient.ChatClientRequestSpec spec = ChatClient.create(model).prompt();
        if (SpringAiLine.registersToolLoop()) {
            return spec.tools(tools);
        }
        return spec.toolCallbacks(tools)
                .advisors(org.springframework.ai.chat.client.advisor.ToolCallAdvisor.builder().build());
    }

    /** The same with {@code toolCallbacks(...)} on both lines: 2.0 still takes it, deprecated. */
    @SuppressWarnings("removal")
    static ChatClient.ChatClientRequestSpec promptWithToolCallbacks(ChatModel model, ToolCallbackProvider tools) {
        ChatClient.ChatClientRequestSpec spec = ChatClient.create(model).prompt().toolCallbacks(tools);
        if (SpringAiLine.registersToolLoop()) {
            return spec;
        }
        return spec.advisors(org.springframework.ai.chat.client.advisor.ToolCallAdvisor.builder().build());
    }

    /**
     * {@link #prompt} with the tool loop run by the given manager: the tool advisor both lines have
     * ({@code ToolCallAdvisor}; 2.0 deprecates it for {@code ToolCallingAdvisor}, its superclass, and registers no
     * loop of its own when one is given).
     */
    @SuppressWarnings({"deprecation", "removal"})
    static ChatClient.ChatClientRequestSpec prompt(ChatModel model, ToolCallbackProvider tools,
            ToolCallingManager manager) {
        ChatClient.ChatClientRequestSpec spec = ChatClient.create(model).prompt();
        spec = SpringAiLine.registersToolLoop() ? spec.tools(tools) : spec.toolCallbacks(tools);
        return spec.advisors(org.springframework.ai.chat.client.advisor.ToolCallAdvisor.builder()
                .toolCallingManager(manager).build());
    }

    /** Which Spring AI line the tests run on. */
    static final class SpringAiLine {
        private SpringAiLine() {}

        static boolean registersToolLoop() {
            try {
                Class.forName("org.springframework.ai.chat.client.advisor.ToolCallingAdvisor");
                return true;
            } catch (ClassNotFoundException e) {
                return false;
            }
        }
    }
}
