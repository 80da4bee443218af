package dev.codespar.testkit.internal.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.testkit.internal.state.ToolCallRecord;

/** One meta-tool the fake implements. */
public interface MetaTool {

    /**
     * Runs the tool.
     *
     * @param call the call
     * @return the result's {@code data}
     * @throws ToolInputError when the input does not fit
     * @throws ToolFailure for a tool-level failure
     */
    JsonNode run(MetaCall call);

    /**
     * Which status endpoint tracks a successful call.
     *
     * @param input the call's input
     * @return {@code PAYMENT}, {@code VERIFICATION} or {@code OTHER}
     */
    default ToolCallRecord.Kind settles(JsonNode input) {
        return ToolCallRecord.Kind.OTHER;
    }

    /**
     * Whether the hosted API answers an input error with HTTP 400 (the transactional tools) rather than a failed
     * result (the platform's own tools, whose contracts ask for a typed failure).
     *
     * @return {@code true} for HTTP 400
     */
    default boolean inputErrorsAreHttp() {
        return true;
    }
}
