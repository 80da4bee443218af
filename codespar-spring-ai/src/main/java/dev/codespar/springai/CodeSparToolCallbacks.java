package dev.codespar.springai;

import dev.codespar.Session;
import dev.codespar.agent.AgentTool;
import dev.codespar.agent.ToolDispatcher;
import dev.codespar.policy.ToolPolicy;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.ToolCallbackProvider;

/**
 * A CodeSpar session's tools for Spring AI: a {@link ToolCallbackProvider} whose {@link ToolCallback}s run each call
 * through the session.
 *
 * <pre>{@code
 * import dev.codespar.springai.CodeSparToolCallbacks;
 * import org.springframework.ai.chat.client.ChatClient;
 *
 * String answer = ChatClient.create(chatModel).prompt()
 *         .user("Charge R$10 via Pix to ana@example.com")
 *         .tools(CodeSparToolCallbacks.from(session))          // Spring AI 2.0
 *         .call()
 *         .content();
 * }</pre>
 *
 * <p>On Spring AI 1.1 pass it to {@code toolCallbacks(...)}, which 2.0 still takes (deprecated); its
 * {@code tools(...)} there is for {@code @Tool}-annotated objects only.
 *
 * <p>Each callback's {@code ToolDefinition} is the tool's name made safe for every model ({@link AgentTool#name()}:
 * {@code asaas/create_payment} becomes {@code asaas__create_payment}), its description and its published JSON Schema.
 * Calls go through a {@link ToolDispatcher}: the session's policy and the builder's are consulted with the model's
 * arguments before any request (a denied call makes no request), and every outcome is a JSON answer the model can
 * act on ({@code needs_connection} with the link to send the user, {@code rate_limited} with the wait, a failed
 * result with its code, approval and rule ids). What is not a tool outcome is thrown out of the chat call: a
 * {@code ConfigError}, or a call ended by the client's {@code close()}.
 *
 * <p>Spring AI does not tell a {@code ToolCallback} the model's tool-call id, in the 1.1 line or in 2.0, so by
 * default calls are not deduplicated by id: every call Spring AI makes runs. Run the tool loop with a
 * {@link CodeSparToolCallingManager} and the same id executes once per provider, a repeat answered with the first
 * call's answer.
 *
 * <p>Thread-safe. The tools are read from the session on first use and kept
 * ({@link ToolDispatcher#refreshTools()} reads them again).
 */
public final class CodeSparToolCallbacks implements ToolCallbackProvider {

    private final ToolDispatcher dispatcher;

    private CodeSparToolCallbacks(ToolDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /**
     * The tools of a session, all of them, under the session's own policy.
     *
     * @param session the session
     * @return the provider, for {@code ChatClient...toolCallbacks(...)}
     */
    public static CodeSparToolCallbacks from(Session session) {
        return builder(session).build();
    }

    /**
     * The tools of a dispatcher, for sharing one dispatcher (its filter, its policy, its tool list) with other
     * adapters.
     *
     * @param dispatcher the dispatcher
     * @return the provider
     */
    public static CodeSparToolCallbacks from(ToolDispatcher dispatcher) {
        if (dispatcher == null) {
            throw new IllegalArgumentException("dispatcher: must not be null");
        }
        return new CodeSparToolCallbacks(dispatcher);
    }

    /**
     * A builder, for a tool filter and a policy.
     *
     * <pre>{@code
     * CodeSparToolCallbacks tools = CodeSparToolCallbacks.builder(session)
     *         .filter(tool -> tool.toolName().startsWith("codespar_"))
     *         .policy(ToolPolicy.maxAmountPerCall("BRL", 50_000))
     *         .build();
     * }</pre>
     *
     * @param session the session
     * @return the builder
     */
    public static Builder builder(Session session) {
        return new Builder(session);
    }

    /**
     * The session's tools as callbacks, in the session's order.
     *
     * @return one callback per tool the filter accepts
     * @throws dev.codespar.errors.ApiError when the session's tools cannot be read
     */
    @Override
    public ToolCallback[] getToolCallbacks() {
        List<AgentTool> tools = dispatcher.tools();
        ToolCallback[] callbacks = new ToolCallback[tools.size()];
        for (int i = 0; i < callbacks.length; i++) {
            callbacks[i] = new CodeSparToolCallback(dispatcher, tools.get(i));
        }
        return callbacks;
    }

    /**
     * The dispatcher the calls go through (its tools, its session).
     *
     * @return the dispatcher
     */
    public ToolDispatcher dispatcher() {
        return dispatcher;
    }

    /** Configures a {@link CodeSparToolCallbacks}. */
    public static final class Builder {
        private final ToolDispatcher.Builder dispatcher;

        private Builder(Session session) {
            this.dispatcher = ToolDispatcher.builder(session);
        }

        /**
         * Offers only the tools the filter accepts; the model cannot call the others.
         *
         * @param filter the filter, or {@code null} for all tools
         * @return this builder
         */
        public Builder filter(Predicate<? super AgentTool> filter) {
            dispatcher.filter(filter);
            return this;
        }

        /**
         * A policy consulted before every call, after the session's own (both must allow).
         *
         * @param policy the policy, or {@code null} for the session's alone
         * @return this builder
         */
        public Builder policy(ToolPolicy policy) {
            dispatcher.policy(policy);
            return this;
        }

        /**
         * Builds the provider.
         *
         * @return the provider
         */
        public CodeSparToolCallbacks build() {
            return new CodeSparToolCallbacks(dispatcher.build());
        }
    }
}
