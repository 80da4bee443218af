package dev.codespar.anthropic;

import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageParam;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUnion;
import com.anthropic.models.messages.ToolUseBlock;
import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.Session;
import dev.codespar.agent.AgentTool;
import dev.codespar.agent.ToolCallAnswer;
import dev.codespar.agent.ToolDispatcher;
import dev.codespar.policy.ToolPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * A CodeSpar session's tools for the official Anthropic Java SDK ({@code com.anthropic:anthropic-java}): the tool
 * definitions to send with a request, and the {@code tool_result} blocks that answer the model's {@code tool_use}
 * blocks.
 *
 * <pre>{@code
 * import com.anthropic.client.AnthropicClient;
 * import com.anthropic.models.messages.*;
 * import dev.codespar.anthropic.CodeSparAnthropic;
 *
 * CodeSparAnthropic codespar = CodeSparAnthropic.from(session);
 * MessageCreateParams.Builder params = MessageCreateParams.builder()
 *         .model(Model.CLAUDE_SONNET_4_6)
 *         .maxTokens(1024)
 *         .tools(codespar.tools())
 *         .addUserMessage("Charge R$10 via Pix to ana@example.com");
 * while (true) {
 *     Message reply = anthropic.messages().create(params.build());
 *     params.addMessage(reply);
 *     Optional<MessageParam> results = codespar.toolResults(reply);
 *     if (results.isEmpty()) {
 *         reply.content().stream().flatMap(block -> block.text().stream())
 *                 .forEach(text -> System.out.println(text.text()));
 *         break;
 *     }
 *     params.addMessage(results.get());
 * }
 * }</pre>
 *
 * <p>Every call goes through a {@link ToolDispatcher}: the same {@code tool_use} id runs once (a repeat gets the
 * first answer), the session's policy and the builder's are consulted before any request, and every outcome is a
 * {@code tool_result} the model can act on, with {@code is_error} set when the call did not do its work
 * ({@code needs_connection} with the link to send the user, {@code rate_limited} with the wait, a failed result with
 * its code). Only what is not a tool outcome is thrown: a {@code ConfigError}, or a call ended by the client's
 * {@code close()}.
 *
 * <p>Thread-safe; keep one per session for the duplicate rule to hold.
 */
public final class CodeSparAnthropic {

    private final ToolDispatcher dispatcher;

    private CodeSparAnthropic(ToolDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /**
     * The bridge for a session, offering all its tools under the session's own policy.
     *
     * @param session the session
     * @return the bridge
     */
    public static CodeSparAnthropic from(Session session) {
        return builder(session).build();
    }

    /**
     * The bridge over a dispatcher, for sharing one dispatcher (and so one duplicate rule) with other adapters.
     *
     * @param dispatcher the dispatcher
     * @return the bridge
     */
    public static CodeSparAnthropic from(ToolDispatcher dispatcher) {
        if (dispatcher == null) {
            throw new IllegalArgumentException("dispatcher: must not be null");
        }
        return new CodeSparAnthropic(dispatcher);
    }

    /**
     * A builder, for a tool filter and a policy.
     *
     * <pre>{@code
     * CodeSparAnthropic codespar = CodeSparAnthropic.builder(session)
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
     * The tools as Messages API tool definitions, for {@code MessageCreateParams.Builder.tools(...)}: each a custom
     * tool whose name is {@link AgentTool#name()} and whose {@code input_schema} is the tool's JSON Schema as
     * published. Read from the session on first use and kept ({@link ToolDispatcher#refreshTools()} reads again).
     *
     * @return the tool definitions, in the session's order
     * @throws dev.codespar.errors.ApiError when the session's tools cannot be read
     */
    public List<ToolUnion> tools() {
        return dispatcher.tools().stream().map(AnthropicTools::tool).toList();
    }

    /**
     * Whether a tool name is one of the tools offered, for an application that gives the model tools of its own
     * too and answers those itself.
     *
     * @param toolName the name in the {@code tool_use} block
     * @return whether {@link #toolResult(ToolUseBlock)} runs it
     */
    public boolean offers(String toolName) {
        return dispatcher.tools().stream().anyMatch(tool -> tool.name().equals(toolName));
    }

    /**
     * Runs the {@code tool_use} blocks of the model's message, one after another in the model's order, and puts
     * their answers in the user message to send next. A call to a tool not offered is answered
     * {@code unknown_tool} with {@code is_error} (every {@code tool_use} must have a result for the conversation to
     * go on); answer your own tools with {@link #offers} and {@link #toolResult(ToolUseBlock)} instead.
     *
     * @param message the model's message ({@code null} for none)
     * @return the user message of {@code tool_result} blocks; empty when the model used no tool
     * @throws dev.codespar.errors.ConfigError or a {@code client_closed} failure: not a tool outcome
     */
    public Optional<MessageParam> toolResults(Message message) {
        return userMessage(toolResultBlocks(message));
    }

    /**
     * {@link #toolResults(Message)} as the blocks alone, for an application that adds blocks of its own to the
     * same user message.
     *
     * @param message the model's message
     * @return a {@code tool_result} block per {@code tool_use} block, in order; empty when there was none
     */
    public List<ToolResultBlockParam> toolResultBlocks(Message message) {
        List<ToolResultBlockParam> results = new ArrayList<>();
        for (ToolUseBlock use : toolUses(message)) {
            results.add(toolResult(use));
        }
        return List.copyOf(results);
    }

    /**
     * Runs one {@code tool_use} block.
     *
     * @param use the block
     * @return its {@code tool_result} block ({@code tool_use_id} = the block's id)
     */
    public ToolResultBlockParam toolResult(ToolUseBlock use) {
        return resultBlock(dispatcher.dispatch(use.id(), use.name(), input(use)));
    }

    /**
     * {@link #toolResults(Message)} without blocking; the calls still run one after another.
     *
     * @param message the model's message
     * @return a future of the user message; it fails only with what {@link #toolResults(Message)} throws
     */
    public CompletableFuture<Optional<MessageParam>> toolResultsAsync(Message message) {
        CompletableFuture<List<ToolResultBlockParam>> chain = CompletableFuture.completedFuture(new ArrayList<>());
        for (ToolUseBlock use : toolUses(message)) {
            chain = chain.thenCompose(done -> dispatcher.dispatchAsync(use.id(), use.name(), input(use))
                    .thenApply(answer -> {
                        done.add(resultBlock(answer));
                        return done;
                    }));
        }
        return chain.thenApply(CodeSparAnthropic::userMessage);
    }

    /**
     * The dispatcher the calls go through (its tools, its session).
     *
     * @return the dispatcher
     */
    public ToolDispatcher dispatcher() {
        return dispatcher;
    }

    private static List<ToolUseBlock> toolUses(Message message) {
        if (message == null) {
            return List.of();
        }
        return message.content().stream().filter(ContentBlock::isToolUse).map(ContentBlock::asToolUse).toList();
    }

    /** The model's input as a Jackson tree; a missing input is {@code null}, which the dispatcher refuses. */
    private static JsonNode input(ToolUseBlock use) {
        JsonValue input = use._input();
        return input.isMissing() ? null : input.convert(JsonNode.class);
    }

    private static ToolResultBlockParam resultBlock(ToolCallAnswer answer) {
        return ToolResultBlockParam.builder().toolUseId(answer.callId()).content(answer.content())
                .isError(answer.error()).build();
    }

    private static Optional<MessageParam> userMessage(List<ToolResultBlockParam> blocks) {
        if (blocks.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(MessageParam.ofUserOfContentBlockParams(
                blocks.stream().map(ContentBlockParam::ofToolResult).toList()));
    }

    /** Configures a {@link CodeSparAnthropic}. */
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
         * Builds the bridge.
         *
         * @return the bridge
         */
        public CodeSparAnthropic build() {
            return new CodeSparAnthropic(dispatcher.build());
        }
    }
}
