package dev.codespar.langchain4j;

import dev.codespar.Session;
import dev.codespar.agent.AgentTool;
import dev.codespar.agent.ToolCallAnswer;
import dev.codespar.agent.ToolDispatcher;
import dev.codespar.errors.CodeSparException;
import dev.codespar.policy.ToolPolicy;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.service.tool.ToolErrorContext;
import dev.langchain4j.service.tool.ToolErrorHandlerResult;
import dev.langchain4j.service.tool.ToolExecutionErrorHandler;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.langchain4j.service.tool.ToolProvider;
import dev.langchain4j.service.tool.ToolProviderRequest;
import dev.langchain4j.service.tool.ToolProviderResult;
import java.util.List;
import java.util.function.Predicate;

/**
 * A CodeSpar session's tools for LangChain4j: a {@link ToolProvider} for AI Services, whose tool specifications come
 * from the session's tools and whose executions run through the session.
 *
 * <pre>{@code
 * import dev.codespar.langchain4j.CodeSparTools;
 * import dev.langchain4j.service.AiServices;
 *
 * interface Assistant {
 *     String chat(String message);
 * }
 *
 * Assistant assistant = AiServices.builder(Assistant.class)
 *         .chatModel(model)
 *         .toolProvider(CodeSparTools.from(session))
 *         .toolExecutionErrorHandler(CodeSparTools.errorHandler())
 *         .build();
 * String answer = assistant.chat("Pay R$ 10,00 via Pix to ana@example.com for order 42.");
 * }</pre>
 *
 * <p>Each tool is a {@link ToolSpecification} named as {@link AgentTool#name()} (the CodeSpar name made safe for
 * LangChain4j's name rules: {@code asaas/create_payment} becomes {@code asaas__create_payment}), with the tool's
 * description and its JSON Schema in LangChain4j's schema types (see {@link #toolSpecifications()} for what cannot
 * be translated one to one).
 *
 * <p>Every call goes through a {@link ToolDispatcher}: the same tool-call id runs once (a repeat gets the first
 * answer), the session's policy and the builder's are consulted with the model's arguments before any request (a
 * denied call makes none), and every outcome is a tool result the model can act on: {@code needs_connection} with
 * the link to send the user, {@code rate_limited} with the wait, a failed result with its code and message,
 * {@code approval_required} and {@code policy_denied} with their ids. A result that is not a success is marked as an
 * error ({@link ToolExecutionResult#isError()}). Only what is not a tool outcome is thrown: a {@code ConfigError},
 * or a call ended by the client's {@code close()}. AI Services hand a tool's exception to the model by default, so
 * {@link #errorHandler()} is what lets those two reach the caller of the AI Service.
 *
 * <p>Thread-safe; keep one per session for the duplicate rule to hold.
 */
public final class CodeSparTools implements ToolProvider {

    private final ToolDispatcher dispatcher;
    private final ToolExecutor executor = new SessionToolExecutor();

    private CodeSparTools(ToolDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /**
     * The tools of a session, all of them, under the session's own policy.
     *
     * @param session the session
     * @return the tool provider
     */
    public static CodeSparTools from(Session session) {
        return builder(session).build();
    }

    /**
     * The tools of a dispatcher, for sharing one dispatcher (and so one duplicate rule) with other adapters.
     *
     * @param dispatcher the dispatcher
     * @return the tool provider
     */
    public static CodeSparTools from(ToolDispatcher dispatcher) {
        if (dispatcher == null) {
            throw new IllegalArgumentException("dispatcher: must not be null");
        }
        return new CodeSparTools(dispatcher);
    }

    /**
     * A builder, for a tool filter and a policy.
     *
     * <pre>{@code
     * CodeSparTools tools = CodeSparTools.builder(session)
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
     * The handler for {@code AiServices.builder(...).toolExecutionErrorHandler(...)} that lets a {@code ConfigError}
     * and a call ended by the client's {@code close()} reach the application: AI Services otherwise send a tool's
     * exception to the model as its result. Every other exception (from the application's own tools) is answered as
     * LangChain4j's default handler does, with its message.
     *
     * @return the handler
     */
    public static ToolExecutionErrorHandler errorHandler() {
        return CodeSparTools::handle;
    }

    private static ToolErrorHandlerResult handle(Throwable error, ToolErrorContext context) {
        // AI Services hand over the exception's cause; the exception itself is the raw error
        Throwable raw = context == null || context.rawError() == null ? error : context.rawError();
        if (raw instanceof CodeSparException failure) {
            throw failure;
        }
        if (error instanceof CodeSparException failure) {
            throw failure;
        }
        String message = error == null ? null : error.getMessage();
        return ToolErrorHandlerResult.text(message == null || message.isBlank()
                ? (error == null ? "the tool failed" : error.getClass().getName()) : message);
    }

    /**
     * The tools for one AI Service call: a specification and an executor per session tool. The session's tools are
     * read on first use and kept ({@link ToolDispatcher#refreshTools()} reads them again).
     *
     * @param request the AI Service's request (not used: the tools are the session's whatever the user asked)
     * @return the tools
     * @throws dev.codespar.errors.ApiError when the session's tools cannot be read
     */
    @Override
    public ToolProviderResult provideTools(ToolProviderRequest request) {
        ToolProviderResult.Builder result = ToolProviderResult.builder();
        for (ToolSpecification specification : toolSpecifications()) {
            result.add(specification, executor);
        }
        return result.build();
    }

    /**
     * The tool specifications LangChain4j sends to the model, in the session's order: for a {@code ChatRequest} of
     * an application that runs its own tool loop. The JSON Schema goes over in LangChain4j's types
     * ({@code JsonObjectSchema}, {@code JsonStringSchema}, {@code JsonNumberSchema}, {@code JsonIntegerSchema},
     * {@code JsonBooleanSchema}, {@code JsonArraySchema}, {@code JsonEnumSchema}, {@code JsonAnyOfSchema}) with
     * descriptions and {@code required}, nested objects and arrays included. A constraint those types have no field
     * for ({@code minimum}, {@code format}, {@code pattern}, {@code default}, ...) is appended to the property's
     * description; a shape they cannot express ({@code $ref}, {@code allOf}, non-string enums, a property without a
     * type) is passed on as published, as a {@code JsonRawSchema}.
     *
     * @return the specifications
     * @throws dev.codespar.errors.ApiError when the session's tools cannot be read
     */
    public List<ToolSpecification> toolSpecifications() {
        return dispatcher.tools().stream().map(CodeSparTools::specification).toList();
    }

    /**
     * Runs one tool call of the model, for an application that runs its own tool loop.
     *
     * <pre>{@code
     * for (ToolExecutionRequest call : response.aiMessage().toolExecutionRequests()) {
     *     messages.add(tools.execute(call));
     * }
     * }</pre>
     *
     * @param request the model's tool call
     * @return the message answering it (its id and tool name are the call's; {@code isError} when the call did not
     *     do its work)
     * @throws dev.codespar.errors.ConfigError or a {@code client_closed} failure: not a tool outcome
     */
    public ToolExecutionResultMessage execute(ToolExecutionRequest request) {
        ToolCallAnswer answer = answer(request);
        return ToolExecutionResultMessage.builder().id(request.id()).toolName(request.name()).text(answer.content())
                .isError(answer.error()).build();
    }

    /**
     * The dispatcher the calls go through (its tools, its session).
     *
     * @return the dispatcher
     */
    public ToolDispatcher dispatcher() {
        return dispatcher;
    }

    private static ToolSpecification specification(AgentTool tool) {
        ToolSpecification.Builder specification = ToolSpecification.builder()
                .name(tool.name())
                .parameters(ToolSchemas.parameters(tool.name(), tool.parameters()));
        if (tool.description() != null) {
            specification.description(tool.description());
        }
        return specification.build();
    }

    private ToolCallAnswer answer(ToolExecutionRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("request: must not be null");
        }
        return dispatcher.dispatch(request.id(), request.name(), request.arguments());
    }

    /** One executor for every tool: the dispatcher finds the tool by the name the model called. */
    private final class SessionToolExecutor implements ToolExecutor {

        @Override
        public String execute(ToolExecutionRequest request, Object memoryId) {
            return answer(request).content();
        }

        @Override
        public ToolExecutionResult executeWithContext(ToolExecutionRequest request, InvocationContext context) {
            ToolCallAnswer answer = answer(request);
            // the answer as the result object: ToolExecution.resultObject() gives the application the ToolResult
            return ToolExecutionResult.builder().isError(answer.error()).result(answer).resultText(answer.content())
                    .build();
        }
    }

    /** Configures a {@link CodeSparTools}. */
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
         * Builds the tool provider.
         *
         * @return the tool provider
         */
        public CodeSparTools build() {
            return new CodeSparTools(dispatcher.build());
        }
    }
}
