package dev.codespar;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.errors.NotConnectedError;
import dev.codespar.internal.http.ApiCall;
import dev.codespar.internal.http.ApiRequest;
import dev.codespar.internal.http.HttpTransport;
import dev.codespar.internal.http.JsonAnswer;
import dev.codespar.internal.http.JsonReaders;
import dev.codespar.internal.json.JsonFields;
import dev.codespar.internal.sse.SseEventSource;
import dev.codespar.internal.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Every endpoint of a session, each defined once: method, path, body, validation and the reader of its answer.
 * {@link Session} runs each one blocking or asynchronously. Every request carries the session's project.
 */
final class SessionCalls {

    private final HttpTransport transport;
    private final String id;
    private final String userId;
    private final List<String> servers;
    private final String projectId;
    /** The latest connections answer this session saw: its own state of which servers are pending. */
    private final AtomicReference<SessionConnections> lastConnections;

    SessionCalls(HttpTransport transport, String id, String userId, List<String> servers, String projectId,
            AtomicReference<SessionConnections> lastConnections) {
        this.transport = transport;
        this.id = id;
        this.userId = userId;
        this.servers = servers;
        this.projectId = projectId;
        this.lastConnections = lastConnections;
    }

    // ---------------------------------------------------------------- tools

    /** {@code POST /v1/sessions/{id}/execute} with {@code {"tool", "input"}}. */
    ApiCall<ToolResult> execute(String tool, Object input) {
        return ApiCall.of(transport, () -> post(validateExecute(tool, input), "execute"), JsonReaders.answer().map(answer -> notConnectedCheck(ToolResult.fromAnswer(answer, tool), answer, tool)));
    }

    /** Checks the tool name and input of an execute before anything else (a policy, the network) sees them. */
    ExecuteBody validateExecute(String tool, Object input) {
        ExecuteBody body = new ExecuteBody(tool, input);
        Validation.check(body, "execute request", body.satisfiesConstraints());
        checkToolName(tool);
        return body;
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

    /**
     * Throws {@link NotConnectedError} for a "server not there" failure when this session's own state agrees: the
     * server is not among its servers, or its latest connections answer has it pending.
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
            SessionConnections seen = lastConnections.get();
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

    /** {@code POST /v1/sessions/{id}/proxy_execute}. */
    ApiCall<ProxyResult> proxyExecute(ProxyParams params) {
        return ApiCall.of(transport, () -> {
            Validation.check(params, "params");
            return post(params, "proxy_execute");
        }, JsonReaders.answer().map(answer -> {
            // the provider's status is the whole point of a proxy answer: without it, nothing can be said
            if (!answer.json().path("status").isInt()) {
                throw JsonReaders.missingField(answer, "status");
            }
            return ProxyResult.fromJson(answer.json(), answer.requestId());
        }));
    }

    // ---------------------------------------------------------------- the agent

    /** {@code POST /v1/sessions/{id}/send} with {@code Accept: application/json}. */
    ApiCall<SendResult> send(String message) {
        return ApiCall.of(transport, () -> sendRequest(message), JsonReaders.answer().map(answer -> {
            if (!answer.json().path("message").isTextual() && !answer.json().path("tool_calls").isArray()) {
                throw JsonReaders.missingField(answer, "message");
            }
            return SendResult.fromJson(answer.json(), answer.requestId());
        }));
    }

    /** The same endpoint with {@code Accept: text/event-stream}: the agent's reply as it is produced. */
    ApiCall<EventStream<StreamEvent>> sendStream(String message, Duration idleTimeout) {
        return stream(() -> {
            checkIdle(idleTimeout);
            return sendRequest(message);
        }, idleTimeout, new SendStreamDecoder());
    }

    private ApiRequest sendRequest(String message) {
        SendBody body = new SendBody(message);
        Validation.check(body, "message", body.satisfiesConstraints());
        return post(body, "send");
    }

    // ---------------------------------------------------------------- connections

    /** {@code GET /v1/sessions/{id}/connections}; the answer becomes the session's state of its connections. */
    ApiCall<SessionConnections> connections() {
        return ApiCall.of(transport, () -> ApiRequest.get("sessions", id, "connections").withProject(projectId),
                JsonReaders.answer().map(answer -> {
                    JsonNode json = answer.json();
                    if (!json.path("servers").isArray() && !json.path("data").isArray()) {
                        throw JsonReaders.missingField(answer, "servers");
                    }
                    SessionConnections connections = SessionConnections.fromJson(json, answer.requestId(), id,
                            servers);
                    lastConnections.set(connections);
                    return connections;
                }));
    }

    /** {@code POST /v1/connect/start}: a Connect Link for the session's user. */
    ApiCall<ConnectLink> authorize(String serverId, String redirectUri, String scopes) {
        return ApiCall.of(transport, () -> {
            ConnectStartBody body = new ConnectStartBody(serverId, userId, redirectUri, scopes);
            Validation.check(body, "authorize request");
            return ApiRequest.post(body, "connect", "start").withProject(projectId);
        }, JsonReaders.answer().map(answer -> {
            JsonNode json = answer.json();
            String token = JsonReaders.requireText(answer, json, "link_token");
            String url = JsonReaders.requireText(answer, json, "authorize_url");
            return new ConnectLink(token, url, JsonFields.instant(json, "expires_at"), answer.requestId());
        }));
    }

    // ---------------------------------------------------------------- settlement status

    /** {@code GET /v1/tool-calls/{toolCallId}/payment-status}. */
    ApiCall<PaymentStatusResult> paymentStatus(String toolCallId) {
        return ApiCall.of(transport, () -> statusRequest(toolCallId, "payment-status", false),
                JsonReaders.answer().map(a -> PaymentStatusResult.fromJson(a.json(), toolCallId, a.requestId())));
    }

    /** {@code GET /v1/tool-calls/{toolCallId}/payment-status/stream}: snapshot, updates, done. */
    ApiCall<EventStream<StatusEvent<PaymentStatusResult>>> paymentStatusStream(String toolCallId, Duration idle) {
        return stream(() -> {
            checkIdle(idle);
            return statusRequest(toolCallId, "payment-status", true);
        }, idle, new StatusStreamDecoder<>(json -> PaymentStatusResult.fromJson(json, toolCallId, null)));
    }

    /** {@code GET /v1/tool-calls/{toolCallId}/verification-status}. */
    ApiCall<VerificationStatusResult> verificationStatus(String toolCallId) {
        return ApiCall.of(transport, () -> statusRequest(toolCallId, "verification-status", false),
                JsonReaders.answer().map(a -> VerificationStatusResult.fromJson(a.json(), toolCallId, a.requestId())));
    }

    /** {@code GET /v1/tool-calls/{toolCallId}/verification-status/stream}. */
    ApiCall<EventStream<StatusEvent<VerificationStatusResult>>> verificationStatusStream(String toolCallId,
            Duration idle) {
        return stream(() -> {
            checkIdle(idle);
            return statusRequest(toolCallId, "verification-status", true);
        }, idle, new StatusStreamDecoder<>(json -> VerificationStatusResult.fromJson(json, toolCallId, null)));
    }

    private ApiRequest statusRequest(String toolCallId, String kind, boolean stream) {
        if (toolCallId == null || toolCallId.isBlank()) {
            throw Validation.invalid("toolCallId: must not be blank (use ToolResult.toolCallId())");
        }
        ApiRequest request = stream ? ApiRequest.get("tool-calls", toolCallId, kind, "stream")
                : ApiRequest.get("tool-calls", toolCallId, kind);
        return request.withProject(projectId);
    }

    // ---------------------------------------------------------------- close

    /** {@code DELETE /v1/sessions/{id}}: no body, 204. */
    ApiCall<Void> close() {
        return ApiCall.of(transport, () -> ApiRequest.delete("sessions", id).withProject(projectId),
                JsonReaders.discard());
    }

    // ---------------------------------------------------------------- plumbing

    private ApiRequest post(Object body, String action) {
        return ApiRequest.post(body, "sessions", id, action).withProject(projectId);
    }

    private <T> ApiCall<EventStream<T>> stream(java.util.function.Supplier<ApiRequest> request, Duration idle,
            SseEventSource.Decoder<T> decoder) {
        return ApiCall.stream(transport, request, idle,
                (response, call) -> new EventStream<>(new SseEventSource<>(response, call, decoder,
                        response.request().method() + " " + response.request().url().encodedPath(), idle)));
    }

    private static void checkIdle(Duration idleTimeout) {
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw Validation.invalid("idleTimeout: must be positive, got " + idleTimeout);
        }
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
