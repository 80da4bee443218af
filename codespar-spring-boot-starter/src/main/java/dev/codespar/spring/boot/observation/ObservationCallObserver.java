package dev.codespar.spring.boot.observation;

import dev.codespar.telemetry.CallObservation;
import dev.codespar.telemetry.CallObserver;
import dev.codespar.telemetry.CallOutcome;
import dev.codespar.telemetry.CallStart;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;

/**
 * Turns every CodeSpar API call into one Micrometer {@link Observation} named {@value #NAME} (a timer of that name
 * once a meter registry is present, a span with tracing). Its low-cardinality keys, fit to tag metrics with:
 * {@code method} ({@code POST}), {@code uri} (the path template, {@code /v1/sessions/{id}/execute}), {@code status}
 * (the HTTP status of the last answer, {@code 0} when none came), {@code error} (the error code, {@code none} on
 * success), {@code outcome} ({@code SUCCESS} or {@code FAILURE}) and {@code attempts}; its high-cardinality key
 * {@code codespar.request_id} carries the server's request id ({@code none} when the server sent none). The API key
 * and headers are never seen.
 *
 * <pre>{@code
 * CodeSparClient client = CodeSparClient.builder()
 *         .callObserver(new ObservationCallObserver(observationRegistry))
 *         .build();
 * }</pre>
 */
public final class ObservationCallObserver implements CallObserver {

    /** The observation name (and the timer's, with Micrometer metrics). */
    public static final String NAME = "codespar.client.requests";

    private final ObservationRegistry registry;

    /**
     * An observer recording into a registry.
     *
     * @param registry where the observations go
     */
    public ObservationCallObserver(ObservationRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public CallObservation callStarted(CallStart start) {
        Observation observation = Observation.createNotStarted(NAME, registry)
                .contextualName("codespar " + start.method() + " " + start.pathTemplate())
                .lowCardinalityKeyValue("method", start.method())
                .lowCardinalityKeyValue("uri", start.pathTemplate())
                .start();
        // not opened in scope: an asynchronous call ends on another thread than the one it started on
        return outcome -> end(observation, outcome);
    }

    private static void end(Observation observation, CallOutcome outcome) {
        observation.lowCardinalityKeyValue("status", Integer.toString(outcome.status()))
                .lowCardinalityKeyValue("error", outcome.success() ? "none" : outcome.errorCode())
                .lowCardinalityKeyValue("outcome", outcome.success() ? "SUCCESS" : "FAILURE")
                .lowCardinalityKeyValue("attempts", Integer.toString(outcome.attempts()))
                .highCardinalityKeyValue("codespar.request_id",
                        outcome.requestId() == null ? "none" : outcome.requestId())
                .stop();
    }
}
