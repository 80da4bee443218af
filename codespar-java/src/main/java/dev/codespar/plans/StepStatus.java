package dev.codespar.plans;

/** How a step of a {@link ToolPlan} ended. */
public enum StepStatus {
    /** The tool answered a successful result. */
    SUCCEEDED,
    /**
     * The step failed: the tool answered a failed result, the call threw, or the step's own condition or input
     * function threw. {@link StepResult#mayHaveRun()} says whether the tool may have done its work anyway.
     */
    FAILED,
    /** The step's condition was false: the tool was not called. */
    SKIPPED,
    /** The plan stopped at an earlier failure before reaching this step. */
    NOT_RUN
}
