package dev.codespar.errors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A tool call reached a server that needs the user's own OAuth connection, and the user has not connected it
 * yet ({@code needs_connection}, HTTP 422).
 *
 * <p>Fix: send {@link #getConnectUrl()} to the user in the conversation; once they connect, call the tool again:
 * the stored credentials are used from then on.
 *
 * <pre>{@code
 * try {
 *     session.execute("codespar_pay", input);
 * } catch (NeedsConnectionError e) {
 *     chat.reply("Please connect your account: " + e.getConnectUrl());
 * }
 * }</pre>
 */
public final class NeedsConnectionError extends UnprocessableEntityError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error; the SDK does this for you, and tests can too (or use {@link ApiError#from(ErrorDetails)}).
     *
     * @param details the code, status, request id and the rest of the failure
     */
    public NeedsConnectionError(ErrorDetails details) {
        super(details);
    }

    /**
     * The link the user opens to connect the server: {@code connect_url} at the top of the error body, else under
     * {@code error.details}.
     *
     * @return the URL, or {@code null} when the server sent none
     */
    public String getConnectUrl() {
        JsonNode body = getBody();
        if (body == null) {
            return null;
        }
        JsonNode url = body.path("connect_url");
        if (!url.isTextual()) {
            url = body.path("error").path("details").path("connect_url");
        }
        return url.isTextual() ? url.asText() : null;
    }
}
