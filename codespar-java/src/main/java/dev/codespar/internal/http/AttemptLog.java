package dev.codespar.internal.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The line of every attempt: method, path, status (or the failure's code), request id, attempt and elapsed time.
 * DEBUG by default; INFO when the client was built with {@code debugLogging(true)} or {@code CODESPAR_LOG=debug},
 * so the lines show without touching the application's logger levels. Never a header: the key is in one.
 */
final class AttemptLog {

    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

    private final Timing timing;
    private final Level level;

    AttemptLog(Timing timing, boolean verbose) {
        this.timing = timing;
        this.level = verbose ? Level.INFO : Level.DEBUG;
    }

    /** {@code start} is from {@link Timing#nowMillis()}, so the elapsed time is read from the same clock. */
    void answered(ApiRequest request, int status, String requestId, int attempt, long start) {
        if (LOG.isEnabledForLevel(level)) {
            LOG.atLevel(level).log("{} -> {} request_id={} attempt={} elapsed={}ms", request, status, requestId,
                    attempt, timing.nowMillis() - start);
        }
    }

    void failed(ApiRequest request, AttemptFailure failure, int attempt, long start) {
        if (LOG.isEnabledForLevel(level)) {
            LOG.atLevel(level).log("{} -> {} ({}) request_id={} attempt={} elapsed={}ms", request,
                    failure.details().code(),
                    failure.cause() == null ? "" : failure.cause().getClass().getSimpleName(),
                    failure.details().requestId(), attempt, timing.nowMillis() - start);
        }
    }

    void retrying(ApiRequest request, long waitMillis) {
        if (LOG.isEnabledForLevel(level)) {
            LOG.atLevel(level).log("{} retrying in {} ms", request, waitMillis);
        }
    }
}
