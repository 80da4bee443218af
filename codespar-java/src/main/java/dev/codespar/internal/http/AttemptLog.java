package dev.codespar.internal.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DEBUG line of every attempt: method, path, status (or the failure's code), request id, attempt and elapsed
 * time. Never a header: the key is in one.
 */
final class AttemptLog {

    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

    private final Timing timing;

    AttemptLog(Timing timing) {
        this.timing = timing;
    }

    /** {@code start} is from {@link Timing#nowMillis()}, so the elapsed time is read from the same clock. */
    void answered(ApiRequest request, int status, String requestId, int attempt, long start) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} -> {} request_id={} attempt={} elapsed={}ms", request, status, requestId, attempt,
                    timing.nowMillis() - start);
        }
    }

    void failed(ApiRequest request, AttemptFailure failure, int attempt, long start) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} -> {} ({}) request_id={} attempt={} elapsed={}ms", request, failure.details().code(),
                    failure.cause() == null ? "" : failure.cause().getClass().getSimpleName(),
                    failure.details().requestId(), attempt, timing.nowMillis() - start);
        }
    }

    void retrying(ApiRequest request, long waitMillis) {
        LOG.debug("{} retrying in {} ms", request, waitMillis);
    }
}
