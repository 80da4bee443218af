package dev.codespar.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codespar.Session;
import dev.codespar.errors.CodeSparException;
import dev.codespar.internal.http.ChainedFuture;
import dev.codespar.policy.ToolCall;
import dev.codespar.policy.ToolPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The core every agent adapter shares: a session's tools in the shape frameworks accept ({@link #tools()}), and the
 * path a model's tool call takes back to the session ({@link #dispatch}): name resolved, arguments parsed, the
 * policy consulted, {@code Session.execute}, and the outcome turned into an answer the model can act on.
 *
 * <pre>{@code
 * ToolDispatcher tools = ToolDispatcher.builder(session)
 *         .filter(tool -> tool.toolName().startsWith("codespar_"))
 *         .policy(ToolPolicy.maxAmountPerCall("BRL", 50_000))
 *         .build();
 * for (AgentTool tool : tools.tools()) { ...offer it to the model... }
 * ToolCallAnswer answer = tools.dispatch(call.id(), call.name(), call.argumentsJson());
 * reply(answer.callId(), answer.content(), answer.error());
 * }</pre>
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>A model cannot make a tool run twice by repeating itself: the same call id executes once per dispatcher
 *       (one per session); a repeat, even a concurrent one, gets the first answer.
 *   <li>A tool the dispatcher does not offer (filtered out, or unknown) is never executed.
 *   <li>The policy sees the model's arguments as given, before any request; a denied call makes no request.
 *   <li>Outcomes become answers, not exceptions: {@code needs_connection} with the link to send the user,
 *       {@code rate_limited} with the wait, a failed result with its code (approval and rule ids kept), an outcome
 *       that may have run marked "do not call again". A {@code ConfigError} or a call ended by the client's own
 *       {@code close()} is thrown to the application.
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class ToolDispatcher {

    private static final ObjectMapper PARSER = new ObjectMapper();

    private final Session session;
    private final Predicate<? super AgentTool> filter;
    private final Map<String, CompletableFuture<ToolCallAnswer>> answered = new ConcurrentHashMap<>();
    private volatile Map<String, AgentTool> tools;

    private ToolDispatcher(Builder builder) {
        ToolPolicy policy = builder.policy;
        ToolPolicy own = builder.session.getPolicy();
        this.session = policy == null ? builder.session
                : builder.session.withPolicy(own == null ? policy : own.and(policy));
        this.filter = builder.filter;
    }

    /**
     * The dispatcher of a session, offering all its tools under the session's own policy.
     *
     * @param session the session
     * @return the dispatcher
     */
    public static ToolDispatcher of(Session session) {
        return builder(session).build();
    }

    /**
     * A builder, for a tool filter and a policy.
     *
     * @param session the session
     * @return the builder
     */
    public static Builder builder(Session session) {
        return new Builder(session);
    }

    /**
     * The tools offered to the model, read from the session's connections on first use and kept.
     *
     * @return the tools, in the server's order
     * @throws dev.codespar.errors.ApiError when the connections cannot be read
     */
    public List<AgentTool> tools() {
        return List.copyOf(catalogue().values());
    }

    /** Reads the session's tools again (after the user connected a server, say). */
    public void refreshTools() {
        tools = null;
    }

    /**
     * The session the calls run in (under the dispatcher's policy).
     *
     * @return the session
     */
    public Session session() {
        return session;
    }

    /**
     * Runs a model's tool call whose arguments came as JSON text.
     *
     * @param callId the model's id of the call, or {@code null} (then no duplicate protection)
     * @param name the tool name the model used ({@link AgentTool#name()})
     * @param argumentsJson the arguments, a JSON object as text ({@code null} or blank for none)
     * @return the answer for the model
     * @throws dev.codespar.errors.ConfigError or a {@code client_closed} failure: not the tool's outcome
     */
    public ToolCallAnswer dispatch(String callId, String name, String argumentsJson) {
        return unwrap(dispatchAsync(callId, name, argumentsJson));
    }

    /**
     * Runs a model's tool call whose arguments came parsed.
     *
     * @param callId the model's id of the call, or {@code null}
     * @param name the tool name the model used
     * @param arguments the arguments, a JSON object
     * @return the answer for the model
     */
    public ToolCallAnswer dispatch(String callId, String name, JsonNode arguments) {
        return unwrap(dispatchAsync(callId, name, arguments));
    }

    /**
     * {@link #dispatch(String, String, String)} without blocking.
     *
     * @param callId the model's id of the call, or {@code null}
     * @param name the tool name the model used
     * @param argumentsJson the arguments as JSON text
     * @return a future of the answer
     */
    public CompletableFuture<ToolCallAnswer> dispatchAsync(String callId, String name, String argumentsJson) {
        JsonNode arguments;
        try {
            arguments = argumentsJson == null || argumentsJson.isBlank() ? PARSER.createObjectNode()
                    : PARSER.readTree(argumentsJson);
        } catch (JsonProcessingException e) {
            return CompletableFuture.completedFuture(
                    ModelAnswers.badArguments(callId, name, e.getOriginalMessage()));
        }
        return dispatchAsync(callId, name, arguments);
    }

    /**
     * {@link #dispatch(String, String, JsonNode)} without blocking.
     *
     * @param callId the model's id of the call, or {@code null}
     * @param name the tool name the model used
     * @param arguments the arguments
     * @return a future of the answer
     */
    public CompletableFuture<ToolCallAnswer> dispatchAsync(String callId, String name, JsonNode arguments) {
        if (callId == null) {
            return run(null, name, arguments);
        }
        CompletableFuture<ToolCallAnswer> first = new CompletableFuture<>();
        CompletableFuture<ToolCallAnswer> earlier = answered.putIfAbsent(callId, first);
        if (earlier != null) {
            return earlier; // a repeated call id: the first call's answer, and no second execution
        }
        run(callId, name, arguments).whenComplete((answer, error) -> {
            if (error != null) {
                // not an outcome of the tool (the client was closed): a later repeat may try again
                answered.remove(callId, first);
                first.completeExceptionally(ChainedFuture.unwrap(error));
            } else {
                first.complete(answer);
            }
        });
        return first;
    }

    private CompletableFuture<ToolCallAnswer> run(String callId, String name, JsonNode arguments) {
        AgentTool tool;
        try {
            tool = catalogue().get(name);
        } catch (CodeSparException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (tool == null) {
            return CompletableFuture.completedFuture(ModelAnswers.unknownTool(callId, name, catalogue().keySet()));
        }
        if (arguments == null || !arguments.isObject()) {
            return CompletableFuture.completedFuture(ModelAnswers.badArguments(callId, name,
                    "got " + (arguments == null ? "nothing" : arguments.getNodeType().name().toLowerCase(java.util.Locale.ROOT))));
        }
        ToolCall call = new ToolCall(session.getId(), tool.toolName(), arguments, callId);
        return ChainedFuture.handle(session.executeAsync(call), (result, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(ModelAnswers.of(callId, name, result));
            }
            if (error instanceof CodeSparException failure) {
                try {
                    return CompletableFuture.completedFuture(ModelAnswers.of(callId, name, tool.toolName(), failure));
                } catch (CodeSparException notTheTools) {
                    return CompletableFuture.failedFuture(notTheTools);
                }
            }
            return CompletableFuture.failedFuture(error);
        });
    }

    private Map<String, AgentTool> catalogue() {
        Map<String, AgentTool> current = tools;
        if (current == null) {
            Map<String, AgentTool> read = new LinkedHashMap<>();
            for (AgentTool tool : AgentTools.of(session, filter)) {
                read.putIfAbsent(tool.name(), tool);
            }
            current = java.util.Collections.unmodifiableMap(read);
            tools = current;
        }
        return current;
    }

    private static ToolCallAnswer unwrap(CompletableFuture<ToolCallAnswer> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** Configures a {@link ToolDispatcher}. */
    public static final class Builder {
        private final Session session;
        private Predicate<? super AgentTool> filter = tool -> true;
        private ToolPolicy policy;

        private Builder(Session session) {
            if (session == null) {
                throw new IllegalArgumentException("session: must not be null");
            }
            this.session = session;
        }

        /**
         * Offers only the tools the filter accepts; the model cannot call the others.
         *
         * @param value the filter
         * @return this builder
         */
        public Builder filter(Predicate<? super AgentTool> value) {
            this.filter = value == null ? tool -> true : value;
            return this;
        }

        /**
         * A policy consulted before every call, after the session's own one (both must allow).
         *
         * @param value the policy, or {@code null} for the session's alone
         * @return this builder
         */
        public Builder policy(ToolPolicy value) {
            this.policy = value;
            return this;
        }

        /**
         * Builds the dispatcher.
         *
         * @return the dispatcher
         */
        public ToolDispatcher build() {
            return new ToolDispatcher(this);
        }
    }
}
