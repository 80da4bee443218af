package dev.codespar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.internal.http.ApiCall;
import dev.codespar.internal.http.ApiPage;
import dev.codespar.internal.http.ApiRequest;
import dev.codespar.internal.http.ChainedFuture;
import dev.codespar.internal.http.HttpTransport;
import dev.codespar.internal.http.JsonAnswer;
import dev.codespar.internal.http.JsonReaders;
import dev.codespar.internal.json.JsonFields;
import dev.codespar.internal.validation.Validation;
import dev.codespar.paging.Page;
import dev.codespar.policy.ToolPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/** The session endpoints of the client: {@code POST /v1/sessions}, {@code GET /v1/sessions[/{id}[/logs]]}. */
final class SessionServiceImpl implements SessionService {

    private static final ApiPage.Spec<SessionSummary> PAGE =
            new ApiPage.Spec<>("GET /v1/sessions", "sessions", SessionSummary::fromJson);

    private static final ApiPage.Spec<ToolCallLogEntry> LOG_PAGE = new ApiPage.Spec<>("GET /v1/sessions/{id}/logs",
            List.of("tool_calls", "data", "logs"), ToolCallLogEntry::fromJson);

    private final CodeSparClient client;
    private final HttpTransport transport;

    SessionServiceImpl(CodeSparClient client) {
        this.client = client;
        this.transport = client.context().transport();
    }

    // ---------------------------------------------------------------- create

    /**
     * {@code POST /v1/sessions} with {@code {"servers", "user_id", "mocks"?, "metadata"?}}; the session's project
     * (its own, else the client's) travels as the {@code x-codespar-project} header.
     */
    ApiCall<Session> create(String userId, SessionConfig config) {
        return ApiCall.of(transport, () -> {
            CreateSessionBody.UserId id = new CreateSessionBody.UserId(userId);
            Validation.check(id, "userId", id.satisfiesConstraints());
            Validation.check(config, "config", config != null && config.satisfiesConstraints());
            config.check();
            return ApiRequest.post(CreateSessionBody.of(userId, config), "sessions").withProject(project(config));
        }, JsonReaders.answer().map(answer -> session(answer, answer.json(), userId, config.resolvedServers(),
                project(config), config.policy())));
    }

    /** {@link #create}, then the wait for connections the config asks for. */
    Session createAndWait(String userId, SessionConfig config) {
        Session session = create(userId, config).execute();
        if (config.waitForConnections() != null) {
            session.waitForConnections(config.waitForConnections());
        }
        return session;
    }

    CompletableFuture<Session> createAndWaitAsync(String userId, SessionConfig config) {
        CompletableFuture<Session> created = create(userId, config).executeAsync();
        Duration wait = config == null ? null : config.waitForConnections();
        return wait == null ? created
                : ChainedFuture.compose(created, session -> ChainedFuture.map(session.waitForConnectionsAsync(wait),
                        ready -> session));
    }

    private String project(SessionConfig config) {
        return config.projectId() != null ? config.projectId() : transport.projectId();
    }

    /**
     * The session of an answer. What the answer leaves out falls back to what was asked for: the open-source
     * runtime answers a create with only {@code {id, status}}.
     */
    private Session session(JsonAnswer answer, JsonNode json, String requestedUserId, List<String> requestedServers,
            String projectId, ToolPolicy policy) {
        String id = JsonReaders.requireText(answer, json, "id");
        Instant createdAt = JsonFields.instant(json, "created_at");
        JsonNode servers = json.get("servers");
        return new Session(client, id,
                JsonFields.textOr(json, "user_id", requestedUserId),
                servers != null && servers.isArray() ? JsonFields.ids(servers) : requestedServers,
                SessionStatus.parse(JsonFields.text(json, "status")),
                createdAt != null ? createdAt : Instant.now(),
                projectId, policy);
    }

    // ---------------------------------------------------------------- retrieve

    private ApiCall<Session> retrieveCall(String id, String projectId) {
        return ApiCall.of(transport, () -> {
            requireId(id);
            if (projectId != null && !SessionConfig.PROJECT_ID.matcher(projectId).matches()) {
                throw Validation.invalid("projectId: must look like prj_ followed by 16 letters or digits, got \""
                        + projectId + "\"");
            }
            return ApiRequest.get("sessions", id).withProject(projectId);
        }, JsonReaders.answer().map(answer -> session(answer, JsonFields.unwrap(answer.json(), "session"), null,
                List.of(), projectId != null ? projectId : transport.projectId(), null)));
    }

    @Override
    public Session retrieve(String id) {
        return retrieveCall(id, null).execute();
    }

    @Override
    public Session retrieve(String id, String projectId) {
        return retrieveCall(id, projectId).execute();
    }

    @Override
    public CompletableFuture<Session> retrieveAsync(String id) {
        return retrieveCall(id, null).executeAsync();
    }

    private ApiCall<SessionSummary> summaryCall(String id) {
        return ApiCall.of(transport, () -> {
            requireId(id);
            return ApiRequest.get("sessions", id);
        }, JsonReaders.answer().map(answer -> SessionSummary.fromJson(JsonFields.unwrap(answer.json(), "session"))));
    }

    @Override
    public SessionSummary summary(String id) {
        return summaryCall(id).execute();
    }

    @Override
    public CompletableFuture<SessionSummary> summaryAsync(String id) {
        return summaryCall(id).executeAsync();
    }

    // ---------------------------------------------------------------- list and logs

    private ApiCall<Page<SessionSummary>> listCall(SessionListParams params) {
        return ApiPage.first(transport, () -> {
            Validation.check(params, "params");
            SessionStatus status = params.status();
            if (status == SessionStatus.UNKNOWN) {
                throw Validation.invalid("status: must be ACTIVE, CLOSED or ERROR, not UNKNOWN");
            }
            return ApiRequest.get("sessions")
                    .withQuery("status", status == null ? null : status.name().toLowerCase(Locale.ROOT))
                    .withQuery("limit", params.limit())
                    .withQuery("before", params.before());
        }, PAGE);
    }

    @Override
    public Page<SessionSummary> list() {
        return list(SessionListParams.builder().build());
    }

    @Override
    public Page<SessionSummary> list(SessionListParams params) {
        return listCall(params).execute();
    }

    @Override
    public CompletableFuture<Page<SessionSummary>> listAsync() {
        return listAsync(SessionListParams.builder().build());
    }

    @Override
    public CompletableFuture<Page<SessionSummary>> listAsync(SessionListParams params) {
        return listCall(params).executeAsync();
    }

    private ApiCall<Page<ToolCallLogEntry>> logsCall(String id) {
        return ApiPage.first(transport, () -> ApiRequest.get("sessions", requireId(id), "logs"), LOG_PAGE);
    }

    @Override
    public Page<ToolCallLogEntry> logs(String id) {
        return logsCall(id).execute();
    }

    @Override
    public CompletableFuture<Page<ToolCallLogEntry>> logsAsync(String id) {
        return logsCall(id).executeAsync();
    }

    private static String requireId(String id) {
        if (id == null || id.isBlank()) {
            throw Validation.invalid("id: must not be blank");
        }
        return id;
    }

    @Override
    public String toString() {
        return "SessionService{" + client.getBaseUrl() + "}";
    }
}
