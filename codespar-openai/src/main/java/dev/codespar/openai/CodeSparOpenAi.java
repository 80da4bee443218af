package dev.codespar.openai;

import com.fasterxml.jackson.databind.node.TextNode;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageCustomToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionTool;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseInputItem;
import com.openai.models.responses.ResponseOutputItem;
import com.openai.models.responses.Tool;
import dev.codespar.Session;
import dev.codespar.agent.AgentTool;
import dev.codespar.agent.ToolCallAnswer;
import dev.codespar.agent.ToolDispatcher;
import dev.codespar.policy.ToolPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A CodeSpar session's tools for the official OpenAI Java SDK ({@code com.openai:openai-java}): the tool
 * definitions to send with a request, and the tool messages that answer the model's tool calls.
 *
 * <p>A Chat Completions tool loop:
 *
 * <pre>{@code
 * import com.openai.client.OpenAIClient;
 * import com.openai.models.chat.completions.*;
 * import dev.codespar.openai.CodeSparOpenAi;
 *
 * CodeSparOpenAi codespar = CodeSparOpenAi.from(session);
 * ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder()
 *         .model(ChatModel.GPT_4_1)
 *         .tools(codespar.tools())
 *         .addUserMessage("Charge R$10 via Pix to ana@example.com");
 * while (true) {
 *     ChatCompletionMessage reply = openai.chat().completions().create(params.build()).choices().get(0).message();
 *     params.addMessage(reply);
 *     List<ChatCompletionToolMessageParam> results = codespar.toolResults(reply);
 *     if (results.isEmpty()) {
 *         System.out.println(reply.content().orElse(""));
 *         break;
 *     }
 *     results.forEach(params::addMessage);
 * }
 * }</pre>
 *
 * <p>With the Responses API, {@link #responseTools()} go in {@code ResponseCreateParams.Builder.tools(...)} and
 * {@link #toolResults(Response)} are the {@code function_call_output} items of the next request's input.
 *
 * <p>Every call goes through a {@link ToolDispatcher}: the same call id runs once (a repeat gets the first answer),
 * the session's policy and the builder's are consulted before any request, and every outcome is a tool message the
 * model can act on ({@code needs_connection} with the link to send the user, {@code rate_limited} with the wait, a
 * failed result with its code). Only what is not a tool outcome is thrown: a {@code ConfigError}, or a call ended
 * by the client's {@code close()}.
 *
 * <p>Thread-safe; keep one per session for the duplicate rule to hold.
 */
public final class CodeSparOpenAi {

    private final ToolDispatcher dispatcher;

    private CodeSparOpenAi(ToolDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /**
     * The bridge for a session, offering all its tools under the session's own policy.
     *
     * @param session the session
     * @return the bridge
     */
    public static CodeSparOpenAi from(Session session) {
        return builder(session).build();
    }

    /**
     * The bridge over a dispatcher, for sharing one dispatcher (and so one duplicate rule) with other adapters.
     *
     * @param dispatcher the dispatcher
     * @return the bridge
     */
    public static CodeSparOpenAi from(ToolDispatcher dispatcher) {
        if (dispatcher == null) {
            throw new IllegalArgumentException("dispatcher: must not be null");
        }
        return new CodeSparOpenAi(dispatcher);
    }

    /**
     * A builder, for a tool filter and a policy.
     *
     * <pre>{@code
     * CodeSparOpenAi codespar = CodeSparOpenAi.builder(session)
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
     * The tools as Chat Completions tool definitions, for {@code ChatCompletionCreateParams.Builder.tools(...)}.
     * Each is a function whose name is {@link AgentTool#name()} and whose parameters are the tool's JSON Schema as
     * published. Read from the session on first use and kept ({@link ToolDispatcher#refreshTools()} reads again).
     *
     * @return the tool definitions, in the session's order
     * @throws dev.codespar.errors.ApiError when the session's tools cannot be read
     */
    public List<ChatCompletionTool> tools() {
        return dispatcher.tools().stream().map(OpenAiTools::chatTool).toList();
    }

    /**
     * The tools as Responses API function tools, for {@code ResponseCreateParams.Builder.tools(...)} ({@code strict}
     * off: CodeSpar schemas have optional arguments).
     *
     * @return the tool definitions, in the session's order
     * @throws dev.codespar.errors.ApiError when the session's tools cannot be read
     */
    public List<Tool> responseTools() {
        return dispatcher.tools().stream().map(OpenAiTools::responseTool).toList();
    }

    /**
     * Whether a tool name is one of the tools offered, for an application that gives the model tools of its own
     * too and answers those itself.
     *
     * @param toolName the name the model called
     * @return whether {@link #toolResult(ChatCompletionMessageToolCall)} runs it
     */
    public boolean offers(String toolName) {
        return dispatcher.tools().stream().anyMatch(tool -> tool.name().equals(toolName));
    }

    /**
     * Runs the tool calls of the first choice of a completion ({@code n} above 1 gives alternatives, of which one
     * is continued).
     *
     * @param completion the model's answer
     * @return a tool message per call, in the model's order; empty when the model called no tool
     */
    public List<ChatCompletionToolMessageParam> toolResults(ChatCompletion completion) {
        return toolResults(firstMessage(completion));
    }

    /**
     * Runs the tool calls of an assistant message, one after another in the model's order. A call to a tool not
     * offered is answered {@code unknown_tool} (every call must have an answer for the conversation to go on);
     * answer your own tools with {@link #offers} and {@link #toolResult(ChatCompletionMessageToolCall)} instead.
     *
     * @param message the assistant message ({@code null} for none)
     * @return a tool message per call; empty when the message called no tool
     * @throws dev.codespar.errors.ConfigError or a {@code client_closed} failure: not a tool outcome
     */
    public List<ChatCompletionToolMessageParam> toolResults(ChatCompletionMessage message) {
        List<ChatCompletionToolMessageParam> results = new ArrayList<>();
        for (ChatCompletionMessageToolCall call : toolCalls(message)) {
            results.add(toolResult(call));
        }
        return List.copyOf(results);
    }

    /**
     * Runs one tool call.
     *
     * @param call the model's tool call
     * @return the tool message answering it ({@code tool_call_id} = the call's id)
     */
    public ChatCompletionToolMessageParam toolResult(ChatCompletionMessageToolCall call) {
        if (call.isFunction()) {
            ChatCompletionMessageFunctionToolCall function = call.asFunction();
            return toolMessage(dispatcher.dispatch(function.id(), function.function().name(),
                    function.function().arguments()));
        }
        ChatCompletionMessageCustomToolCall custom = call.asCustom();
        return toolMessage(dispatcher.dispatch(custom.id(), custom.custom().name(),
                TextNode.valueOf(custom.custom().input())));
    }

    /**
     * {@link #toolResults(ChatCompletion)} without blocking.
     *
     * @param completion the model's answer
     * @return a future of the tool messages
     */
    public CompletableFuture<List<ChatCompletionToolMessageParam>> toolResultsAsync(ChatCompletion completion) {
        return toolResultsAsync(firstMessage(completion));
    }

    /**
     * {@link #toolResults(ChatCompletionMessage)} without blocking; the calls still run one after another.
     *
     * @param message the assistant message
     * @return a future of the tool messages; it fails only with what {@link #toolResults(ChatCompletionMessage)}
     *     throws
     */
    public CompletableFuture<List<ChatCompletionToolMessageParam>> toolResultsAsync(ChatCompletionMessage message) {
        return inOrder(toolCalls(message), call -> dispatchAsync(call).thenApply(CodeSparOpenAi::toolMessage));
    }

    /**
     * Runs the {@code function_call} items of a Responses API answer, one after another.
     *
     * @param response the model's response
     * @return a {@code function_call_output} item per call, for the next request's input; empty when there was none
     */
    public List<ResponseInputItem> toolResults(Response response) {
        List<ResponseInputItem> results = new ArrayList<>();
        for (ResponseFunctionToolCall call : functionCalls(response)) {
            results.add(toolResult(call));
        }
        return List.copyOf(results);
    }

    /**
     * Runs one Responses API function call.
     *
     * @param call the model's function call
     * @return its {@code function_call_output} item ({@code call_id} = the call's)
     */
    public ResponseInputItem toolResult(ResponseFunctionToolCall call) {
        return outputItem(dispatcher.dispatch(call.callId(), call.name(), call.arguments()));
    }

    /**
     * {@link #toolResults(Response)} without blocking.
     *
     * @param response the model's response
     * @return a future of the output items
     */
    public CompletableFuture<List<ResponseInputItem>> toolResultsAsync(Response response) {
        return inOrder(functionCalls(response), call -> dispatcher
                .dispatchAsync(call.callId(), call.name(), call.arguments()).thenApply(CodeSparOpenAi::outputItem));
    }

    /**
     * The dispatcher the calls go through (its tools, its session).
     *
     * @return the dispatcher
     */
    public ToolDispatcher dispatcher() {
        return dispatcher;
    }

    private CompletableFuture<ToolCallAnswer> dispatchAsync(ChatCompletionMessageToolCall call) {
        if (call.isFunction()) {
            ChatCompletionMessageFunctionToolCall function = call.asFunction();
            return dispatcher.dispatchAsync(function.id(), function.function().name(),
                    function.function().arguments());
        }
        // a custom (free-text) tool call: CodeSpar offers none, so the dispatcher answers it unknown_tool
        ChatCompletionMessageCustomToolCall custom = call.asCustom();
        return dispatcher.dispatchAsync(custom.id(), custom.custom().name(), TextNode.valueOf(custom.custom().input()));
    }

    private static ChatCompletionToolMessageParam toolMessage(ToolCallAnswer answer) {
        return ChatCompletionToolMessageParam.builder().toolCallId(answer.callId()).content(answer.content()).build();
    }

    private static ResponseInputItem outputItem(ToolCallAnswer answer) {
        return ResponseInputItem.ofFunctionCallOutput(ResponseInputItem.FunctionCallOutput.builder()
                .callId(answer.callId()).output(answer.content()).build());
    }

    private static ChatCompletionMessage firstMessage(ChatCompletion completion) {
        if (completion == null || completion.choices().isEmpty()) {
            return null;
        }
        return completion.choices().get(0).message();
    }

    private static List<ChatCompletionMessageToolCall> toolCalls(ChatCompletionMessage message) {
        return message == null ? List.of() : message.toolCalls().orElse(List.of());
    }

    private static List<ResponseFunctionToolCall> functionCalls(Response response) {
        if (response == null) {
            return List.of();
        }
        return response.output().stream().filter(ResponseOutputItem::isFunctionCall)
                .map(ResponseOutputItem::asFunctionCall).toList();
    }

    /** Runs the calls one after another: a spending cap, an approval, decide in the model's order. */
    private static <C, R> CompletableFuture<List<R>> inOrder(List<C> calls,
            Function<C, CompletableFuture<R>> run) {
        CompletableFuture<List<R>> chain = CompletableFuture.completedFuture(new ArrayList<>());
        for (C call : calls) {
            chain = chain.thenCompose(done -> run.apply(call).thenApply(result -> {
                done.add(result);
                return done;
            }));
        }
        return chain.thenApply(List::copyOf);
    }

    /** Configures a {@link CodeSparOpenAi}. */
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
        public CodeSparOpenAi build() {
            return new CodeSparOpenAi(dispatcher.build());
        }
    }
}
