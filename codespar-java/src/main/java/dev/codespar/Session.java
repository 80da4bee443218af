package dev.codespar;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.errors.ApiError;
import dev.codespar.errors.NotFoundError;
import dev.codespar.internal.http.ApiRequest;
import dev.codespar.internal.http.HttpTransport;
import dev.codespar.internal.http.JsonAnswer;
import dev.codespar.internal.http.JsonReaders;
import dev.codespar.internal.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * <p>Every request of a session carries the session's project ({@code x-codespar-project}) when one was resolved.
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
    private final AtomicBoolean closed = new AtomicBoolean();

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

    static Session fromCreate(CodeSparClient client, JsonAnswer answer, String requestedUserId, String projectId) {
        JsonNode json = answer.json();
        String id = Values.text(json, "id");
        if (id == null) {
            throw JsonReaders.missingField(answer, "id", "POST /v1/sessions");
        }
        Instant createdAt = Values.instant(json, "created_at");
        return new Session(client, id,
                Values.textOr(json, "user_id", requestedUserId),
                Values.ids(json.get("servers")),
                SessionStatus.parse(Values.text(json, "status")),
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
     * The servers of the session, as the server answered (empty when it did not say).
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

    /**
     * Calls a tool. {@code POST /v1/sessions/{id}/execute} with {@code {"tool": ..., "input": ...}}.
     *
     * <pre>{@code
     * ToolResult r = session.execute("codespar_pay",
     *         Map.of("action", "pay", "amount", 1000, "currency", "BRL", "method", "pix"));
     * }</pre>
     *
     * <p>A tool-level failure comes back as a result with {@code success == false}; an HTTP failure is thrown. A
     * {@code POST} is never re-sent after it may have reached the server, unless the retry policy says it is safe.
     *
     * @param tool the tool name: a meta-tool ({@code codespar_pay}) or {@code server/tool}
     * @param input the tool's arguments (not {@code null}; use {@code Map.of()} for none)
     * @return the result
     * @throws dev.codespar.errors.InvalidRequestError when the tool name is blank or the input is null (no network
     *     call)
     * @throws dev.codespar.errors.NeedsConnectionError when the user must connect the tool's server first
     * @throws ApiError for any other failed call
     */
    public ToolResult execute(String tool, Map<String, ?> input) {
        ApiRequest request = executeRequest(tool, input);
        JsonAnswer answer = client.transport().execute(request, JsonReaders.answer());
        return ToolResult.fromJson(answer.json(), tool, answer.requestId());
    }

    /**
     * Non-blocking twin of {@link #execute(String, Map)}.
     *
     * @param tool the tool name
     * @param input the tool's arguments
     * @return a future of the result; validation errors complete it exceptionally
     */
    public CompletableFuture<ToolResult> executeAsync(String tool, Map<String, ?> input) {
        ApiRequest request;
        try {
            request = executeRequest(tool, input);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return client.transport().executeAsync(request, JsonReaders.answer()
                .map(answer -> ToolResult.fromJson(answer.json(), tool, answer.requestId())));
    }

    private ApiRequest executeRequest(String tool, Map<String, ?> input) {
        ExecuteBody body = new ExecuteBody(tool, input);
        Validation.check(body, "execute request");
        return ApiRequest.post(body, "sessions", id, "execute").withProject(projectId);
    }

    /**
     * Closes the session on the server ({@code DELETE /v1/sessions/{id}}), best effort like the official SDKs: it
     * never throws, so it is safe in {@code try}-with-resources and {@code finally} blocks. A session already gone
     * (404) counts as closed; any other failure is logged at WARN with its request id, and the session expires on
     * its own after 30 minutes of inactivity. Use {@link #closeAsync()} to observe the outcome. Idempotent once it
     * has succeeded.
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
        return client.transport().executeAsync(closeRequest(), JsonReaders.discard())
                .handle((ok, error) -> {
                    Throwable cause = unwrap(error);
                    if (cause == null || cause instanceof NotFoundError) {
                        closed.set(true);
                        return null;
                    }
                    throw cause instanceof RuntimeException ? (RuntimeException) cause
                            : new java.util.concurrent.CompletionException(cause);
                });
    }

    private ApiRequest closeRequest() {
        return ApiRequest.delete("sessions", id).withProject(projectId);
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    HttpTransport transport() {
        return client.transport();
    }

    CodeSparClient client() {
        return client;
    }

    @Override
    public String toString() {
        return "Session{id=" + id + ", userId=" + userId + ", servers=" + servers + ", status=" + status
                + ", projectId=" + projectId + "}";
    }

    /** The body of {@code execute}: {@code {"tool": ..., "input": ...}}. */
    @JsonPropertyOrder({"tool", "input"})
    record ExecuteBody(
            @NotBlank @Size(max = 256) String tool,
            @NotNull(message = "must not be null; use Map.of() for a tool without arguments") Map<String, ?> input) {}
}
