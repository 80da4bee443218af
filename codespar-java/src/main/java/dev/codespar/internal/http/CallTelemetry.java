package dev.codespar.internal.http;

import dev.codespar.errors.ApiError;
import dev.codespar.telemetry.CallObservation;
import dev.codespar.telemetry.CallObserver;
import dev.codespar.telemetry.CallOutcome;
import dev.codespar.telemetry.CallStart;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One call as its {@link CallObserver} sees it: started when made, ended once with its outcome. */
final class CallTelemetry {

    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

    private final CallObservation observation;
    private final long startNanos = System.nanoTime();

    CallTelemetry(CallObserver observer, ApiRequest request, boolean stream) {
        CallObservation o;
        try {
            o = observer.callStarted(new CallStart(request.method(), request.pathTemplate(), stream));
        } catch (RuntimeException e) {
            LOG.warn("the call observer failed at the start of a call; it is ignored: {}", e.toString());
            o = null;
        }
        this.observation = o;
    }

    void succeeded(int status, int attempts, String requestId) {
        end(new CallOutcome(status, null, attempts, requestId, Duration.ofNanos(System.nanoTime() - startNanos)));
    }

    void failed(Throwable error) {
        Throwable e = ChainedFuture.unwrap(error);
        if (e instanceof ApiError api) {
            end(new CallOutcome(api.getStatus(), api.getCode() != null ? api.getCode() : "http_" + api.getStatus(),
                    api.getAttempts(), api.getRequestId(), Duration.ofNanos(System.nanoTime() - startNanos)));
        } else {
            end(new CallOutcome(0, e instanceof java.util.concurrent.CancellationException ? "cancelled"
                    : "client_error", 0, null, Duration.ofNanos(System.nanoTime() - startNanos)));
        }
    }

    private void end(CallOutcome outcome) {
        if (observation == null) {
            return;
        }
        try {
            observation.callEnded(outcome);
        } catch (RuntimeException e) {
            LOG.warn("the call observer failed at the end of a call; it is ignored: {}", e.toString());
        }
    }
}
