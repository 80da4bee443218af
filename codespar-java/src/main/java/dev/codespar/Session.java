package dev.codespar;

import dev.codespar.internal.http.ChainedFuture;
import dev.codespar.internal.json.JsonFields;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.errors.ApiError;
import dev.codespar.errors.NotConnectedError;
import dev.codespar.errors.NotFoundError;
import dev.codespar.internal.http.ApiRequest;
import dev.codespar.internal.http.HttpTransport;
import dev.codespar.internal.http.JsonAnswer;
import dev.codespar.internal.http.JsonReaders;
import dev.codespar.internal.http.Timing;
import dev.codespar.internal.json.Json;
import dev.codespar.internal.sse.SseEventSource;
import dev.codespar.internal.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open CodeSpar session: the servers a user's agent can call tools on. Created by
 * {@link CodeSparClient#create(String, SessionConfig)}; thread-safe; {@link AutoCloseable}.
 *
 * <pre>{@code
 * try (Session session = client.create("user_123", SessionConfig.builder().servers("asaas").build())) {
 *     ToolResult r = session.execute("codespar_pay", Map.of("amount", 1000, "currency", "BRL"));
 * }
 * }</pre>
 *
 * <p>What a session does, each with an {@code ...Async} twin returning a {@link CompletableFuture} that completes
 * on OkHttp's dispatcher thread and cancels its HTTP call when cancelled:
 *
 * <ul>
 *   <li>Tools: {@link #execute}, the typed meta-tools ({@link #charge}, {@link #ship}, {@link #ledger},
 *       {@link #issue}, {@link #shop}, {@link #discover}, {@link #connectionWizard}) and the raw provider passthrough
 *       {@link #proxyExecute}.
 *   <li>The agent: {@link #send} (one JSON answer) and {@link #sendStream} (server-sent events).
 *   <li>Connections: {@link #connections}, {@link #waitForConnections}, Connect Links ({@link #authorize}) and the
 *       MCP endpoint ({@link #mcp}).
 *   <li>Asynchronous settlement: {@link #paymentStatus}, {@link #verificationStatus} and their streams.
 * </ul>
 *
 * <p>Every request of a session carries the session's project ({@code x-codespar-project}) when one was resolved
 * (the session's own, else the client's). Failed calls throw the {@link ApiError} subclass of the answer; streams
 * throw {@link dev.codespar.errors.StreamError} once started.
 */
public final class Session implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Session.class);
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    private static final Duration MAX_WAIT = Duration.ofMinutes(10);

    private final CodeSparClient client;
    private final String id;
    private final String userId;
    private final List<String> servers;
    private final SessionStatus status;
    private final Instant createdAt;
    private final String projectId;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The latest connections answer this session saw: its own state of which servers are pending. */
    private volatile SessionConnections lastConnections;

    private Session(CodeSparClient client, String id, String userId, List<String> servers, SessionStatus status,
            Instant createdAt, String projectId) {
        this.client = client;
        this.id = id;
        this.userId = userId;
        this.servers = servers;
        this.status = status;
        this.createdAt = createdAt;
        this.projectId = projectId;
    }

    /**
     * The session of a create answer. What the answer leaves out falls back to what was asked for: the open-source
     * runtime answers only {@code {id, status}}.
     */
    static Session fromCreate(CodeSparClient client, JsonAnswer answer, String requestedUserId,
            List<String> requestedServers, String projectId) {
        JsonNode json = answer.json();
        String id = JsonReaders.requireText(answer, json, "id");
        Instant createdAt = JsonFields.instant(json, "created_at");
        JsonNode servers = json.get("servers");
        return new Session(client, id,
                JsonFields.textOr(json, "user_id", requestedUserId),
                servers != null && servers.isArray() ? JsonFields.ids(servers) : List.copyOf(requestedServers),
                SessionStatus.parse(JsonFields.text(json, "status")),
                createdAt != null ? createdAt : Instant.now(),
                projectId);
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
     * The user the session belongs to, as the server recorded it (falls back to the id passed to {@code create}).
     *
     * @return the user id
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
     * The status reported when the session was created (a snapshot, not refreshed).
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

    // ---------------------------------------------------------------- tools

    /**
     * Calls a tool. {@code POST /v1/sessions/{id}/execute} with {@code {"tool": ..., "input": ...}}.
     *
     * <pre>{@code
     * ToolResult r = session.execute("codespar_pay",
     *         Map.of("action", "pay", "amount", 1000, "currency", "BRL", "method", "pix"));
     * }</pre>
     *
     * <p>A tool-level failure comes back as a result with {@code success == false} (its §4.4 code, if any, in
     * {@link ToolResult#code()}); an HTTP failure is thrown. A {@code POST} is never re-sent after it may have
     * reached the server, unless the retry policy says it is safe.
     *
     * <p>One tool-level failure is thrown instead, where this session's own state says why: when the server answers
     * that a {@code server/tool} name's server is not there (the runtime bridge's {@code mcp.unknown_server}, or
     * {@code Tool not registered: <name>}) and that server is not among the session's servers
     * ({@link #getServers()}), or the latest {@link #connections()} answer listed it as not connected, this method
     * throws {@link NotConnectedError} naming it, with the request id and the failed result's fields. Otherwise (the
     * server is there and connected, or its state is unknown) the failed result is returned as it came: the cause is
     * not the connection. {@code Tool not registered} for a meta-tool ({@code codespar_*}) means the deployment does
     * not implement the tool; it stays a failed result.
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
        return client.transport().execute(executeRequest(tool, input), toolResultReader(tool));
    }

    /**
     * Non-blocking twin of {@link #execute(String, Map)}.
     *
     * @param tool the tool name
     * @param input the tool's arguments
     * @return a future of the result; validation errors complete it exceptionally
     */
    public CompletableFuture<ToolResult> executeAsync(String tool, Map<String, ?> input) {
        return async(() -> executeRequest(tool, input), toolResultReader(tool));
    }

    private ApiRequest executeRequest(String tool, Object input) {
        ExecuteBody body = new ExecuteBody(tool, input);
        Validation.check(body, "execute request", body.satisfiesConstraints());
        checkToolName(tool);
        return ApiRequest.post(body, "sessions", id, "execute").withProject(projectId);
    }

    /**
     * A name with a {@code /} is {@code server/tool[/more]}: every part must be there, or the server reads another
     * name than the caller meant (the runtime answers {@code asaas/} with "Tool not registered").
     */
    private static void checkToolName(String tool) {
        if (tool.indexOf('/') < 0) {
            return;
        }
        for (String part : tool.split("/", -1)) {
            if (part.isBlank()) {
                throw Validation.invalid("tool: \"" + tool + "\" is not a server/tool name: every part around a '/'"
                        + " must be non-blank, e.g. asaas/create_payment");
            }
        }
    }

    private HttpTransport.ResponseReader<ToolResult> toolResultReader(String tool) {
        return JsonReaders.answer().map(answer -> notConnectedCheck(ToolResult.fromAnswer(answer, tool), answer,
                tool));
    }

    /**
     * Throws {@link NotConnectedError} for a "server not there" failure when this session's own state agrees: the
     * server is not among its servers, or its latest connections answer has it pending (see {@link #execute}).
     */
    private ToolResult notConnectedCheck(ToolResult result, JsonAnswer answer, String tool) {
        String error = result.error();
        int slash = tool.indexOf('/');
        if (result.success() || error == null || slash < 0
                || !(error.startsWith("mcp.unknown_server") || error.startsWith("Tool not registered:"))) {
            return result;
        }
        String server = tool.substring(0, slash);
        String why;
        if (!servers.isEmpty() && !servers.contains(server)) {
            why = "server " + server + " is not among this session's servers " + servers
                    + "; create a session that includes it";
        } else {
            SessionConnections seen = lastConnections;
            if (seen == null || !seen.pendingServers().contains(server)) {
                return result;
            }
            why = "server " + server + " is not connected yet (the latest connections() answer lists it as pending)"
                    + "; the user must connect it first (a connect link: session.authorize(server, redirectUri),"
                    + " where the API offers them), then call the tool again";
        }
        throw new NotConnectedError("tool " + tool + " failed with \"" + error + "\": " + why
                + (result.requestId() == null ? "" : " [request_id=" + result.requestId() + "]"),
                new NotConnectedError.Details(id, List.of(server), result.requestId(), tool, result.toolCallId(),
                        error, answer.json()));
    }

    /**
     * Calls a provider's HTTP API directly, with the credentials CodeSpar holds for the user
     * ({@code POST /v1/sessions/{id}/proxy_execute}). A provider error is a result with its status; only a CodeSpar
     * failure is thrown.
     *
     * <pre>{@code
     * ProxyResult r = session.proxyExecute(ProxyRequest.builder("asaas", ProxyRequest.Method.GET, "/v3/payments")
     *         .param("limit", 10)
     *         .build());
     * }</pre>
     *
     * @param request the call
     * @return the provider's answer
     * @throws dev.codespar.errors.InvalidRequestError when the request is incomplete (no network call)
     * @throws ApiError when CodeSpar refuses or fails
     */
    public ProxyResult proxyExecute(ProxyRequest request) {
        return client.transport().execute(proxyRequest(request), proxyReader());
    }

    /**
     * Non-blocking twin of {@link #proxyExecute(ProxyRequest)}.
     *
     * @param request the call
     * @return a future of the provider's answer
     */
    public CompletableFuture<ProxyResult> proxyExecuteAsync(ProxyRequest request) {
        return async(() -> proxyRequest(request), proxyReader());
    }

    private ApiRequest proxyRequest(ProxyRequest request) {
        Validation.check(request, "request");
        return ApiRequest.post(request, "sessions", id, "proxy_execute").withProject(projectId);
    }

    private static HttpTransport.ResponseReader<ProxyResult> proxyReader() {
        return JsonReaders.answer().map(answer -> {
            // the provider's status is the whole point of a proxy answer: without it, nothing can be said
            if (!answer.json().path("status").isInt()) {
                throw JsonReaders.missingField(answer, "status");
            }
            return ProxyResult.fromJson(answer.json(), answer.requestId());
        });
    }

    // ---------------------------------------------------------------- typed meta-tools

    /**
     * Creates an inbound charge, the buyer paying the merchant ({@code codespar_charge}; amount in major units).
     * Follow the settlement with {@link #paymentStatusStream(String)} and the result's {@code toolCallId()}.
     *
     * <pre>{@code
     * TypedToolResult<ChargeResult> r = session.charge(ChargeRequest.pix(new BigDecimal("125.00"), "BRL",
     *         "Order 42", ChargeRequest.Buyer.named("Ana Souza")));
     * String pix = r.output().map(ChargeResult::pixCopyPaste).orElse(null);
     * }</pre>
     *
     * @param request the charge
     * @return the result: the typed charge when the tool succeeded, the full {@link ToolResult} either way
     * @throws dev.codespar.errors.InvalidRequestError when the request is incomplete (no network call)
     * @throws ApiError when the call fails (see {@link #execute})
     */
    public TypedToolResult<ChargeResult> charge(ChargeRequest request) {
        return typed("codespar_charge", request, null, ChargeResult.class);
    }

    /**
     * Non-blocking twin of {@link #charge(ChargeRequest)}.
     *
     * @param request the charge
     * @return a future of the result
     */
    public CompletableFuture<TypedToolResult<ChargeResult>> chargeAsync(ChargeRequest request) {
        return typedAsync("codespar_charge", request, null, ChargeResult.class);
    }

    /**
     * Quotes, labels or tracks a shipment ({@code codespar_ship}).
     *
     * @param request the shipping request
     * @return the result
     * @throws dev.codespar.errors.InvalidRequestError when the request lacks what its action needs (no network call)
     * @throws ApiError when the call fails
     */
    public TypedToolResult<ShipResult> ship(ShipRequest request) {
        return typed("codespar_ship", request, ShipRequest::check, ShipResult.class);
    }

    /**
     * Non-blocking twin of {@link #ship(ShipRequest)}.
     *
     * @param request the shipping request
     * @return a future of the result
     */
    public CompletableFuture<TypedToolResult<ShipResult>> shipAsync(ShipRequest request) {
        return typedAsync("codespar_ship", request, ShipRequest::check, ShipResult.class);
    }

    /**
     * Posts to or reads the double-entry ledger ({@code codespar_ledger}; minor units).
     *
     * @param request the ledger operation
     * @return the result
     * @throws dev.codespar.errors.InvalidRequestError when the request lacks what its action needs (no network call)
     * @throws ApiError when the call fails
     */
    public TypedToolResult<LedgerResult> ledger(LedgerRequest request) {
        return typed("codespar_ledger", request, LedgerRequest::check, LedgerResult.class);
    }

    /**
     * Non-blocking twin of {@link #ledger(LedgerRequest)}.
     *
     * @param request the ledger operation
     * @return a future of the result
     */
    public CompletableFuture<TypedToolResult<LedgerResult>> ledgerAsync(LedgerRequest request) {
        return typedAsync("codespar_ledger", request, LedgerRequest::check, LedgerResult.class);
    }

    /**
     * Issues or controls a payment card ({@code codespar_issue}).
     *
     * @param request the card operation
     * @return the result
     * @throws dev.codespar.errors.InvalidRequestError when the request lacks what its action needs (no network call)
     * @throws ApiError when the call fails
     */
    public TypedToolResult<IssueResult> issue(IssueRequest request) {
        return typed("codespar_issue", request, IssueRequest::check, IssueResult.class);
    }

    /**
     * Non-blocking twin of {@link #issue(IssueRequest)}.
     *
     * @param request the card operation
     * @return a future of the result
     */
    public CompletableFuture<TypedToolResult<IssueResult>> issueAsync(IssueRequest request) {
        return typedAsync("codespar_issue", request, IssueRequest::check, IssueResult.class);
    }

    /**
     * Searches a catalog, starts a checkout, or polls one ({@code codespar_shop}).
     *
     * @param request the shopping step
     * @return the result
     * @throws dev.codespar.errors.InvalidRequestError when the request lacks what its action needs, e.g. a checkout
     *     with both items and a URL (no network call)
     * @throws ApiError when the call fails
     */
    public TypedToolResult<ShopResult> shop(ShopRequest request) {
        return typed("codespar_shop", request, ShopRequest::check, ShopResult.class);
    }

    /**
     * Non-blocking twin of {@link #shop(ShopRequest)}.
     *
     * @param request the shopping step
     * @return a future of the result
     */
    public CompletableFuture<TypedToolResult<ShopResult>> shopAsync(ShopRequest request) {
        return typedAsync("codespar_shop", request, ShopRequest::check, ShopResult.class);
    }

    /**
     * Finds the tool that fits a use case ({@code codespar_discover}).
     *
     * <pre>{@code
     * session.discover("emitir NFS-e").output()
     *         .map(DiscoverResult::recommended)
     *         .ifPresent(m -> System.out.println(m.serverId() + "/" + m.toolName()));
     * }</pre>
     *
     * @param useCase the task in plain words
     * @return the result
     * @throws ApiError when the call fails
     */
    public TypedToolResult<DiscoverResult> discover(String useCase) {
        return discover(DiscoverRequest.of(useCase));
    }

    /**
     * Finds the tool that fits a use case, with filters ({@code codespar_discover}).
     *
     * @param request the search
     * @return the result
     * @throws ApiError when the call fails
     */
    public TypedToolResult<DiscoverResult> discover(DiscoverRequest request) {
        return typed("codespar_discover", request, null, DiscoverResult.class);
    }

    /**
     * Non-blocking twin of {@link #discover(String)}.
     *
     * @param useCase the task in plain words
     * @return a future of the result
     */
    public CompletableFuture<TypedToolResult<DiscoverResult>> discoverAsync(String useCase) {
        return discoverAsync(DiscoverRequest.of(useCase));
    }

    /**
     * Non-blocking twin of {@link #discover(DiscoverRequest)}.
     *
     * @param request the search
     * @return a future of the result
     */
    public CompletableFuture<TypedToolResult<DiscoverResult>> discoverAsync(DiscoverRequest request) {
        return typedAsync("codespar_discover", request, null, DiscoverResult.class);
    }

    /**
     * Asks the connection wizard ({@code codespar_manage_connections}): every server's state, one server's, or the
     * steps and URL to connect one.
     *
     * @param request the question
     * @return the result
     * @throws ApiError when the call fails
     */
    public TypedToolResult<ConnectionWizardResult> connectionWizard(ConnectionWizardRequest request) {
        return typed("codespar_manage_connections", request, null, ConnectionWizardResult.class);
    }

    /**
     * Non-blocking twin of {@link #connectionWizard(ConnectionWizardRequest)}.
     *
     * @param request the question
     * @return a future of the result
     */
    public CompletableFuture<TypedToolResult<ConnectionWizardResult>> connectionWizardAsync(
            ConnectionWizardRequest request) {
        return typedAsync("codespar_manage_connections", request, null, ConnectionWizardResult.class);
    }

    private <I, O> TypedToolResult<O> typed(String tool, I request, Consumer<? super I> check, Class<O> type) {
        return client.transport().execute(typedRequest(tool, request, check), typedReader(tool, type));
    }

    private <I, O> CompletableFuture<TypedToolResult<O>> typedAsync(String tool, I request,
            Consumer<? super I> check, Class<O> type) {
        return async(() -> typedRequest(tool, request, check), typedReader(tool, type));
    }

    /** Validates the request (it is not null after that), runs its per-action check when it has one, builds it. */
    private <I> ApiRequest typedRequest(String tool, I request, Consumer<? super I> check) {
        Validation.check(request, "request");
        if (check != null) {
            check.accept(request);
        }
        return executeRequest(tool, request);
    }

    private <O> HttpTransport.ResponseReader<TypedToolResult<O>> typedReader(String tool, Class<O> type) {
        return toolResultReader(tool).map(result -> new TypedToolResult<>(result, output(result, type)));
    }

    /**
     * The typed output of a successful result. Data this SDK version cannot read is not an error (the tool did its
     * work; the result keeps the data): it is logged and the output is left empty.
     */
    private static <O> O output(ToolResult result, Class<O> type) {
        if (!result.success() || !result.data().isObject()) {
            return null;
        }
        try {
            return Json.convert(result.data(), type);
        } catch (IllegalArgumentException e) {
            LOG.warn("{} succeeded but its data does not fit {}; read result().data() instead (request_id={}): {}",
                    result.tool(), type.getSimpleName(), result.requestId(), e.getMessage());
            return null;
        }
    }

    // ---------------------------------------------------------------- the agent

    /**
     * Sends a natural-language message to the session's agent and waits for its full answer
     * ({@code POST /v1/sessions/{id}/send}, {@code Accept: application/json}).
     *
     * <pre>{@code
     * SendResult r = session.send("Charge R$10 from ana@example.com via Pix");
     * System.out.println(r.message());
     * r.toolCalls().forEach(call -> System.out.println(call.toolName() + " " + call.status()));
     * }</pre>
     *
     * @param message the message, not blank
     * @return the agent's reply and the tools it called
     * @throws dev.codespar.errors.InvalidRequestError when the message is blank (no network call)
     * @throws ApiError when the call fails
     */
    public SendResult send(String message) {
        return client.transport().execute(sendRequest(message), sendReader());
    }

    /**
     * Non-blocking twin of {@link #send(String)}.
     *
     * @param message the message
     * @return a future of the reply
     */
    public CompletableFuture<SendResult> sendAsync(String message) {
        return async(() -> sendRequest(message), sendReader());
    }

    /**
     * Sends a message and streams the agent's reply as it is produced ({@code POST /v1/sessions/{id}/send},
     * {@code Accept: text/event-stream}), with the client's send-stream idle timeout (default 5 minutes).
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
        return sendStream(message, client.sendStreamIdleTimeout());
    }

    /**
     * Like {@link #sendStream(String)}, with an idle timeout for this call: the stream fails with a
     * {@link dev.codespar.errors.StreamError} when no byte arrives for that long.
     *
     * @param message the message, not blank
     * @param idleTimeout the longest silence tolerated, positive
     * @return the open stream
     */
    public EventStream<StreamEvent> sendStream(String message, Duration idleTimeout) {
        checkIdle(idleTimeout);
        return openStream(sendRequest(message), idleTimeout, new SendStreamDecoder());
    }

    /**
     * Non-blocking twin of {@link #sendStream(String)}: completes once the stream's answer has arrived; iterating
     * the stream then blocks the iterating thread.
     *
     * @param message the message
     * @return a future of the open stream
     */
    public CompletableFuture<EventStream<StreamEvent>> sendStreamAsync(String message) {
        return sendStreamAsync(message, client.sendStreamIdleTimeout());
    }

    /**
     * Non-blocking twin of {@link #sendStream(String, Duration)}.
     *
     * @param message the message
     * @param idleTimeout the longest silence tolerated
     * @return a future of the open stream
     */
    public CompletableFuture<EventStream<StreamEvent>> sendStreamAsync(String message, Duration idleTimeout) {
        return openStreamAsync(() -> {
            checkIdle(idleTimeout);
            return sendRequest(message);
        }, idleTimeout, new SendStreamDecoder());
    }

    private ApiRequest sendRequest(String message) {
        SendBody body = new SendBody(message);
        Validation.check(body, "message", body.satisfiesConstraints());
        return ApiRequest.post(body, "sessions", id, "send").withProject(projectId);
    }

    private static HttpTransport.ResponseReader<SendResult> sendReader() {
        return JsonReaders.answer().map(answer -> {
            if (!answer.json().path("message").isTextual() && !answer.json().path("tool_calls").isArray()) {
                throw JsonReaders.missingField(answer, "message");
            }
            return SendResult.fromJson(answer.json(), answer.requestId());
        });
    }

    // ---------------------------------------------------------------- connections

    /**
     * The session's servers with their connection state, and the tools it can call
     * ({@code GET /v1/sessions/{id}/connections}). Unlike the official SDKs, a failure is thrown rather than
     * answered with a stale or empty list.
     *
     * @return the connections
     * @throws ApiError when the call fails
     */
    public SessionConnections connections() {
        return client.transport().execute(connectionsRequest(), connectionsReader());
    }

    /**
     * Non-blocking twin of {@link #connections()}.
     *
     * @return a future of the connections
     */
    public CompletableFuture<SessionConnections> connectionsAsync() {
        return client.transport().executeAsync(connectionsRequest(), connectionsReader());
    }

    private ApiRequest connectionsRequest() {
        return ApiRequest.get("sessions", id, "connections").withProject(projectId);
    }

    private HttpTransport.ResponseReader<SessionConnections> connectionsReader() {
        return JsonReaders.answer().map(answer -> {
            JsonNode json = answer.json();
            if (!json.path("servers").isArray() && !json.path("data").isArray()) {
                throw JsonReaders.missingField(answer, "servers");
            }
            SessionConnections connections = SessionConnections.fromJson(json, answer.requestId(), id, servers);
            lastConnections = connections;
            return connections;
        });
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
        checkWait(timeout, "timeout");
        Timing timing = client.transport().timing();
        long deadline = timing.nowMillis() + timeout.toMillis();
        while (true) {
            SessionConnections connections = connections();
            if (connections.isReady()) {
                return connections;
            }
            long remaining = deadline - timing.nowMillis();
            if (remaining <= 0) {
                throw notConnected(connections, timeout);
            }
            try {
                client.transport().pause(Duration.ofMillis(Math.min(POLL_INTERVAL.toMillis(), remaining)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw notConnected(connections, timeout);
            }
        }
    }

    /**
     * Non-blocking twin of {@link #waitForConnections(Duration)}: polls without holding a thread; cancelling the
     * future stops the polling and cancels the poll in flight.
     *
     * @param timeout the deadline
     * @return a future of the connections once ready, failed with {@link NotConnectedError} at the deadline
     */
    public CompletableFuture<SessionConnections> waitForConnectionsAsync(Duration timeout) {
        try {
            checkWait(timeout, "timeout");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        ChainedFuture<SessionConnections> chain = new ChainedFuture<>();
        Timing timing = client.transport().timing();
        poll(chain, timing, timing.nowMillis() + timeout.toMillis(), timeout);
        return chain;
    }

    private void poll(ChainedFuture<SessionConnections> chain, Timing timing, long deadline, Duration timeout) {
        if (chain.isDone()) {
            return;
        }
        CompletableFuture<SessionConnections> step = connectionsAsync();
        chain.track(step);
        step.whenComplete((connections, error) -> {
            if (error != null) {
                chain.completeExceptionally(ChainedFuture.unwrap(error));
            } else if (connections.isReady()) {
                chain.complete(connections);
            } else {
                long remaining = deadline - timing.nowMillis();
                if (remaining <= 0) {
                    chain.completeExceptionally(notConnected(connections, timeout));
                } else {
                    timing.after(Duration.ofMillis(Math.min(POLL_INTERVAL.toMillis(), remaining)))
                            .execute(() -> poll(chain, timing, deadline, timeout));
                }
            }
        });
    }

    private NotConnectedError notConnected(SessionConnections connections, Duration timeout) {
        List<String> pending = connections.servers().isEmpty() ? servers : connections.pendingServers();
        return new NotConnectedError("session " + id + ": " + (connections.servers().isEmpty()
                ? "the server listed no connections" : pending.size() + " of " + connections.servers().size()
                        + " servers not connected")
                + " after " + timeout.toMillis() + " ms: " + pending
                + "; send the user a connect link (session.authorize(server, redirectUri)) and wait again, or close"
                + " the session", new NotConnectedError.Details(id, pending, connections.requestId(), null, null, null,
                        null));
    }

    /** The bound of every wait for connections ({@code waitForConnections}, and {@code create}'s). */
    static void checkWait(Duration timeout, String field) {
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_WAIT) > 0) {
            throw Validation.invalid(field + ": must be positive and at most 10 minutes, got " + timeout);
        }
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
     * Creates a Connect Link asking for specific OAuth scopes.
     *
     * @param serverId the server to connect
     * @param redirectUri where the provider sends the user back
     * @param scopes the scopes, as the provider spells them (one string), or {@code null}
     * @return the link
     * @throws dev.codespar.errors.InvalidRequestError when an argument is blank (no network call)
     * @throws ApiError when the call fails
     */
    public ConnectLink authorize(String serverId, String redirectUri, String scopes) {
        return client.transport().execute(authorizeRequest(serverId, redirectUri, scopes), authorizeReader());
    }

    /**
     * Non-blocking twin of {@link #authorize(String, String)}.
     *
     * @param serverId the server to connect
     * @param redirectUri where the provider sends the user back
     * @return a future of the link
     */
    public CompletableFuture<ConnectLink> authorizeAsync(String serverId, String redirectUri) {
        return authorizeAsync(serverId, redirectUri, null);
    }

    /**
     * Non-blocking twin of {@link #authorize(String, String, String)}.
     *
     * @param serverId the server to connect
     * @param redirectUri where the provider sends the user back
     * @param scopes the scopes, or {@code null}
     * @return a future of the link
     */
    public CompletableFuture<ConnectLink> authorizeAsync(String serverId, String redirectUri, String scopes) {
        return async(() -> authorizeRequest(serverId, redirectUri, scopes), authorizeReader());
    }

    private ApiRequest authorizeRequest(String serverId, String redirectUri, String scopes) {
        ConnectStartBody body = new ConnectStartBody(serverId, userId, redirectUri, scopes);
        Validation.check(body, "authorize request");
        return ApiRequest.post(body, "connect", "start").withProject(projectId);
    }

    private static HttpTransport.ResponseReader<ConnectLink> authorizeReader() {
        return JsonReaders.answer().map(answer -> {
            JsonNode json = answer.json();
            String token = JsonReaders.requireText(answer, json, "link_token");
            String url = JsonReaders.requireText(answer, json, "authorize_url");
            return new ConnectLink(token, url, JsonFields.instant(json, "expires_at"), answer.requestId());
        });
    }

    /**
     * Where an MCP client reaches this session's tools: {@code <base>/v1/sessions/<id>/mcp} and the headers to send
     * (the bearer key, and the project when the session has one). No network call. The headers contain the API key:
     * give them only to the MCP client; {@link McpEndpoint#toString()} redacts it.
     *
     * @return the endpoint
     */
    public McpEndpoint mcp() {
        HttpUrl url = client.transport().baseUrl().newBuilder()
                .addPathSegment("v1").addPathSegment("sessions").addPathSegment(id).addPathSegment("mcp")
                .build();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + client.apiKey());
        if (projectId != null) {
            headers.put("x-codespar-project", projectId);
        }
        return new McpEndpoint(url.toString(), headers);
    }

    // ---------------------------------------------------------------- settlement status

    /**
     * The latest known settlement state of a payment a tool call started
     * ({@code GET /v1/tool-calls/{toolCallId}/payment-status}).
     *
     * @param toolCallId the {@link ToolResult#toolCallId()} of the charge or payment
     * @return the state
     * @throws dev.codespar.errors.InvalidRequestError when the id is blank (no network call)
     * @throws ApiError when the call fails (404 for an unknown tool call)
     */
    public PaymentStatusResult paymentStatus(String toolCallId) {
        return client.transport().execute(statusRequest(toolCallId, "payment-status", false),
                paymentReader(toolCallId));
    }

    /**
     * Non-blocking twin of {@link #paymentStatus(String)}.
     *
     * @param toolCallId the tool call id
     * @return a future of the state
     */
    public CompletableFuture<PaymentStatusResult> paymentStatusAsync(String toolCallId) {
        return async(() -> statusRequest(toolCallId, "payment-status", false), paymentReader(toolCallId));
    }

    /**
     * Follows a payment's settlement as it happens
     * ({@code GET /v1/tool-calls/{toolCallId}/payment-status/stream}): a snapshot first, an update on each change,
     * then {@code done} (about 5 s after a terminal state), with the client's status-stream idle timeout (default
     * 45 s; the server sends a heartbeat every 15 s).
     *
     * <pre>{@code
     * try (EventStream<StatusEvent<PaymentStatusResult>> events = session.paymentStatusStream(toolCallId)) {
     *     for (StatusEvent<PaymentStatusResult> e : events) {
     *         e.status().filter(PaymentStatusResult::isTerminal)
     *                 .ifPresent(s -> System.out.println("settled: " + s.paymentStatus()));
     *     }
     * }
     * }</pre>
     *
     * @param toolCallId the tool call id
     * @return the open stream; close it
     * @throws ApiError when the stream cannot be opened
     */
    public EventStream<StatusEvent<PaymentStatusResult>> paymentStatusStream(String toolCallId) {
        return paymentStatusStream(toolCallId, client.statusStreamIdleTimeout());
    }

    /**
     * Like {@link #paymentStatusStream(String)}, with an idle timeout for this call.
     *
     * @param toolCallId the tool call id
     * @param idleTimeout the longest silence tolerated, positive
     * @return the open stream
     */
    public EventStream<StatusEvent<PaymentStatusResult>> paymentStatusStream(String toolCallId,
            Duration idleTimeout) {
        checkIdle(idleTimeout);
        return openStream(statusRequest(toolCallId, "payment-status", true), idleTimeout, paymentDecoder(toolCallId));
    }

    /**
     * Non-blocking twin of {@link #paymentStatusStream(String)}.
     *
     * @param toolCallId the tool call id
     * @return a future of the open stream
     */
    public CompletableFuture<EventStream<StatusEvent<PaymentStatusResult>>> paymentStatusStreamAsync(
            String toolCallId) {
        return paymentStatusStreamAsync(toolCallId, client.statusStreamIdleTimeout());
    }

    /**
     * Non-blocking twin of {@link #paymentStatusStream(String, Duration)}.
     *
     * @param toolCallId the tool call id
     * @param idleTimeout the longest silence tolerated
     * @return a future of the open stream
     */
    public CompletableFuture<EventStream<StatusEvent<PaymentStatusResult>>> paymentStatusStreamAsync(
            String toolCallId, Duration idleTimeout) {
        return openStreamAsync(() -> {
            checkIdle(idleTimeout);
            return statusRequest(toolCallId, "payment-status", true);
        }, idleTimeout, paymentDecoder(toolCallId));
    }

    /**
     * The latest known disposition of a KYC verification a {@code codespar_kyc} call started
     * ({@code GET /v1/tool-calls/{toolCallId}/verification-status}).
     *
     * @param toolCallId the {@link ToolResult#toolCallId()} of the KYC call
     * @return the disposition
     * @throws dev.codespar.errors.InvalidRequestError when the id is blank (no network call)
     * @throws ApiError when the call fails
     */
    public VerificationStatusResult verificationStatus(String toolCallId) {
        return client.transport().execute(statusRequest(toolCallId, "verification-status", false),
                verificationReader(toolCallId));
    }

    /**
     * Non-blocking twin of {@link #verificationStatus(String)}.
     *
     * @param toolCallId the tool call id
     * @return a future of the disposition
     */
    public CompletableFuture<VerificationStatusResult> verificationStatusAsync(String toolCallId) {
        return async(() -> statusRequest(toolCallId, "verification-status", false), verificationReader(toolCallId));
    }

    /**
     * Follows a KYC verification as it happens
     * ({@code GET /v1/tool-calls/{toolCallId}/verification-status/stream}); same lifecycle and idle timeout as
     * {@link #paymentStatusStream(String)}.
     *
     * @param toolCallId the tool call id
     * @return the open stream; close it
     * @throws ApiError when the stream cannot be opened
     */
    public EventStream<StatusEvent<VerificationStatusResult>> verificationStatusStream(String toolCallId) {
        return verificationStatusStream(toolCallId, client.statusStreamIdleTimeout());
    }

    /**
     * Like {@link #verificationStatusStream(String)}, with an idle timeout for this call.
     *
     * @param toolCallId the tool call id
     * @param idleTimeout the longest silence tolerated, positive
     * @return the open stream
     */
    public EventStream<StatusEvent<VerificationStatusResult>> verificationStatusStream(String toolCallId,
            Duration idleTimeout) {
        checkIdle(idleTimeout);
        return openStream(statusRequest(toolCallId, "verification-status", true), idleTimeout,
                verificationDecoder(toolCallId));
    }

    /**
     * Non-blocking twin of {@link #verificationStatusStream(String)}.
     *
     * @param toolCallId the tool call id
     * @return a future of the open stream
     */
    public CompletableFuture<EventStream<StatusEvent<VerificationStatusResult>>> verificationStatusStreamAsync(
            String toolCallId) {
        return verificationStatusStreamAsync(toolCallId, client.statusStreamIdleTimeout());
    }

    /**
     * Non-blocking twin of {@link #verificationStatusStream(String, Duration)}.
     *
     * @param toolCallId the tool call id
     * @param idleTimeout the longest silence tolerated
     * @return a future of the open stream
     */
    public CompletableFuture<EventStream<StatusEvent<VerificationStatusResult>>> verificationStatusStreamAsync(
            String toolCallId, Duration idleTimeout) {
        return openStreamAsync(() -> {
            checkIdle(idleTimeout);
            return statusRequest(toolCallId, "verification-status", true);
        }, idleTimeout, verificationDecoder(toolCallId));
    }

    private ApiRequest statusRequest(String toolCallId, String kind, boolean stream) {
        if (toolCallId == null || toolCallId.isBlank()) {
            throw Validation.invalid("toolCallId: must not be blank (use ToolResult.toolCallId())");
        }
        ApiRequest request = stream ? ApiRequest.get("tool-calls", toolCallId, kind, "stream")
                : ApiRequest.get("tool-calls", toolCallId, kind);
        return request.withProject(projectId);
    }

    private static HttpTransport.ResponseReader<PaymentStatusResult> paymentReader(String toolCallId) {
        return JsonReaders.answer().map(a -> PaymentStatusResult.fromJson(a.json(), toolCallId, a.requestId()));
    }

    private static HttpTransport.ResponseReader<VerificationStatusResult> verificationReader(String toolCallId) {
        return JsonReaders.answer().map(a -> VerificationStatusResult.fromJson(a.json(), toolCallId, a.requestId()));
    }

    private static StatusStreamDecoder<PaymentStatusResult> paymentDecoder(String toolCallId) {
        return new StatusStreamDecoder<>(json -> PaymentStatusResult.fromJson(json, toolCallId, null));
    }

    private static StatusStreamDecoder<VerificationStatusResult> verificationDecoder(String toolCallId) {
        return new StatusStreamDecoder<>(json -> VerificationStatusResult.fromJson(json, toolCallId, null));
    }

    // ---------------------------------------------------------------- streams and plumbing

    private <T> EventStream<T> openStream(ApiRequest request, Duration idle, SseEventSource.Decoder<T> decoder) {
        ApiRequest sse = request.withAccept(ApiRequest.EVENT_STREAM);
        return client.transport().openStream(sse, idle, streamReader(sse, idle, decoder));
    }

    private <T> CompletableFuture<EventStream<T>> openStreamAsync(Supplier<ApiRequest> build, Duration idle,
            SseEventSource.Decoder<T> decoder) {
        return Calls.async(() -> build.get().withAccept(ApiRequest.EVENT_STREAM),
                sse -> client.transport().openStreamAsync(sse, idle, streamReader(sse, idle, decoder)));
    }

    private static <T> HttpTransport.ResponseReader<EventStream<T>> streamReader(ApiRequest request, Duration idle,
            SseEventSource.Decoder<T> decoder) {
        return (response, call) -> new EventStream<>(
                new SseEventSource<>(response, call, decoder, request.toString(), idle));
    }

    /** Builds (and so validates) the request, then sends it; see {@link Calls#async}. */
    private <T> CompletableFuture<T> async(Supplier<ApiRequest> build, HttpTransport.ResponseReader<T> reader) {
        return Calls.async(build, request -> client.transport().executeAsync(request, reader));
    }

    private static void checkIdle(Duration idleTimeout) {
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw Validation.invalid("idleTimeout: must be positive, got " + idleTimeout);
        }
    }

    // ---------------------------------------------------------------- close

    /**
     * Closes the session on the server ({@code DELETE /v1/sessions/{id}}), best effort like the official SDKs: it
     * never throws, so it is safe in {@code try}-with-resources and {@code finally} blocks. A session already gone
     * (404) counts as closed; any other failure (after the usual retries of a {@code DELETE}) is logged at WARN with
     * its request id, and the session expires on its own after 30 minutes of inactivity. Use {@link #closeAsync()}
     * to observe the outcome. Idempotent once it has succeeded; {@link #getStatus()} stays the snapshot taken at
     * creation, as in the official SDKs.
     */
    @Override
    public void close() {
        if (closed.get()) {
            return;
        }
        try {
            client.transport().execute(closeRequest(), JsonReaders.discard());
            closed.set(true);
        } catch (NotFoundError gone) {
            closed.set(true);
            LOG.debug("session {} was already closed or expired (request_id={})", id, gone.getRequestId());
        } catch (RuntimeException e) {
            LOG.warn("closing session {} failed; it will expire on its own: {}", id, e.getMessage());
        }
    }

    /**
     * Non-blocking close that reports the outcome: completes normally when the session is closed (or was already
     * gone), exceptionally with the {@link ApiError} otherwise.
     *
     * @return a future completed when the server has answered
     */
    public CompletableFuture<Void> closeAsync() {
        if (closed.get()) {
            return CompletableFuture.completedFuture(null);
        }
        return ChainedFuture.handle(client.transport().executeAsync(closeRequest(), JsonReaders.discard()),
                (ok, error) -> {
                    if (error == null || error instanceof NotFoundError) {
                        closed.set(true);
                        return CompletableFuture.completedFuture(null);
                    }
                    return CompletableFuture.failedFuture(error);
                });
    }

    private ApiRequest closeRequest() {
        return ApiRequest.delete("sessions", id).withProject(projectId);
    }

    @Override
    public String toString() {
        return "Session{id=" + id + ", userId=" + userId + ", servers=" + servers + ", status=" + status
                + ", projectId=" + projectId + "}";
    }

    /** The body of {@code execute}: {@code {"tool": ..., "input": ...}}; the input is a map or a typed request. */
    @JsonPropertyOrder({"tool", "input"})
    record ExecuteBody(
            @NotBlank @Size(max = 256) String tool,
            @NotNull(message = "must not be null; use Map.of() for a tool without arguments") Object input) {

        /** The constraints above, checked without the validator. */
        boolean satisfiesConstraints() {
            return Validation.notBlank(tool) && Validation.sizeAtMost(tool, 256) && input != null;
        }
    }

    /** The body of {@code send}: {@code {"message": ...}}. */
    record SendBody(@NotBlank String message) {

        /** The constraint above, checked without the validator. */
        boolean satisfiesConstraints() {
            return Validation.notBlank(message);
        }
    }

    /** The body of {@code POST /v1/connect/start}, in the TypeScript SDK's key order; {@code scopes} only when set. */
    @JsonPropertyOrder({"server_id", "user_id", "redirect_uri", "scopes"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ConnectStartBody(
            @JsonProperty("server_id") @NotBlank String serverId,
            @JsonProperty("user_id") @NotBlank String userId,
            @JsonProperty("redirect_uri") @NotBlank String redirectUri,
            @JsonProperty("scopes") String scopes) {}
}
