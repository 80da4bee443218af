package dev.codespar.internal.http;

import dev.codespar.errors.ErrorDetails;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/**
 * What an attempt that got no complete answer means, in words the caller can act on: whether the request reached
 * the server (and so whether it may have been processed), and why it failed.
 */
final class NetworkFailures {

    private NetworkFailures() {}

    /**
     * The failure of an attempt that got no complete answer.
     *
     * @param request the request
     * @param e the I/O failure
     * @param sent whether the request had been written whole (or its answer had started)
     * @param clientClosed whether the client was closed meanwhile
     * @param interrupted whether the calling thread was interrupted
     * @param requestId the {@code X-Request-Id} of an answer whose head had arrived, or {@code null}
     */
    static AttemptFailure of(ApiRequest request, IOException e, boolean sent, boolean clientClosed,
            boolean interrupted, String requestId) {
        String mayHaveRun = sent ? "; the request had been sent, so the server may have processed it" : "";
        AttemptFailure failure;
        if (clientClosed) {
            failure = new AttemptFailure(ErrorDetails.of(InFlightCalls.CLIENT_CLOSED, 0,
                    request + " failed: the CodeSpar client was closed while the call was in flight" + mayHaveRun),
                    AttemptFailure.Kind.FINAL, sent, e);
        } else if (interrupted) {
            failure = new AttemptFailure(ErrorDetails.of("network_error", 0, request + " was interrupted" + mayHaveRun),
                    AttemptFailure.Kind.FINAL, sent, e);
        } else {
            boolean timedOut = e instanceof SocketTimeoutException
                    || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()));
            StringBuilder message = new StringBuilder(request.toString()).append(" failed: ").append(describe(e, sent));
            if (sent && !request.isIdempotent()) {
                message.append("; the request had been sent, so the server may have processed it: check the outcome")
                        .append(" before sending it again");
            } else if (!sent) {
                message.append("; the request never reached the server");
            }
            failure = new AttemptFailure(ErrorDetails.of(timedOut ? "timeout" : "network_error", 0, message.toString()),
                    timedOut ? AttemptFailure.Kind.TIMEOUT : AttemptFailure.Kind.NETWORK, sent, e);
        }
        return requestId == null || requestId.isBlank() ? failure : failure.withRequestId(requestId.strip());
    }

    /** Whether an I/O failure on the calling thread is its interruption rather than the network's doing. */
    static boolean isInterruption(IOException e) {
        return Thread.currentThread().isInterrupted()
                || (e instanceof InterruptedIOException && "interrupted".equals(e.getMessage()));
    }

    private static String describe(IOException e, boolean sent) {
        String detail = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return "could not connect (" + detail + ")";
        }
        if (e instanceof UnknownHostException) {
            return "could not resolve the host (" + detail + ")";
        }
        if (e instanceof SSLException) {
            return "TLS failed (" + detail + ")";
        }
        if (e instanceof SocketTimeoutException) {
            return (sent ? "no answer in time" : "timed out before the request was sent") + " (" + detail + ")";
        }
        if (e instanceof InterruptedIOException && "timeout".equals(e.getMessage())) {
            return "the call did not complete within its timeout";
        }
        return "connection failed (" + detail + ")";
    }
}
