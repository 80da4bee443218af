package dev.codespar.internal.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful JSON answer: the body as a tree, with what the headers said about it.
 *
 * @param json the body; an empty object when the body was empty
 * @param status the HTTP status
 * @param requestId the {@code X-Request-Id} header (else the body's {@code request_id}), or {@code null}
 */
public record JsonAnswer(JsonNode json, int status, String requestId) {}
