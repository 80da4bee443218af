package dev.codespar;

import dev.codespar.paging.Page;
import dev.codespar.internal.http.ApiPage;
import dev.codespar.internal.http.JsonReaders;
import dev.codespar.internal.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.internal.http.ApiRequest;
import dev.codespar.internal.http.HttpTransport;
import dev.codespar.internal.http.JsonAnswer;
import dev.codespar.internal.validation.Validation;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The sessions of the current project, for dashboards and audits: {@code GET /v1/sessions},
 * {@code GET /v1/sessions/{id}} and a session's tool-call log. Get it with {@link CodeSparClient#sessions()};
 * stateless and thread-safe. (To open a session and call tools, use {@link CodeSparClient#create(String)}.)
 *
 * <pre>{@code
 * for (SessionSummary s : client.sessions().list(SessionListParams.builder().status(SessionStatus.ACTIVE).build())
 *         .autoPager()) {
 *     for (ToolCallLogEntry call : client.sessions().logs(s.id()).data()) {
 *         System.out.println(s.id() + " " + call.tool() + " " + call.status() + " " + call.durationMs() + "ms");
 *     }
 * }
 * }</pre>
 *
 * <p>Both list shapes are read: the cursor-paged {@code {"sessions": [...], "next_before": ...}} and
 * {@code {"data": [...]}}; the counts {@code tool_call_count} and {@code tool_calls_count} alike.
 */
public final class SessionService {

    private static final ApiPage.Spec<SessionSummary> PAGE =
            new ApiPage.Spec<>("GET /v1/sessions", "sessions", SessionSummary::fromJson);

    private static final ApiPage.Spec<ToolCallLogEntry> LOG_PAGE = new ApiPage.Spec<>("GET /v1/sessions/{id}/logs",
            List.of("tool_calls", "data", "logs"), ToolCallLogEntry::fromJson);

    private final HttpTransport transport;

    SessionService(HttpTransport transport) {
        this.transport = transport;
    }

    /**
     * The newest sessions. {@code GET /v1/sessions}.
     *
     * @return the first page; {@link Page#autoPager()} follows the cursor through older ones
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    public Page<SessionSummary> list() {
        return list(SessionListParams.builder().build());
    }

    /**
     * The sessions matching the filter. {@code GET /v1/sessions?status=&limit=&before=}.
     *
     * @param params status filter, page size and cursor
     * @return the first page; {@link Page#autoPager()} follows the cursor through older ones
     * @throws dev.codespar.errors.InvalidRequestError when the limit is below 1 or the status is
     *     {@link SessionStatus#UNKNOWN} (no network call)
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    public Page<SessionSummary> list(SessionListParams params) {
        return ApiPage.first(transport, () -> listRequest(params), PAGE).execute();
    }

    /**
     * Non-blocking twin of {@link #list()}.
     *
     * @return a future of the first page
     */
    public CompletableFuture<Page<SessionSummary>> listAsync() {
        return listAsync(SessionListParams.builder().build());
    }

    /**
     * Non-blocking twin of {@link #list(SessionListParams)}.
     *
     * @param params status filter, page size and cursor
     * @return a future of the first page; validation errors complete it exceptionally
     */
    public CompletableFuture<Page<SessionSummary>> listAsync(SessionListParams params) {
        return ApiPage.first(transport, () -> listRequest(params), PAGE).executeAsync();
    }

    private static ApiRequest listRequest(SessionListParams params) {
        Validation.check(params, "params");
        SessionStatus status = params.getStatus();
        if (status == SessionStatus.UNKNOWN) {
            throw Validation.invalid("status: must be ACTIVE, CLOSED or ERROR, not UNKNOWN");
        }
        return ApiRequest.get("sessions")
                .withQuery("status", status == null ? null : status.name().toLowerCase(Locale.ROOT))
                .withQuery("limit", params.getLimit())
                .withQuery("before", params.getBefore());
    }

    /**
     * One session. {@code GET /v1/sessions/{id}}.
     *
     * @param id the session id
     * @return the session, with its tool-call count
     * @throws dev.codespar.errors.InvalidRequestError when the id is blank (no network call)
     * @throws dev.codespar.errors.NotFoundError when no such session is visible
     */
    public SessionSummary get(String id) {
        return Calls.run(transport, () -> ApiRequest.get("sessions", Calls.id(id, "id")), SessionService::parse);
    }

    /**
     * Non-blocking twin of {@link #get(String)}.
     *
     * @param id the session id
     * @return a future of the session
     */
    public CompletableFuture<SessionSummary> getAsync(String id) {
        return Calls.runAsync(transport, () -> ApiRequest.get("sessions", Calls.id(id, "id")),
                SessionService::parse);
    }

    private static SessionSummary parse(JsonAnswer answer) {
        JsonNode json = JsonFields.unwrap(answer.json(), "session");
        JsonReaders.requireText(answer, json, "id");
        return SessionSummary.fromJson(json);
    }

    /**
     * The tool calls a session made. {@code GET /v1/sessions/{id}/logs}, answered {@code {"data": [...]}} or
     * {@code {"tool_calls": [...]}}.
     *
     * @param id the session id
     * @return the first page of the log (no paging is published: usually the only one)
     * @throws dev.codespar.errors.InvalidRequestError when the id is blank (no network call)
     * @throws dev.codespar.errors.NotFoundError when no such session is visible
     */
    public Page<ToolCallLogEntry> logs(String id) {
        return ApiPage.first(transport, () -> ApiRequest.get("sessions", Calls.id(id, "id"), "logs"), LOG_PAGE).execute();
    }

    /**
     * Non-blocking twin of {@link #logs(String)}.
     *
     * @param id the session id
     * @return a future of the first page of the log
     */
    public CompletableFuture<Page<ToolCallLogEntry>> logsAsync(String id) {
        return ApiPage.first(transport, () -> ApiRequest.get("sessions", Calls.id(id, "id"), "logs"), LOG_PAGE).executeAsync();
    }

    @Override
    public String toString() {
        return "SessionService";
    }
}
