package dev.codespar.agent;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.ToolCodeDetails;
import dev.codespar.ToolResult;
import dev.codespar.ToolResultCode;
import dev.codespar.errors.ApiError;
import dev.codespar.errors.CodeSparException;
import dev.codespar.errors.ConfigError;
import dev.codespar.errors.InvalidRequestError;
import dev.codespar.errors.NeedsConnectionError;
import dev.codespar.errors.NetworkError;
import dev.codespar.errors.NotConnectedError;
import dev.codespar.errors.QuotaExceededError;
import dev.codespar.errors.RateLimitedError;
import dev.codespar.errors.StreamError;
import java.time.Duration;

/**
 * What a model is told about each outcome of a tool call: a JSON object as text, whose {@code message} says what to
 * do next (send the user a link, wait, do not repeat a payment whose outcome is unknown). Nothing here carries the
 * API key: the SDK's messages and error bodies never do.
 *
 * <p>What is not an outcome of the tool is thrown to the application instead of being told to the model: a
 * {@link ConfigError}, and a call the client's own {@code close()} ended ({@code client_closed}).
 */
final class ModelAnswers {

    private ModelAnswers() {}

    static ToolCallAnswer of(String callId, String name, ToolResult result) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("success", result.success());
        if (result.success()) {
            json.set("data", result.data());
        } else {
            failure(json, result);
        }
        if (result.toolCallId() != null) {
            json.put("tool_call_id", result.toolCallId());
        }
        if (result.requestId() != null) {
            json.put("request_id", result.requestId());
        }
        return new ToolCallAnswer(callId, name, json.toString(), !result.success(), result);
    }

    private static void failure(ObjectNode json, ToolResult result) {
        ToolCodeDetails details = result.codeDetails().orElse(null);
        String code = details == null ? null : details.rawCode();
        json.put("error", code != null ? code : result.error());
        if (details == null) {
            json.put("message", "the tool did not do its work: " + result.error());
            return;
        }
        String message = details.message() != null ? details.message() : result.error();
        if (details.code() == ToolResultCode.APPROVAL_REQUIRED) {
            json.put("approval_id", details.approvalId());
            if (details.expiresAt() != null) {
                json.put("expires_at", details.expiresAt().toString());
            }
            message = "a person must approve this call first (" + message + "); tell the user, and do not call the"
                    + " tool again until they say it was approved";
        } else if (details.code() == ToolResultCode.POLICY_DENIED) {
            json.put("rule_id", details.ruleId());
            message = "denied by a rule (" + details.ruleId() + "): " + message + "; do not try to get around it";
        }
        json.put("message", message);
    }

    /**
     * The answer for a failed call, or the exception itself when the failure is the application's, not the tool's.
     *
     * @throws CodeSparException a {@link ConfigError} or a {@code client_closed} failure, rethrown
     */
    static ToolCallAnswer of(String callId, String name, String toolName, CodeSparException failure) {
        if (failure instanceof ConfigError
                || (failure instanceof NetworkError network && network.isClientClosed())) {
            throw failure;
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("success", false);
        if (failure instanceof NeedsConnectionError needs) {
            json.put("error", "needs_connection");
            json.put("message", "the user must connect their account first: send them this link, and call the"
                    + " tool again once they have connected: " + needs.getConnectUrl());
            json.put("connect_url", needs.getConnectUrl());
        } else if (failure instanceof RateLimitedError limited) {
            Duration wait = limited.getRetryAfter().orElse(Duration.ofSeconds(30));
            json.put("error", "rate_limited");
            json.put("message", "too many calls for now: wait " + Math.max(1, wait.toSeconds())
                    + " seconds before calling a tool again");
            json.put("retry_after_seconds", Math.max(1, wait.toSeconds()));
        } else if (failure instanceof QuotaExceededError) {
            json.put("error", "quota_exceeded");
            json.put("message", "the account's quota is used up: do not call the tool again; tell the user");
        } else if (failure instanceof InvalidRequestError invalid) {
            // checked here before any request, or refused by the server: either way nothing was done
            json.put("error", "invalid_arguments");
            json.put("message", (invalid.getAttempts() == 0 ? "the call was not sent: "
                    : "the server refused the arguments, so the call did not go through and nothing was done: ")
                    + invalid.getServerMessage() + "; fix the arguments and call the tool again");
        } else if (failure instanceof NotConnectedError notConnected) {
            json.put("error", "not_connected");
            json.put("message", "the server " + notConnected.getPendingServers()
                    + " is not connected to this session, so the tool cannot run; tell the user");
        } else if (failure instanceof ApiError api) {
            apiFailure(json, api, toolName);
        } else if (failure instanceof StreamError) {
            json.put("error", "stream_error");
            json.put("message", failure.getMessage());
        }
        if (failure instanceof ApiError api && api.getRequestId() != null) {
            json.put("request_id", api.getRequestId());
        }
        return new ToolCallAnswer(callId, name, json.toString(), true, null);
    }

    /** An HTTP or network failure: whether the call may have run decides what the model may do next. */
    private static void apiFailure(ObjectNode json, ApiError api, String toolName) {
        json.put("error", api.getCode() != null ? api.getCode() : "http_" + api.getStatus());
        if (api.mayHaveBeenProcessed()) {
            json.put("message", "the outcome of " + toolName + " is unknown: the request may have been processed."
                    + " Do not call it again; tell the user it will be checked");
            json.put("outcome_unknown", true);
        } else {
            json.put("message", "the call did not go through (" + api.getServerMessage() + "); nothing was done");
        }
    }

    static ToolCallAnswer unknownTool(String callId, String name, java.util.Collection<String> offered) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("success", false)
                .put("error", "unknown_tool")
                .put("message", "there is no tool named " + name + "; the tools are " + offered);
        return new ToolCallAnswer(callId, name, json.toString(), true, null);
    }

    static ToolCallAnswer badArguments(String callId, String name, String why) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("success", false)
                .put("error", "invalid_arguments")
                .put("message", "the arguments are not a JSON object (" + why + "); call the tool again with an"
                        + " object matching its schema");
        return new ToolCallAnswer(callId, name, json.toString(), true, null);
    }
}
