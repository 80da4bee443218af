package dev.codespar.springai;

import java.util.List;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.model.tool.ToolExecutionResult;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * A Spring AI {@link ToolCallingManager} that lets {@link CodeSparToolCallbacks} see the model's tool-call ids, so
 * the same id executes once per provider and a repeat gets the first call's answer, as in the other adapters.
 *
 * <p>Spring AI hands a {@code ToolCallback} the arguments only. This manager wraps another (Spring AI's default
 * unless given one) and, while that one executes a model reply's calls, tells the CodeSpar callbacks the reply's ids:
 * each CodeSpar call takes the id of the first not yet run call of its tool (with the same arguments when there is
 * one). Other tools run exactly as the wrapped manager runs them. The wrapped manager must run the callbacks on the
 * calling thread, as Spring AI's {@code DefaultToolCallingManager} does; a callback run elsewhere gets no id and
 * runs every time, as without this manager.
 *
 * <pre>{@code
 * import dev.codespar.springai.CodeSparToolCallingManager;
 * import org.springframework.ai.chat.client.advisor.ToolCallingAdvisor;
 *
 * String answer = ChatClient.create(chatModel).prompt()
 *         .user("Charge R$10 via Pix to ana@example.com")
 *         .tools(CodeSparToolCallbacks.from(session))
 *         .advisors(ToolCallingAdvisor.builder()                           // Spring AI 2.0
 *                 .toolCallingManager(CodeSparToolCallingManager.create())
 *                 .build())
 *         .call()
 *         .content();
 * }</pre>
 *
 * <p>On Spring AI 1.1 give it to {@code ToolCallAdvisor.builder().toolCallingManager(...)}, or to the provider
 * model's builder ({@code OpenAiChatModel.builder().toolCallingManager(...)}) when the model runs the tools.
 *
 * <p>Thread-safe: the ids are kept per executing thread.
 */
public final class CodeSparToolCallingManager implements ToolCallingManager {

    private final ToolCallingManager delegate;

    private CodeSparToolCallingManager(ToolCallingManager delegate) {
        this.delegate = delegate;
    }

    /**
     * Spring AI's default manager, with the ids told to the CodeSpar callbacks.
     *
     * @return the manager
     */
    public static CodeSparToolCallingManager create() {
        return wrap(ToolCallingManager.builder().build());
    }

    /**
     * A manager of the application's own (its observation registry, its exception processor), with the ids told
     * to the CodeSpar callbacks.
     *
     * @param delegate the manager that resolves and executes the tool calls
     * @return the manager
     */
    public static CodeSparToolCallingManager wrap(ToolCallingManager delegate) {
        if (delegate == null) {
            throw new IllegalArgumentException("delegate: must not be null");
        }
        return new CodeSparToolCallingManager(delegate);
    }

    /**
     * The wrapped manager's tool definitions.
     *
     * @param chatOptions the request's options
     * @return the definitions
     */
    @Override
    public List<ToolDefinition> resolveToolDefinitions(ToolCallingChatOptions chatOptions) {
        return delegate.resolveToolDefinitions(chatOptions);
    }

    /**
     * Executes the reply's tool calls through the wrapped manager, the CodeSpar ones by their ids.
     *
     * @param prompt the prompt the model answered
     * @param chatResponse the model's reply with its tool calls
     * @return the wrapped manager's result
     */
    @Override
    public ToolExecutionResult executeToolCalls(Prompt prompt, ChatResponse chatResponse) {
        return ToolCallIds.during(toolCalls(chatResponse), () -> delegate.executeToolCalls(prompt, chatResponse));
    }

    /** The calls Spring AI's default manager executes: those of the first generation that has any. */
    private static List<AssistantMessage.ToolCall> toolCalls(ChatResponse chatResponse) {
        if (chatResponse == null) {
            return List.of();
        }
        for (Generation generation : chatResponse.getResults()) {
            AssistantMessage output = generation.getOutput();
            if (output != null && output.hasToolCalls()) {
                return output.getToolCalls();
            }
        }
        return List.of();
    }

    @Override
    public String toString() {
        return "CodeSparToolCallingManager[" + delegate + "]";
    }
}
