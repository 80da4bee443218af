package dev.codespar.telemetry;

/**
 * Sees every API call of a client, for metrics and traces: told when a call starts, and when it ends with its
 * outcome. The Spring Boot starter turns these into Micrometer observations; any application can record them its own
 * way. Never given the API key or a header.
 *
 * <pre>{@code
 * CodeSparClient client = CodeSparClient.builder()
 *         .callObserver(start -> {
 *             long t0 = System.nanoTime();
 *             return outcome -> metrics.record(start.method() + " " + start.pathTemplate(), outcome.status(),
 *                     outcome.errorCode(), System.nanoTime() - t0);
 *         })
 *         .build();
 * }</pre>
 *
 * <p>Called on the thread that runs the call (the caller's for a blocking call, OkHttp's for an asynchronous one);
 * must be quick and must not throw (what it throws is logged and ignored).
 */
@FunctionalInterface
public interface CallObserver {

    /**
     * A call starts (before its first attempt).
     *
     * @param start what the call is
     * @return who is told when it ends
     */
    CallObservation callStarted(CallStart start);

    /**
     * Observes nothing.
     *
     * @return the observer
     */
    static CallObserver none() {
        return start -> outcome -> { };
    }
}
