package dev.codespar.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;

/**
 * Everything the fake remembers, and the handlers of the API routes. Every method holds the one lock (this object);
 * nothing here blocks or does I/O, so the lock is never held long. Status streams subscribe here and do their
 * waiting outside the lock.
 */
final class FakeState {

    static final String ORG_ID = "org_fake";
    static final String DEFAULT_PROJECT = "prj_fake000000000000";
    static final Duration LINK_LIFETIME = Duration.ofMinutes(30);

    private static final Pattern PROJECT_ID = Pattern.compile("^prj_[A-Za-z0-9]{16}$");
    private static final Set<String> PROXY_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    /** What a new status-stream subscriber gets: the snapshot, whether it is final already, and its queue. */
    record Subscription(String snapshotFrame, boolean terminal, BlockingQueue<StreamSignal> queue) {}

    private final FakeConfig config;
    private final ToolEngine engine = new ToolEngine(this);
    private final Map<String, SessionRecord> sessions = new LinkedHashMap<>();
    private final Map<String, ToolCallRecord> toolCalls = new HashMap<>();
    private final Map<String, String> toolCallByProviderId = new HashMap<>();
    private final Map<String, ConnectLink> links = new HashMap<>();
    private final Map<String, ToolStub> stubs = new HashMap<>();
    private final Map<String, ProxyStub> proxyStubs = new HashMap<>();
    private final List<Injection> injections = new ArrayList<>();
    private final Set<String> requireConnection = new HashSet<>();
    private SendScript sendScript;
    private Duration offset = Duration.ZERO;
    private String baseUrl = "http://127.0.0.1";
    private ScheduledExecutorService settler;

    FakeState(FakeConfig config) {
        this.config = config;
        this.requireConnection.addAll(config.requireConnection());
    }

    FakeConfig config() {
        return config;
    }

    synchronized void baseUrl(String url) {
        this.baseUrl = url;
    }

    synchronized String baseUrl() {
        return baseUrl;
    }

    synchronized Instant now() {
        return config.clock().instant().plus(offset);
    }

    synchronized void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        offset = offset.plus(d);
    }

    // ---------------------------------------------------------------- programming

    synchronized ToolStub stub(String tool) {
        return stubs.computeIfAbsent(tool, ToolStub::new);
    }

    synchronized ToolStub stubFor(String tool) {
        return stubs.get(tool);
    }

    synchronized ProxyStub proxyStub(String server, String method, String endpoint) {
        return proxyStubs.computeIfAbsent(proxyKey(server, method, endpoint), k -> new ProxyStub());
    }

    synchronized SendScript newSendScript() {
        sendScript = new SendScript();
        return sendScript;
    }

    synchronized Injection register(Injection injection) {
        injections.add(injection);
        return injection;
    }

    synchronized void clearInjections() {
        injections.forEach(Injection::cancel);
        injections.clear();
    }

    synchronized Injection takeInjection(String method, String path, String tool) {
        for (Iterator<Injection> it = injections.iterator(); it.hasNext(); ) {
            Injection inj = it.next();
            if (inj.remaining() == 0) {
                it.remove();
            } else if (inj.take(method, path, tool)) {
                return inj;
            }
        }
        return null;
    }

    private Injection takeInjectionInsideSend(String tool) {
        for (Injection inj : injections) {
            if (inj.takeInsideSend(tool)) {
                return inj;
            }
        }
        return null;
    }

    synchronized void requireConnection(String... servers) {
        requireConnection.addAll(List.of(servers));
    }

    // ---------------------------------------------------------------- test controls

    synchronized void expire(String sessionId) {
        session(sessionId).expired = true;
    }

    synchronized void connect(String sessionId, String server) {
        SessionRecord s = session(sessionId);
        if (!s.connections.containsKey(server)) {
            throw new IllegalArgumentException("session " + sessionId + " has no server " + server + "; its servers: "
                    + s.servers);
        }
        s.connections.put(server, true);
    }

    synchronized void completeLink(String tokenOrUrl) {
        String token = tokenOrUrl.substring(tokenOrUrl.lastIndexOf('/') + 1);
        ConnectLink link = links.get(token);
        if (link == null) {
            throw new IllegalArgumentException("no connect link " + token);
        }
        complete(link);
    }

    synchronized void settle(String toolCallId, String status, ToolCallRecord.Kind view) {
        ToolCallRecord rec = toolCalls.get(toolCallId);
        if (rec == null) {
            throw new IllegalArgumentException("no tool call " + toolCallId + " (use the tool_call_id of a result)");
        }
        if (rec.kind != view) {
            throw new IllegalArgumentException("tool call " + toolCallId + " is a " + rec.tool + " call; "
                    + (view == ToolCallRecord.Kind.PAYMENT ? "payments settle codespar_pay and codespar_charge calls"
                            : "verifications settle codespar_kyc calls"));
        }
        rec.status = status;
        ObjectNode event = Wire.object();
        if (view == ToolCallRecord.Kind.PAYMENT) {
            event.put("event_type", "commerce.payment." + status);
            event.put("received_at", Wire.iso(now()));
            event.put("provider", rec.server);
            event.put("provider_action", providerAction(status));
            event.put("payment_id", rec.providerId);
        } else {
            event.put("event_type", "commerce.kyc." + status);
            event.put("received_at", Wire.iso(now()));
            event.put("provider", rec.server);
            event.put("verification_id", rec.providerId);
        }
        rec.events.add(event);
        StreamSignal signal = StreamSignal.update(frame("update", rec.envelope(view)), rec.isTerminal());
        for (BlockingQueue<StreamSignal> q : rec.subscribers) {
            q.offer(signal);
        }
    }

    private static String providerAction(String status) {
        switch (status) {
            case "succeeded":
                return "PAYMENT_RECEIVED";
            case "failed":
                return "PAYMENT_FAILED";
            case "refunded":
                return "PAYMENT_REFUNDED";
            default:
                return "PAYMENT_UPDATED";
        }
    }

    synchronized Optional<SessionInfo> info(String id) {
        SessionRecord s = sessions.get(id);
        return s == null ? Optional.empty() : Optional.of(s.info(s.status(now(), config.sessionIdleTimeout())));
    }

    synchronized List<SessionInfo> infos() {
        Instant now = now();
        return sessions.values().stream().map(s -> s.info(s.status(now, config.sessionIdleTimeout())))
                .collect(Collectors.toUnmodifiableList());
    }

    synchronized void reset() {
        stopStreams();
        sessions.clear();
        toolCalls.clear();
        toolCallByProviderId.clear();
        links.clear();
        stubs.clear();
        proxyStubs.clear();
        clearInjections();
        requireConnection.clear();
        requireConnection.addAll(config.requireConnection());
        sendScript = null;
        offset = Duration.ZERO;
    }

    /** Ends every open status stream (reset, shutdown). */
    synchronized void stopStreams() {
        for (ToolCallRecord rec : toolCalls.values()) {
            for (BlockingQueue<StreamSignal> q : rec.subscribers) {
                q.offer(StreamSignal.STOP);
            }
        }
    }

    synchronized void shutdown() {
        stopStreams();
        if (settler != null) {
            settler.shutdownNow();
        }
    }

    private SessionRecord session(String id) {
        SessionRecord s = sessions.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no session " + id + "; sessions: " + sessions.keySet());
        }
        return s;
    }

    // ---------------------------------------------------------------- status streams

    synchronized Subscription subscribe(String toolCallId, ToolCallRecord.Kind view) {
        ToolCallRecord rec = toolCalls.get(toolCallId);
        BlockingQueue<StreamSignal> queue = new LinkedBlockingQueue<>();
        if (rec == null) {
            // reset between the 200 decision and the head: answer an empty, final stream
            ObjectNode empty = Wire.object().put("tool_call_id", toolCallId);
            return new Subscription(frame("snapshot", empty), true, queue);
        }
        String snapshot = frame("snapshot", rec.envelope(view));
        boolean terminal = rec.kind != view || rec.isTerminal();
        if (!terminal) {
            rec.subscribers.add(queue);
        }
        return new Subscription(snapshot, terminal, queue);
    }

    synchronized void unsubscribe(String toolCallId, BlockingQueue<StreamSignal> queue) {
        ToolCallRecord rec = toolCalls.get(toolCallId);
        if (rec != null) {
            rec.subscribers.remove(queue);
        }
    }

    // ---------------------------------------------------------------- routes

    synchronized Answer createSession(Exchange ex, String apiKey) {
        JsonNode body = objectBody(ex);
        JsonNode serversNode = body.get("servers");
        if (serversNode == null || serversNode.isNull()) {
            throw invalid(ex, "Missing required field: servers");
        }
        if (!serversNode.isArray()) {
            throw invalid(ex, "servers must be an array of server ids");
        }
        if (serversNode.size() == 0) {
            throw invalid(ex, "servers must list at least 1 server");
        }
        if (serversNode.size() > 20) {
            throw invalid(ex, "servers must list at most 20 servers");
        }
        List<String> servers = new ArrayList<>();
        for (int i = 0; i < serversNode.size(); i++) {
            JsonNode s = serversNode.get(i);
            if (!s.isTextual() || s.asText().isBlank()) {
                throw invalid(ex, "servers[" + i + "] must be a server id");
            }
            if (!servers.contains(s.asText())) {
                servers.add(s.asText());
            }
        }
        JsonNode user = body.get("user_id");
        if (user == null || user.isNull()) {
            throw invalid(ex, "Missing required field: user_id");
        }
        if (!user.isTextual() || user.asText().isEmpty()) {
            throw invalid(ex, "user_id must be a non-empty string");
        }
        if (user.asText().length() > 128) {
            throw invalid(ex, "user_id must be at most 128 characters");
        }
        List<String> unknown = servers.stream().filter(id -> !config.catalog().contains(id))
                .collect(Collectors.toList());
        if (!unknown.isEmpty()) {
            ArrayNode list = Wire.NODES.arrayNode();
            unknown.forEach(list::add);
            throw new Refusal(Answer.error(ex, "unknown_servers", 400, "Unknown servers: " + String.join(", ", unknown))
                    .with("unknown", list));
        }
        JsonNode mocks = body.get("mocks");
        if (mocks != null) {
            if (!apiKey.startsWith("csk_test_")) {
                throw new Refusal(Answer.error(ex, "mocks_not_permitted", 403,
                        "mocks are only accepted with a csk_test_ key (a test-environment project)"));
            }
            if (MockRules.tooLarge(mocks)) {
                throw new Refusal(Answer.error(ex, "mocks_payload_too_large", 413,
                        "mocks must serialize to at most " + MockRules.MAX_BYTES + " bytes"));
            }
            MockRules.Problem problem = MockRules.check(mocks);
            if (problem != null) {
                throw new Refusal(Answer.error(ex, "mocks_invalid", 400, problem.message())
                        .with("field", problem.field()));
            }
        }
        String project = ex.header("x-codespar-project");
        if (project == null || !PROJECT_ID.matcher(project).matches()) {
            project = DEFAULT_PROJECT;
        }
        SessionRecord s = new SessionRecord(Wire.id("ses_", 16), user.asText(), project, servers, now(),
                apiKey.startsWith("csk_test_"), mocks == null ? null : mocks.deepCopy());
        for (String server : servers) {
            s.connections.put(server, !requireConnection.contains(server));
        }
        sessions.put(s.id, s);
        return Answer.json(201, s.row());
    }

    synchronized Answer getSession(Exchange ex, String id) {
        SessionRecord s = active(ex, id);
        ObjectNode row = s.row();
        row.put("tool_calls_count", s.toolCalls);
        return Answer.json(200, row);
    }

    synchronized Answer closeSession(Exchange ex, String id) {
        SessionRecord s = active(ex, id);
        s.closedAt = now();
        return Answer.noContent();
    }

    synchronized Answer execute(Exchange ex, String id) {
        SessionRecord s = active(ex, id);
        JsonNode body = objectBody(ex);
        String tool = Wire.string(body, "tool");
        if (tool == null || tool.isBlank()) {
            throw invalid(ex, "Missing required field: tool");
        }
        JsonNode input = body.has("input") ? body.get("input") : body.get("params");
        if (input == null || input.isNull()) {
            input = Wire.object();
        }
        if (!input.isObject()) {
            throw invalid(ex, "input must be an object");
        }
        touch(s);
        return engine.execute(s, tool, input, ex.requestId);
    }

    synchronized Answer proxyExecute(Exchange ex, String id) {
        SessionRecord s = active(ex, id);
        JsonNode body = objectBody(ex);
        String server = Wire.string(body, "server");
        if (server == null || server.isBlank()) {
            throw invalid(ex, "Missing required field: server");
        }
        String endpoint = Wire.string(body, "endpoint");
        if (endpoint == null || endpoint.isBlank()) {
            throw invalid(ex, "Missing required field: endpoint");
        }
        String method = Wire.string(body, "method");
        if (method == null || !PROXY_METHODS.contains(method)) {
            throw invalid(ex, "method must be one of GET, POST, PUT, PATCH, DELETE");
        }
        if (!s.servers.contains(server)) {
            throw invalid(ex, "Server " + server + " is not part of this session");
        }
        if (Boolean.FALSE.equals(s.connections.get(server))) {
            throw new Refusal(needsConnection(s, server, ex.requestId));
        }
        touch(s);
        ProxyStub stub = proxyStubs.get(proxyKey(server, method, endpoint));
        ObjectNode result = Wire.object();
        if (stub != null) {
            result.put("status", stub.status());
            result.set("data", stub.data());
            ObjectNode headers = result.putObject("headers");
            stub.headers().forEach(headers::put);
        } else {
            result.put("status", 200);
            ObjectNode data = result.putObject("data");
            data.put("ok", true);
            ObjectNode echo = data.putObject("echo");
            echo.put("method", method);
            echo.put("endpoint", endpoint);
            if (body.has("params")) {
                echo.set("params", body.get("params"));
            }
            if (body.has("body")) {
                echo.set("body", body.get("body"));
            }
            result.putObject("headers").put("content-type", "application/json");
        }
        result.put("duration", 42);
        result.put("proxy_call_id", Wire.id("pc_", 16));
        return Answer.json(200, result);
    }

    synchronized Answer send(Exchange ex, String id, boolean stream) {
        SessionRecord s = active(ex, id);
        JsonNode body = objectBody(ex);
        String message = Wire.string(body, "message");
        if (message == null || message.strip().isEmpty()) {
            throw invalid(ex, "Missing required field: message");
        }
        message = message.strip();
        touch(s);
        SendScript script = sendScript != null ? sendScript : new SendScript();
        List<ObjectNode> frames = new ArrayList<>();
        List<String> names = new ArrayList<>();
        ArrayNode records = Wire.NODES.arrayNode();
        for (SendScript.ToolCall call : script.toolCalls()) {
            Injection inj = takeInjectionInsideSend(call.tool());
            Answer a;
            try {
                a = inj != null ? injectedError(inj, ex.requestId, s, call.tool())
                        : engine.execute(s, call.tool(), call.input(), ex.requestId);
            } catch (Refusal refused) {
                a = refused.answer;
            }
            ObjectNode record = toolCallRecord(a, call, s);
            records.add(record);
            names.add("tool_use");
            frames.add(Wire.object().put("id", record.get("id").asText()).put("name", call.tool())
                    .set("input", call.input().deepCopy()));
            names.add("tool_result");
            frames.add(record);
        }
        int iterations = records.isEmpty() ? 1 : 2;
        String reply = script.replyFor(message);
        ObjectNode result = Wire.object();
        result.put("message", reply);
        result.put("iterations", iterations);
        result.set("tool_calls", records);
        String errorCode = script.errorCode();
        String errorMessage = errorCode == null || script.errorMessage() != null ? script.errorMessage()
                : ErrorCodes.defaultMessage(errorCode, 500);
        if (!stream) {
            if (errorCode != null) {
                ErrorCodes.Code known = ErrorCodes.find(errorCode);
                return Answer.error(ex, errorCode, known != null ? known.status() : 500, errorMessage);
            }
            return Answer.json(200, result);
        }
        List<String> sse = new ArrayList<>();
        sse.add(frame("user_message", Wire.object().put("content", message)));
        for (int i = 0; i < frames.size(); i++) {
            sse.add(frame(names.get(i), frames.get(i)));
        }
        if (errorCode != null) {
            sse.add(frame("error", Wire.object().put("error", errorCode).put("message", errorMessage)));
        } else {
            sse.add(frame("assistant_text", Wire.object().put("content", reply).put("iteration", iterations)));
            sse.add(frame("done", result));
        }
        return Answer.stream(new FixedStream(sse, () -> now().toEpochMilli()));
    }

    /** One SSE frame: {@code event: <name>}, {@code data: <json>}, the blank line. */
    private static String frame(String event, JsonNode data) {
        return "event: " + event + "\ndata: " + Wire.text(data) + "\n\n";
    }

    /** A send's ToolCallRecord from what the tool engine answered. */
    private ObjectNode toolCallRecord(Answer a, SendScript.ToolCall call, SessionRecord s) {
        ObjectNode r = Wire.object();
        if (a.status == 200 && a.body != null) {
            boolean ok = a.body.path("success").asBoolean(false);
            r.put("id", a.body.path("tool_call_id").asText());
            r.put("tool_name", call.tool());
            r.put("server_id", a.body.path("server").asText());
            r.put("status", ok ? "success" : "error");
            r.put("duration_ms", a.body.path("duration").asLong());
            r.set("input", call.input().deepCopy());
            if (ok) {
                r.set("output", a.body.get("data"));
                r.putNull("error_code");
            } else {
                String error = a.body.path("error").asText();
                r.set("output", Wire.object().put("error", error));
                r.put("error_code", error);
            }
        } else {
            r.put("id", Wire.id("tc_", 16));
            r.put("tool_name", call.tool());
            String server = engine.route(s, call.tool());
            if (server == null) {
                r.putNull("server_id");
            } else {
                r.put("server_id", server);
            }
            r.put("status", "error");
            r.put("duration_ms", 0);
            r.set("input", call.input().deepCopy());
            String code = a.errorCode != null ? a.errorCode : "http_" + a.status;
            r.set("output", Wire.object().put("error", code));
            r.put("error_code", code);
        }
        return r;
    }

    synchronized Answer connections(Exchange ex, String id) {
        SessionRecord s = active(ex, id);
        s.connectionPolls++;
        if (config.connectAfterPolls() > 0 && s.connectionPolls >= config.connectAfterPolls()) {
            s.connections.replaceAll((server, connected) -> true);
        }
        ObjectNode body = Wire.object();
        ArrayNode servers = body.putArray("servers");
        for (String server : s.servers) {
            Catalog.Server info = config.catalog().get(server);
            ObjectNode row = servers.addObject();
            row.put("id", server);
            row.put("name", info.name());
            row.put("category", info.category());
            row.put("country", info.country());
            row.put("auth_type", info.authType());
            row.put("connected", s.connections.get(server));
        }
        body.set("tools", engine.tools(s));
        return Answer.json(200, body);
    }

    synchronized Answer connectStart(Exchange ex) {
        JsonNode body = objectBody(ex);
        String server = Wire.string(body, "server_id");
        if (server == null || server.isBlank()) {
            throw invalid(ex, "Missing required field: server_id");
        }
        String user = Wire.string(body, "user_id");
        if (user == null || user.isBlank()) {
            throw invalid(ex, "Missing required field: user_id");
        }
        String redirect = Wire.string(body, "redirect_uri");
        if (redirect == null || redirect.isBlank()) {
            throw invalid(ex, "Missing required field: redirect_uri");
        }
        if (HttpUrl.parse(redirect) == null) {
            throw invalid(ex, "redirect_uri must be an absolute http(s) URL");
        }
        JsonNode scopes = body.get("scopes");
        if (scopes != null && !scopes.isNull() && !scopes.isTextual()) {
            throw invalid(ex, "scopes must be a string");
        }
        if (!config.catalog().contains(server)) {
            throw new Refusal(Answer.error(ex, "unknown_servers", 400, "Unknown servers: " + server)
                    .with("unknown", Wire.NODES.arrayNode().add(server)));
        }
        ConnectLink link = newLink(server, user, null);
        ObjectNode answer = Wire.object();
        answer.put("link_token", link.token);
        answer.put("authorize_url", linkUrl(link));
        answer.put("expires_at", Wire.iso(link.expiresAt));
        return Answer.json(200, answer);
    }

    synchronized Answer status(Exchange ex, String toolCallId, ToolCallRecord.Kind view, boolean stream) {
        ToolCallRecord rec = toolCalls.get(toolCallId);
        if (rec == null) {
            throw new Refusal(Answer.error(ex, "not_found", 404, "Tool call not found: " + toolCallId));
        }
        if (stream) {
            return Answer.stream(new LiveStatusStream(this, toolCallId, view));
        }
        return Answer.json(200, rec.envelope(view));
    }

    /** The page a user's browser opens from a connect link: completes the link. */
    synchronized Answer connectPage(Exchange ex, String token) {
        ConnectLink link = links.get(token);
        if (link == null) {
            return Answer.error(ex, "not_found", 404, "Connect link not found");
        }
        if (now().isAfter(link.expiresAt)) {
            return Answer.error(ex, "not_found", 404, "Connect link expired");
        }
        complete(link);
        return Answer.json(200, Wire.object().put("status", "connected").put("server_id", link.server));
    }

    // ---------------------------------------------------------------- shared pieces

    synchronized Answer injectedError(Injection inj, Exchange ex) {
        SessionRecord s = null;
        if (ex.segments.size() >= 3 && ex.segments.get(1).equals("sessions")) {
            s = sessions.get(ex.segments.get(2));
        }
        return injectedError(inj, ex.requestId, s, ex.tool);
    }

    private Answer injectedError(Injection inj, String requestId, SessionRecord s, String tool) {
        String code = inj.code();
        int status = inj.status();
        String message = inj.message();
        Answer a;
        if (code.equals("needs_connection")) {
            String server = s == null ? null : (tool != null ? engine.route(s, tool) : null);
            if (server == null && s != null && !s.servers.isEmpty()) {
                server = s.servers.get(0);
            }
            String url = inj.connectUrlOverride();
            if (url == null) {
                url = linkUrl(newLink(server, s == null ? null : s.userId, s == null ? null : s.id));
            }
            a = Answer.error(requestId, code, status, message != null ? message
                    : "Connect " + (server != null ? server : "the provider") + " first").with("connect_url", url);
        } else {
            a = Answer.error(requestId, code, status, message != null ? message
                    : ErrorCodes.defaultMessage(code, status));
            if (code.equals("tool_not_mocked")) {
                a.with("tool_name", tool != null ? tool : "unknown");
            } else if (code.equals("mocks_invalid")) {
                a.with("field", "/mocks");
            } else if (code.equals("unknown_servers")) {
                a.with("unknown", Wire.NODES.arrayNode());
            }
        }
        Duration wait = inj.retryAfterValue();
        if (wait != null) {
            long seconds = (wait.toMillis() + 999) / 1000;
            a.header("Retry-After", String.valueOf(seconds));
            if (status == 429) {
                long reset = (System.currentTimeMillis() + wait.toMillis() + 999) / 1000;
                a.header("X-RateLimit-Reset", String.valueOf(reset));
            }
        }
        return a;
    }

    Answer needsConnection(SessionRecord s, String server, String requestId) {
        ConnectLink link = newLink(server, s.userId, s.id);
        return Answer.error(requestId, "needs_connection", 422, "Connect " + server + " first")
                .with("connect_url", linkUrl(link));
    }

    ConnectLink newLink(String server, String userId, String sessionId) {
        ConnectLink link = new ConnectLink(Wire.id("lnk_", 16), server, userId, sessionId,
                now().plus(LINK_LIFETIME));
        links.put(link.token, link);
        return link;
    }

    String linkUrl(ConnectLink link) {
        return baseUrl + "/connect/" + link.token;
    }

    private void complete(ConnectLink link) {
        if (link.server == null) {
            return;
        }
        for (SessionRecord s : sessions.values()) {
            boolean sameUser = link.userId != null && link.userId.equals(s.userId);
            boolean sameSession = s.id.equals(link.sessionId);
            if ((sameUser || sameSession) && s.connections.containsKey(link.server)) {
                s.connections.put(link.server, true);
            }
        }
    }

    /** Registers an answered tool call (for the status endpoints) and returns its id. */
    String registerToolCall(SessionRecord s, String tool, String server, boolean success, JsonNode input,
            JsonNode data) {
        ToolCallRecord.Kind kind = ToolCallRecord.Kind.OTHER;
        if (success && (tool.equals("codespar_charge")
                || (tool.equals("codespar_pay") && !"status".equals(Wire.string(input, "action"))))) {
            kind = ToolCallRecord.Kind.PAYMENT;
        } else if (success && tool.equals("codespar_kyc")) {
            kind = ToolCallRecord.Kind.VERIFICATION;
        }
        String providerId = data == null ? null
                : Wire.string(data, kind == ToolCallRecord.Kind.VERIFICATION ? "verification_id" : "id");
        String hosted = data == null ? null
                : Optional.ofNullable(Wire.string(data, "hosted_url")).orElse(Wire.string(data, "charge_url"));
        ToolCallRecord rec = new ToolCallRecord(Wire.id("tc_", 16), tool, server, kind,
                success ? "success" : "error", hosted, providerId);
        toolCalls.put(rec.id, rec);
        if (providerId != null) {
            toolCallByProviderId.put(providerId, rec.id);
        }
        s.toolCalls++;
        if (kind != ToolCallRecord.Kind.OTHER && config.autoSettle() != null) {
            scheduleSettle(rec.id, kind);
        }
        return rec.id;
    }

    /** The payment tool call behind a provider payment id ({@code codespar_pay} with {@code action: status}). */
    ToolCallRecord paymentByProviderId(String providerId) {
        String id = toolCallByProviderId.get(providerId);
        return id == null ? null : toolCalls.get(id);
    }

    private void scheduleSettle(String toolCallId, ToolCallRecord.Kind kind) {
        if (settler == null) {
            settler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "FakeCodeSpar settler");
                t.setDaemon(true);
                return t;
            });
        }
        String status = kind == ToolCallRecord.Kind.PAYMENT ? "succeeded" : "approved";
        settler.schedule(() -> {
            synchronized (this) {
                if (toolCalls.containsKey(toolCallId)) {
                    settle(toolCallId, status, kind);
                }
            }
        }, config.autoSettle().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void touch(SessionRecord s) {
        s.lastActivity = now();
    }

    /** The session, if it is open; else a 404 {@code not_found} like the hosted API. */
    private SessionRecord active(Exchange ex, String id) {
        SessionRecord s = sessions.get(id);
        if (s == null) {
            throw new Refusal(Answer.error(ex, "not_found", 404, "Session not found or closed"));
        }
        String status = s.status(now(), config.sessionIdleTimeout());
        if (status.equals("closed")) {
            throw new Refusal(Answer.error(ex, "not_found", 404, "Session not found or closed"));
        }
        if (status.equals("expired")) {
            throw new Refusal(Answer.error(ex, "not_found", 404,
                    "Session expired after " + config.sessionIdleTimeout().toMinutes()
                            + " minutes of inactivity; create a new one"));
        }
        return s;
    }

    private static JsonNode objectBody(Exchange ex) {
        if (ex.json == null || !ex.json.isObject()) {
            throw invalid(ex, ex.body.length == 0 ? "Missing request body" : "Malformed JSON body: expected an object");
        }
        return ex.json;
    }

    static Refusal invalid(Exchange ex, String message) {
        return new Refusal(Answer.error(ex, "invalid_request", 400, message));
    }

    static Refusal invalid(String requestId, String message) {
        return new Refusal(Answer.error(requestId, "invalid_request", 400, message));
    }

    private static String proxyKey(String server, String method, String endpoint) {
        return server + " " + method.toUpperCase(Locale.ROOT) + " " + endpoint;
    }
}
