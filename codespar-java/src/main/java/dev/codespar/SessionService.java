package dev.codespar;

import dev.codespar.paging.Page;
import java.util.concurrent.CompletableFuture;

/**
 * The sessions of the current project: resume one by id ({@link #retrieve}), list them for dashboards and audits,
 * and read a session's tool-call log. Get it with {@link CodeSparClient#sessions()}; thread-safe. To open a session,
 * use {@link CodeSparClient#create(String, SessionConfig)}.
 *
 * <pre>{@code
 * // request 1 of a web tier: open the session, keep its id
 * String id = client.create("user_123", SessionConfig.builder().servers("asaas").build()).getId();
 * // request 2: resume it
 * Session session = client.sessions().retrieve(id);
 * session.execute("codespar_pay", Map.of("amount", 1000, "currency", "BRL"));
 *
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
public interface SessionService {

    /**
     * A session known by id, ready to {@code execute}, {@code send}, stream and {@code close}, as one just created:
     * {@code GET /v1/sessions/{id}}, sent with the client's project. Its user, servers, status and creation time are
     * the server's answer.
     *
     * @param id the session id
     * @return the session
     * @throws dev.codespar.errors.InvalidRequestError when the id is blank (no network call)
     * @throws dev.codespar.errors.NotFoundError when no such session is visible (closed, expired, another project)
     */
    Session retrieve(String id);

    /**
     * {@link #retrieve(String)} for a session of another project than the client's; its later requests carry that
     * project too.
     *
     * @param id the session id
     * @param projectId the session's project ({@code prj_} and 16 letters or digits)
     * @return the session
     * @throws dev.codespar.errors.InvalidRequestError when the id is blank or the project id malformed
     */
    Session retrieve(String id, String projectId);

    /**
     * {@link #retrieve(String)} without blocking.
     *
     * @param id the session id
     * @return a future of the session
     */
    CompletableFuture<Session> retrieveAsync(String id);

    /**
     * What the server records about one session, as a row of {@link #list()} reads it: status, servers, project,
     * organisation, creation, close and expiry times, and the tool-call count. {@code GET /v1/sessions/{id}}.
     *
     * <pre>{@code
     * SessionSummary s = client.sessions().summary("ses_HZb4d5yxIAxLawb4");
     * if (s.expiresAt() != null && s.expiresAt().isBefore(Instant.now().plusSeconds(60))) { ... }
     * }</pre>
     *
     * @param id the session id
     * @return the summary
     * @throws dev.codespar.errors.InvalidRequestError when the id is blank (no network call)
     * @throws dev.codespar.errors.NotFoundError when no such session is visible
     */
    SessionSummary summary(String id);

    /**
     * {@link #summary(String)} without blocking.
     *
     * @param id the session id
     * @return a future of the summary
     */
    CompletableFuture<SessionSummary> summaryAsync(String id);

    /**
     * The newest sessions. {@code GET /v1/sessions}.
     *
     * @return the first page; {@link Page#autoPager()} follows the cursor through older ones
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    Page<SessionSummary> list();

    /**
     * The sessions matching the filter. {@code GET /v1/sessions?status=&limit=&before=}.
     *
     * @param params status filter, page size and cursor
     * @return the first page; {@link Page#autoPager()} follows the cursor through older ones
     * @throws dev.codespar.errors.InvalidRequestError when the limit is below 1 or the status is
     *     {@link SessionStatus#UNKNOWN} (no network call)
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    Page<SessionSummary> list(SessionListParams params);

    /**
     * {@link #list()} without blocking.
     *
     * @return a future of the first page
     */
    CompletableFuture<Page<SessionSummary>> listAsync();

    /**
     * {@link #list(SessionListParams)} without blocking.
     *
     * @param params status filter, page size and cursor
     * @return a future of the first page; validation errors complete it exceptionally
     */
    CompletableFuture<Page<SessionSummary>> listAsync(SessionListParams params);

    /**
     * The tool calls a session made. {@code GET /v1/sessions/{id}/logs}, answered {@code {"data": [...]}} or
     * {@code {"tool_calls": [...]}}.
     *
     * @param id the session id
     * @return the first page of the log (no paging is published: usually the only one)
     * @throws dev.codespar.errors.InvalidRequestError when the id is blank (no network call)
     * @throws dev.codespar.errors.NotFoundError when no such session is visible
     */
    Page<ToolCallLogEntry> logs(String id);

    /**
     * {@link #logs(String)} without blocking.
     *
     * @param id the session id
     * @return a future of the first page of the log
     */
    CompletableFuture<Page<ToolCallLogEntry>> logsAsync(String id);
}
