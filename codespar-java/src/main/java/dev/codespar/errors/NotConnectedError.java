package dev.codespar.errors;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A tool needs a server whose connection is not ready.
 *
 * <p>Thrown only where the session's own state says so: waiting for a session's connections ran past its deadline
 * with servers still pending; a session created with "wait for connections" did not see them come up in time; or a
 * tool call's answer says its server is not there ({@code mcp.unknown_server}, {@code Tool not registered}) and that
 * server is not among the session's servers, or was pending in the latest connections answer. In the last case the
 * error keeps what the failed call answered: {@link #getRequestId()}, {@link #getToolCallId()},
 * {@link #getToolError()} and {@link #getResultBody()}.
 *
 * <p>A 422 {@code needs_connection} answer is not this class: it is a {@link NeedsConnectionError} carrying the
 * {@code connect_url} to send to the user.
 *
 * <pre>{@code
 * try {
 *     session.execute("asaas/create_payment", input);
 * } catch (NotConnectedError e) {
 *     log.warn("not connected: {} (request_id={})", e.getPendingServers(), e.getRequestId());
 * }
 * }</pre>
 */
public final class NotConnectedError extends CodeSparException {

    private static final long serialVersionUID = 2L;

    /**
     * What a failed tool call answered, for the error it becomes.
     *
     * @param sessionId the session, or {@code null}
     * @param pendingServers the servers not there or not connected
     * @param requestId the request id of the answer, or {@code null}
     * @param toolName the tool that was called, or {@code null}
     * @param toolCallId the {@code tool_call_id} of the failed call, or {@code null}
     * @param toolError the {@code error} of the failed result, or {@code null}
     * @param resultBody the whole answer, or {@code null}
     */
    public record Details(String sessionId, List<String> pendingServers, String requestId, String toolName,
            String toolCallId, String toolError, JsonNode resultBody) {

        /** Copies the list. */
        public Details {
            pendingServers = pendingServers == null ? List.of() : List.copyOf(pendingServers);
        }
    }

    private final Details details;

    /**
     * Creates the error.
     *
     * @param message what is not connected and what to do about it
     * @param sessionId the session the servers belong to, or {@code null}
     * @param pendingServers the servers that are not connected yet (copied)
     */
    public NotConnectedError(String message, String sessionId, List<String> pendingServers) {
        this(message, new Details(sessionId, pendingServers, null, null, null, null, null));
    }

    /**
     * Creates the error with what a failed tool call answered.
     *
     * @param message what is not connected and what to do about it
     * @param details the session, servers and the failed call's answer
     */
    public NotConnectedError(String message, Details details) {
        super(message, null);
        this.details = details;
    }

    /**
     * The session whose servers are not connected. After a {@code create} that waited for connections in vain, the
     * session is open: get it back with {@code client.sessions().retrieve(e.getSessionId())}, send the user connect
     * links, and go on, or close it.
     *
     * @return the session id, or {@code null} when unknown
     */
    public String getSessionId() {
        return details.sessionId();
    }

    /**
     * The servers not there or still waiting for a connection, e.g. {@code ["asaas"]}.
     *
     * @return an immutable list, possibly empty
     */
    public List<String> getPendingServers() {
        return details.pendingServers();
    }

    /**
     * The request id of the answer that showed the server missing, for a support ticket.
     *
     * @return the id, or {@code null} when the server sent none or no call was involved (a wait that timed out)
     */
    public String getRequestId() {
        return details.requestId();
    }

    /**
     * The tool whose call failed.
     *
     * @return the tool name, or {@code null} when no tool call was involved
     */
    public String getToolName() {
        return details.toolName();
    }

    /**
     * The {@code tool_call_id} of the failed call.
     *
     * @return the id, or {@code null} when the answer had none or no tool call was involved
     */
    public String getToolCallId() {
        return details.toolCallId();
    }

    /**
     * The {@code error} of the failed result, e.g. {@code Tool not registered: asaas/create_payment}.
     *
     * @return the error, or {@code null} when no tool call was involved
     */
    public String getToolError() {
        return details.toolError();
    }

    /**
     * The failed call's whole answer ({@code success}, {@code error}, {@code tool_call_id}, ...), as the server sent
     * it.
     *
     * @return the JSON, or {@code null} when no tool call was involved
     */
    public JsonNode getResultBody() {
        return details.resultBody();
    }
}
