package dev.codespar.internal.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful JSON answer: the body as a tree, with what the headers said about it.
 *
 * @param json the body
 * @param status the HTTP status
 * @param requestId the {@code X-Request-Id} header (else the body's {@code request_id}), or {@code null}
 * @param call the request it answers, e.g. {@code POST /v1/sessions/ses_1/execute}, for messages
 */
public record JsonAnswer(JsonNode json, int status, String requestId, String call) {}
