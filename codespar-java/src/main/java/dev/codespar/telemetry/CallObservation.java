package dev.codespar.telemetry;

/** One call being observed; told once when it ends. */
@FunctionalInterface
public interface CallObservation {

    /**
     * The call ended: an answer was read (or a stream opened), or it failed for good after its retries.
     *
     * @param outcome how it ended
     */
    void callEnded(CallOutcome outcome);
}
