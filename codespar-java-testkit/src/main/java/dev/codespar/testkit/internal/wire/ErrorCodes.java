package dev.codespar.testkit.internal.wire;

import java.util.Map;
import java.util.Set;

/**
 * The error codes of the CodeSpar error reference (and the codes seen beyond it), with the HTTP status each one is
 * answered with and a message like the server's.
 */
public final class ErrorCodes {

    /**
     * One code.
     *
     * @param code the code
     * @param status its HTTP status
     * @param message a default message
     */
    public record Code(String code, int status, String message) {}

    private static final Map<String, Code> CODES = Map.ofEntries(
            entry("invalid_request", 400, "Missing required field: amount"),
            entry("slug_invalid", 400, "Slug must be 1 to 64 characters of a-z, 0-9, '_' or '-'"),
            entry("slug_reserved", 400, "The slug 'default' is reserved"),
            entry("unknown_servers", 400, "Unknown servers"),
            entry("mocks_invalid", 400, "mock value must be a non-null JSON object or an array of non-null JSON"
                    + " objects; see field for location"),
            entry("unauthorized", 401, "The API key is missing, malformed or revoked"),
            entry("forbidden", 403, "The API key lacks the scope required for this operation"),
            entry("mocks_not_permitted", 403, "mocks are only accepted for test-environment projects"),
            entry("not_found", 404, "Session not found or closed"),
            entry("slug_conflict", 409, "Another project in the organization already uses this slug"),
            entry("webhook_url_conflict", 409,
                    "Another active trigger already subscribes the same URL to the same event"),
            entry("cannot_delete_default", 409, "promote another project to default before deleting this one"),
            entry("cannot_delete_last_project", 409, "organization must keep at least one project"),
            entry("mocks_payload_too_large", 413, "mocks payload exceeds 65536 bytes when JSON-encoded"),
            entry("needs_connection", 422, "The user has not connected this server yet"),
            entry("provider_unavailable", 422, "The provider rejected the request permanently"),
            entry("tool_not_mocked", 422, "No mock declared for this tool"),
            entry("mocks_exhausted", 422, "The stateful mock for this tool has no entries left"),
            entry("rate_limited", 429, "Too many requests"),
            entry("quota_exceeded", 429, "Quota exceeded"),
            entry("internal_error", 500, "Internal server error"),
            entry("project_resolution_failed", 500, "Could not resolve the project"),
            entry("chat_loop_failed", 500, "model call failed"),
            entry("provider_error", 502, "The provider returned an unexpected response"),
            entry("service_unavailable", 503, "Service temporarily unavailable"),
            entry("mocks_engine_error", 503, "The mock engine failed"),
            entry("gateway_timeout", 504, "The provider did not respond within 30000ms"));

    /** Codes answered in the test-mode shape {@code {code, message, ...}} instead of the flat envelope. */
    private static final Set<String> TEST_MODE = Set.of("mocks_invalid", "mocks_not_permitted",
            "mocks_payload_too_large", "tool_not_mocked", "mocks_exhausted", "mocks_engine_error");

    private ErrorCodes() {}

    private static Map.Entry<String, Code> entry(String code, int status, String message) {
        return Map.entry(code, new Code(code, status, message));
    }

    /**
     * A known code.
     *
     * @param code the code
     * @return the code's entry, or {@code null}
     */
    public static Code find(String code) {
        return code == null ? null : CODES.get(code);
    }

    /**
     * Whether a code is answered in the test-mode shape.
     *
     * @param code the code
     * @return {@code true} for the mock codes
     */
    public static boolean isTestMode(String code) {
        return TEST_MODE.contains(code);
    }

    /**
     * The default message of a code.
     *
     * @param code the code
     * @param status its status
     * @return the message
     */
    public static String defaultMessage(String code, int status) {
        Code known = find(code);
        return known != null ? known.message() : "Injected " + code + " (" + status + ")";
    }
}
