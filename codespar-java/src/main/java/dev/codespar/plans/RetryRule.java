package dev.codespar.plans;

import dev.codespar.ToolResult;
import dev.codespar.ToolResultCode;
import dev.codespar.errors.ApiError;
import dev.codespar.errors.NetworkError;
import dev.codespar.errors.NotConnectedError;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Which failed attempts a plan may call again: only those that provably did not run, and that a second call could
 * answer differently. The one place this is decided.
 */
final class RetryRule {

    private RetryRule() {}

    /**
     * A failed result did not do the tool's work. It is worth repeating unless it is an answer a repeat gets the same
     * way: a governance rule ({@code policy_denied}), a human approval (repeating would ask twice), a test-mode mock
     * that is used up or missing.
     */
    static boolean worthRepeating(ToolResult failed) {
        ToolResultCode code = failed.code();
        return code != ToolResultCode.POLICY_DENIED && code != ToolResultCode.APPROVAL_REQUIRED
                && code != ToolResultCode.MOCKS_EXHAUSTED && code != ToolResultCode.TOOL_NOT_MOCKED;
    }

    /**
     * An exception of the call is worth repeating only when the server provably did nothing and said (or showed) it
     * could not take the request now: a request that never left (not a closed client), a 429 other than
     * {@code quota_exceeded}, a 502 or a 503. Never after {@link ApiError#mayHaveBeenProcessed()}.
     */
    static boolean worthRepeating(Throwable thrown) {
        Throwable error = unwrap(thrown);
        if (!(error instanceof ApiError api) || api.mayHaveBeenProcessed()) {
            return false;
        }
        if (api instanceof NetworkError network) {
            return !network.wasRequestSent() && !network.isClientClosed();
        }
        int status = api.getStatus();
        return status == 429 && !"quota_exceeded".equals(api.getCode()) || status == 502 || status == 503;
    }

    /**
     * Whether a call that threw may have done its work: what {@link ApiError#mayHaveBeenProcessed()} says, not for a
     * connection the server reported absent, and yes for anything the SDK cannot place.
     */
    static boolean mayHaveRun(Throwable thrown) {
        Throwable error = unwrap(thrown);
        if (error instanceof ApiError api) {
            return api.mayHaveBeenProcessed();
        }
        return !(error instanceof NotConnectedError);
    }

    /** The exception a future completed with, without its wrappers. */
    static Throwable unwrap(Throwable thrown) {
        Throwable t = thrown;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
