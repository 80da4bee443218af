package dev.codespar;

import dev.codespar.errors.ApiError;
import dev.codespar.errors.NotConnectedError;
import dev.codespar.errors.NotFoundError;
import dev.codespar.internal.http.ChainedFuture;
import dev.codespar.policy.ToolCall;
import dev.codespar.policy.ToolPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open CodeSpar session: the servers a user's agent can call tools on. Created by
 * {@link CodeSparClient#create(String, SessionConfig)}, or resumed by id with {@link SessionService#retrieve};
 * thread-safe; {@link AutoCloseable}.
 *
 * <pre>{@code
 * try (Session session = client.create("user_123", SessionConfig.builder().servers("asaas").build())) {
 *     ToolResult r = session.execute("codespar_pay", Map.of("amount", 1000, "currency", "BRL"));
 * }
 * }</pre>
 *
 * <p>Every call that goes over the network has an {@code ...Async} twin returning a {@link CompletableFuture} that
 * completes on OkHttp's dispatcher thread and cancels its HTTP call when cancelled. Every request of a session
 * carries the session's project ({@code x-codespar-project}) when one was resolved (the session's own, else the
 * client's). Failed calls throw the {@link ApiError} subclass of the answer; streams throw
 * {@link dev.codespar.errors.StreamError} once started. Settlement status: {@link #toolCalls()}. The typed meta-tools ({@code codespar_charge},
 * {@code codespar_ship}, ...) are in {@code dev.codespar.metatools.MetaTools}.
 */
public final class Session implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Session.class);

    private final CodeSparClient client;
    private final String id;
    private final String userId;
    private final List<String> servers;
    private final SessionStatus status;
    private final Instant createdAt;
    private final String projectId;
    private final SessionCalls calls;
    private final ConnectionWait wait;
    private final PolicyGate gate;
    private final AtomicBoolean closed;
    private final AtomicReference<SessionConnections> lastConnections;

    Session(CodeSparClient client, String id, String userId, List<String> servers, SessionStatus status,
            Instant createdAt, String projectId, ToolPolicy policy) {
        this(client, id, userId, List.copyOf(servers), status, createdAt, projectId, policy, new AtomicBoolean(),
                new AtomicReference<>());
    }

    private Session(CodeSparClient client, String id, String userId, List<String> servers, SessionStatus status,
            Instant createdAt, String projectId, ToolPolicy policy, AtomicBoolean closed,
            AtomicReference<SessionConnections> lastConnections) {
        this.client = client;
        this.id = id;
        this.userId = userId;
        this.servers = servers;
        this.status = status;
        this.createdAt = createdAt;
        this.projectId = projectId;
        this.closed = closed;
        this.lastConnections = lastConnections;
        this.calls = new SessionCalls(client.context().transport(), id, userId, servers, projectId, lastConnections);
        this.wait = new ConnectionWait(client.context().transport(), calls, id, servers);
        this.gate = new PolicyGate(calls, id, policy);
    }

    /** The same session (on the server, its connection state, whether it is closed) through another client view. */
    private Session view(CodeSparClient through, ToolPolicy policy) {
        return new Session(through, id, userId, servers, status, createdAt, projectId, policy, closed,
                lastConnections);
    }

    /**
     * The session id (e.g. {@code ses_HZb4d5yxIAxLawb4}; the open-source runtime issues UUIDs).
     *
     * @return the id
     */
    public String getId() {
        return id;
    }

    /**
     * The user the session belongs to, as the server recorded it (the id passed to {@code create} when it did not
     * say).
     *
     * @return the user id, or {@code null} for a session resumed from an answer without one
     */
    public String getUserId() {
        return userId;
    }

    /**
     * The servers of the session, as the server answered (those asked for when it did not say).
     *
     * @return an immutable list
     */
    public List<String> getServers() {
        return servers;
    }

    /**
     * The status reported when the session was created or retrieved (a snapshot, not refreshed).
     *
     * @return the status
     */
    public SessionStatus getStatus() {
        return status;
    }

    /**
     * When the session was created (the local time when the server did not say).
     *
     * @return the instant
     */
    public Instant getCreatedAt() {
        return createdAt;
    }

    /**
     * The project the session's requests are sent with.
     *
     * @return the project id, or {@code null} for the organisation's default project
     */
    public String getProjectId() {
        return projectId;
    }

    /**
     * The guardrail this session's {@code execute} consults before the network
     * ({@link SessionConfig.Builder#policy}, or {@link #withPolicy}).
     *
     * @return the policy, or {@code null} for none
     */
    public ToolPolicy getPolicy() {
        return gate.policy();
    }

    /**
     * This session under another guardrail: the same session on the server, the same connection state, one close
     * for both; only the policy its {@code execute} consults differs.
     *
     * <pre>{@code
     * Session guarded = client.sessions().retrieve(id).withPolicy(ToolPolicy.maxAmountPerCall("BRL", 50_000));
     * }</pre>
     *
     * @param policy the policy, or {@code null} for none
     * @return the session under that policy
     */
    public Session withPolicy(ToolPolicy policy) {
        return view(client, policy);
    }

    /**
     * This session with other settings for the calls made through the view (a timeout, retries, a stream's idle
     * timeout, extra headers): the same session on the server, the same connection state and policy, one close for
     * both.
     *
     * <pre>{@code
     * session.withOptions(RequestOptions.builder().timeout(Duration.ofMinutes(2)).build())
     *         .execute("codespar_invoice", input);
     * }</pre>
     *
     * @param options the settings that differ
     * @return the session view
     */
    public Session withOptions(RequestOptions options) {
        return view(client.withOptions(options), gate.policy());
    }

    // ---------------------------------------------------------------- tools

    /**
     * Calls a tool. {@code POST /v1/sessions/{id}/execute} with {@code {"tool": ..., "input": ...}}.
     *
     * <pre>{@code
     * ToolResult r = session.execute("codespar_pay",
     *         Map.of("action", "pay", "amount", 1000, "currency", "BRL", "method", "pix"));
     * }</pre>
     *
     * <p>A tool-level failure comes back as a result with {@code success == false} (its tool-result code, if any, in
     * {@link ToolResult#code()}); an HTTP failure is thrown; a 2xx answer that says neither is an
     * {@code invalid_response} error. A {@code POST} is never re-sent after it may have reached the server, unless
     * the retry policy says it is safe.
     *
     * <p>One tool-level failure is thrown instead, where this session's own state says why: when the server answers
     * that a {@code server/tool} name's server is not there ({@code mcp.unknown_server}, or
     * {@code Tool not registered: <name>}) and that server is not among the session's servers
     * ({@link #getServers()}), or the latest {@link #connections()} answer listed it as not connected, this method
     * throws {@link NotConnectedError} naming it, with the request id and the failed result's fields. Otherwise the
     * failed result is returned as it came: the cause is not the connection.
     *
     * @param tool the tool name: a meta-tool ({@code codespar_pay}) or {@code server/tool}
     * @param input the tool's arguments (not {@code null}; use {@code Map.of()} for none)
     * @return the result
     * @throws dev.codespar.errors.InvalidRequestError when the tool name is blank or malformed ({@code asaas/},
     *     {@code /x}, {@code a//b}) or the input is null (no network call)
     * @throws NotConnectedError when the server says the tool's server is not there and this session has it as
     *     absent or pending
     * @throws dev.codespar.errors.NeedsConnectionError when the user must connect the tool's server first (422, with
     *     the {@code connect_url} to send them)
     * @throws ApiError for any other failed call
     */
    public ToolResult execute(String tool, Map<String, ?> input) {
        return gate.execute(tool, input, null);
    }

    /** {@link #execute(String, Map)} without blocking. */
    public CompletableFuture<ToolResult> executeAsync(String tool, Map<String, ?> input) {
        return gate.executeAsync(tool, input, null);
    }

    /**
     * Calls a tool as an agent adapter does: the call a model asked for, with its arguments exactly as the model gave
     * them and the model's call id, which the session's policy sees. Otherwise {@link #execute(String, Map)}.
     *
     * @param call the call; its session id must be this session's
     * @return the result
     * @throws dev.codespar.errors.InvalidRequestError when the call is for another session, or is malformed
     */
    public ToolResult execute(ToolCall call) {
        return gate.execute(call);
    }

    /** {@link #execute(ToolCall)} without blocking. */
    public CompletableFuture<ToolResult> executeAsync(ToolCall call) {
        return gate.executeAsync(call);
    }


    /**
     * Calls a provider's HTTP API directly, with the credentials CodeSpar holds for the user
     * ({@code POST /v1/sessions/{id}/proxy_execute}). A provider error is a result with its status; only a CodeSpar
     * failure is thrown.
     *
     * <pre>{@code
     * ProxyResult r = session.proxyExecute(ProxyParams.builder("asaas", ProxyParams.Method.GET, "/v3/payments")
     *         .param("limit", 10)
     *         .build());
     * }</pre>
     *
     * @param params the call
     * @return the provider's answer
     * @throws dev.codespar.errors.InvalidRequestError when the call is incomplete (no network call)
     * @throws ApiError when CodeSpar refuses or fails
     */
    public ProxyResult proxyExecute(ProxyParams params) {
        return calls.proxyExecute(params).execute();
    }

    /** {@link #proxyExecute(ProxyParams)} without blocking. */
    public CompletableFuture<ProxyResult> proxyExecuteAsync(ProxyParams params) {
        return calls.proxyExecute(params).executeAsync();
    }

    // ---------------------------------------------------------------- the agent

    /**
     * Sends a natural-language message to the session's agent and waits for its full answer
     * ({@code POST /v1/sessions/{id}/send}, {@code Accept: application/json}).
     *
     * <pre>{@code
     * SendResult r = session.send("Charge R$10 from ana@example.com via Pix");
     * r.toolCalls().forEach(call -> System.out.println(call.toolName() + " " + call.status()));
     * }</pre>
     *
     * @param message the message, not blank
     * @return the agent's reply and the tools it called
     * @throws dev.codespar.errors.InvalidRequestError when the message is blank (no network call)
     * @throws ApiError when the call fails
     */
    public SendResult send(String message) {
        return calls.send(message).execute();
    }

    /** {@link #send(String)} without blocking. */
    public CompletableFuture<SendResult> sendAsync(String message) {
        return calls.send(message).executeAsync();
    }

    /**
     * Sends a message and streams the agent's reply as it is produced ({@code POST /v1/sessions/{id}/send},
     * {@code Accept: text/event-stream}), with the client's send-stream idle timeout (default 5 minutes; another one
     * for some calls with {@link #withOptions}).
     *
     * <pre>{@code
     * try (EventStream<StreamEvent> events = session.sendStream("Charge R$10 via Pix")) {
     *     for (StreamEvent e : events) {
     *         if (e instanceof StreamEvent.Text t) System.out.print(t.content());
     *     }
     * }
     * }</pre>
     *
     * @param message the message, not blank
     * @return the open stream; close it (try-with-resources)
     * @throws dev.codespar.errors.InvalidRequestError when the message is blank (no network call)
     * @throws ApiError when the stream cannot be opened (before its first byte: usual retry rules)
     * @see EventStream for the guarantees while iterating
     */
    public EventStream<StreamEvent> sendStream(String message) {
        return calls.sendStream(message, client.context().sendStreamIdleTimeout()).execute();
    }

    /**
     * {@link #sendStream(String)} without blocking: completes once the stream's answer has arrived; iterating the
     * stream then blocks the iterating thread.
     *
     * @param message the message
     * @return a future of the open stream
     */
    public CompletableFuture<EventStream<StreamEvent>> sendStreamAsync(String message) {
        return calls.sendStream(message, client.context().sendStreamIdleTimeout()).executeAsync();
    }

    // ---------------------------------------------------------------- connections

    /**
     * The session's servers with their connection state, and the tools it can call
     * ({@code GET /v1/sessions/{id}/connections}). Unlike the official SDKs, a failure is thrown rather than
     * answered with a stale or empty list. The answer becomes the session's own state of its connections, which
     * {@link #execute} consults before it blames a connection.
     *
     * @return the connections
     * @throws ApiError when the call fails
     */
    public SessionConnections connections() {
        return calls.connections().execute();
    }

    /** {@link #connections()} without blocking. */
    public CompletableFuture<SessionConnections> connectionsAsync() {
        return calls.connections().executeAsync();
    }

    /**
     * Waits until every server of the session is connected, polling {@link #connections()} every second. Ready
     * means the list is non-empty and every server is connected (an empty list never counts).
     *
     * <pre>{@code
     * try {
     *     session.waitForConnections(Duration.ofSeconds(30));
     * } catch (NotConnectedError e) {
     *     for (String server : e.getPendingServers()) {
     *         chat.reply("Connect " + server + ": " + session.authorize(server, redirectUri).authorizeUrl());
     *     }
     * }
     * }</pre>
     *
     * @param timeout the deadline, positive and at most 10 minutes
     * @return the connections once ready
     * @throws NotConnectedError when the deadline passes with servers still pending (they are listed; when the server
     *     listed none, the session's servers are)
     * @throws ApiError when a poll fails (after the usual retries)
     */
    public SessionConnections waitForConnections(Duration timeout) {
        return wait.blocking(timeout);
    }

    /**
     * {@link #waitForConnections(Duration)} without holding a thread; cancelling the future stops the polling and
     * cancels the poll in flight.
     *
     * @param timeout the deadline
     * @return a future of the connections once ready, failed with {@link NotConnectedError} at the deadline
     */
    public CompletableFuture<SessionConnections> waitForConnectionsAsync(Duration timeout) {
        return wait.async(timeout);
    }

    /**
     * Creates a Connect Link for the session's user to connect their account at a provider
     * ({@code POST /v1/connect/start}). The link belongs to the user the server recorded for this session
     * ({@link #getUserId()}).
     *
     * <pre>{@code
     * ConnectLink link = session.authorize("asaas", "https://app.example.com/connected");
     * chat.reply("Connect your Asaas account: " + link.authorizeUrl());
     * }</pre>
     *
     * @param serverId the server to connect, e.g. {@code asaas}
     * @param redirectUri where the provider sends the user back
     * @return the link
     * @throws dev.codespar.errors.InvalidRequestError when an argument is blank (no network call)
     * @throws ApiError when the call fails
     */
    public ConnectLink authorize(String serverId, String redirectUri) {
        return authorize(serverId, redirectUri, null);
    }

    /**
     * {@link #authorize(String, String)} asking for specific OAuth scopes.
     *
     * @param serverId the server to connect
     * @param redirectUri where the provider sends the user back
     * @param scopes the scopes, as the provider spells them (one string), or {@code null}
     * @return the link
     */
    public ConnectLink authorize(String serverId, String redirectUri, String scopes) {
        return calls.authorize(serverId, redirectUri, scopes).execute();
    }

    /** {@link #authorize(String, String)} without blocking. */
    public CompletableFuture<ConnectLink> authorizeAsync(String serverId, String redirectUri) {
        return authorizeAsync(serverId, redirectUri, null);
    }

    /** {@link #authorize(String, String, String)} without blocking. */
    public CompletableFuture<ConnectLink> authorizeAsync(String serverId, String redirectUri, String scopes) {
        return calls.authorize(serverId, redirectUri, scopes).executeAsync();
    }

    /**
     * Where an MCP client reaches this session's tools: {@code <base>/v1/sessions/<id>/mcp} and the headers to send
     * (the bearer key, and the project when the session has one). No network call. The headers contain the API key:
     * give them only to the MCP client; {@link McpEndpoint#toString()} redacts it.
     *
     * @return the endpoint
     */
    public McpEndpoint mcp() {
        return McpEndpoint.of(client.context().transport().baseUrl(), id, client.context().apiKey(), projectId);
    }

    // ---------------------------------------------------------------- settlement status

    /**
     * What became of this session's tool calls that settle later: payment and verification status, once or as a
     * stream ({@code /v1/tool-calls/{id}/...}).
     *
     * @return the tool calls view
     */
    public ToolCalls toolCalls() {
        return new ToolCalls(calls, client.context().statusStreamIdleTimeout());
    }

    // ---------------------------------------------------------------- close

    /**
     * Closes the session on the server ({@code DELETE /v1/sessions/{id}}), best effort like the official SDKs: it
     * never throws, so it is safe in {@code try}-with-resources and {@code finally} blocks. A session already gone
     * (404) counts as closed; any other failure (after the usual retries of a {@code DELETE}) is logged at WARN with
     * its request id, and the session expires on its own after 30 minutes of inactivity. Use {@link #closeAsync()}
     * to observe the outcome. Idempotent once it has succeeded; {@link #getStatus()} stays the snapshot.
     */
    @Override
    public void close() {
        if (closed.get()) {
            return;
        }
        try {
            calls.close().execute();
            closed.set(true);
        } catch (NotFoundError gone) {
            closed.set(true);
            LOG.debug("session {} was already closed or expired (request_id={})", id, gone.getRequestId());
        } catch (RuntimeException e) {
            LOG.warn("closing session {} failed; it will expire on its own: {}", id, e.getMessage());
        }
    }

    /**
     * Closes without blocking, and reports the outcome: completes normally when the session is closed (or was
     * already gone), exceptionally with the {@link ApiError} otherwise.
     *
     * @return a future completed when the server has answered
     */
    public CompletableFuture<Void> closeAsync() {
        if (closed.get()) {
            return CompletableFuture.completedFuture(null);
        }
        return ChainedFuture.handle(calls.close().executeAsync(), (ok, error) -> {
            if (error == null || error instanceof NotFoundError) {
                closed.set(true);
                return CompletableFuture.completedFuture(null);
            }
            return CompletableFuture.failedFuture(error);
        });
    }

    @Override
    public String toString() {
        return "Session{id=" + id + ", userId=" + userId + ", servers=" + servers + ", status=" + status
                + ", projectId=" + projectId + "}";
    }
}
