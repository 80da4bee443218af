package dev.codespar.internal.http;

import dev.codespar.errors.ErrorDetails;
import dev.codespar.errors.NetworkError;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * What a transport has under way: calls in flight, open streams, and calls waiting to be retried. Closing the
 * transport ends all of them at once: calls and streams are cancelled, and a call waiting between attempts (a
 * blocking one asleep, an asynchronous one scheduled) fails right away with an error saying the client was closed,
 * instead of after its wait.
 */
final class InFlightCalls {

    /** An asynchronous call waiting for its next attempt. */
    interface RetryWaiter {
        /** The wait is over: make the next attempt. */
        void resume();

        /** The client was closed during the wait. */
        void closed();
    }

    /**
     * The code of a call the client's {@code close()} refused or ended: not a network fault, and not an outcome of
     * the tool (a {@code NetworkError} with status 0).
     */
    static final String CLIENT_CLOSED = "client_closed";

    private final Timing timing;
    private final Set<Call> calls = ConcurrentHashMap.newKeySet();
    private final Set<RetryWaiter> waiters = ConcurrentHashMap.newKeySet();
    private final CountDownLatch closedSignal = new CountDownLatch(1);
    private volatile boolean closed;

    InFlightCalls(Timing timing) {
        this.timing = timing;
    }

    boolean isClosed() {
        return closed;
    }

    /** Refuses a new attempt once the client is closed. */
    void ensureOpen(ApiRequest request, int attemptsSoFar) {
        if (closed) {
            throw new NetworkError(ErrorDetails.of(CLIENT_CLOSED, 0,
                    request + " was not sent: the CodeSpar client is closed").withAttempts(attemptsSoFar));
        }
    }

    void add(Call call) {
        calls.add(call);
        if (closed) {
            call.cancel(); // close() ran before the call was registered
        }
    }

    void remove(Call call) {
        calls.remove(call);
    }

    /**
     * Keeps a stream's call among the calls in flight until its answer is closed, so that closing the client cancels
     * open streams too (their reader then fails with a {@code StreamError} saying the client was closed).
     */
    Response untilClosed(Response response, Call call) {
        ResponseBody body = response.body();
        if (body == null) {
            remove(call);
            return response;
        }
        add(call);
        return response.newBuilder().body(new ResponseBody() {
            @Override
            public MediaType contentType() {
                return body.contentType();
            }

            @Override
            public long contentLength() {
                return body.contentLength();
            }

            @Override
            public BufferedSource source() {
                return body.source();
            }

            @Override
            public void close() {
                remove(call);
                body.close();
            }
        }).build();
    }

    /**
     * Blocks the calling thread for a retry wait; closing the client ends the wait at once.
     *
     * @throws NetworkError when the client is closed meanwhile, or the thread is interrupted (its flag stays set)
     */
    void awaitRetry(ApiRequest request, Duration wait, AttemptFailure failure, int attempt) {
        boolean woken;
        try {
            woken = timing.sleep(wait, closedSignal);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkError(ErrorDetails.of("network_error", 0,
                    request + " was interrupted while waiting to retry; no further attempt was made")
                    .withAttempts(attempt), failure.requestSent(), e);
        }
        if (woken || closed) {
            throw closedWhileWaiting(request, failure, attempt);
        }
    }

    /** Runs the waiter's next attempt after the wait, or tells it at once when the client is closed first. */
    void scheduleRetry(Duration wait, RetryWaiter waiter) {
        waiters.add(waiter);
        if (closed && waiters.remove(waiter)) {
            waiter.closed();
            return;
        }
        timing.after(wait).execute(() -> {
            if (waiters.remove(waiter)) {
                waiter.resume();
            }
        });
    }

    /**
     * Pauses a poller (waiting for connections) for up to the wait; returns early, without an error, when the client
     * is closed: the next call then fails saying so.
     *
     * @throws InterruptedException when the thread is interrupted
     */
    void pause(Duration wait) throws InterruptedException {
        timing.sleep(wait, closedSignal);
    }

    /** Closes: cancels every call and stream, and ends every retry wait now. */
    void close() {
        closed = true;
        closedSignal.countDown();
        for (Call call : calls) {
            call.cancel();
        }
        for (RetryWaiter waiter : waiters) {
            if (waiters.remove(waiter)) {
                waiter.closed();
            }
        }
    }

    /** The error of a call whose retry wait the client's close ended. */
    static NetworkError closedWhileWaiting(ApiRequest request, AttemptFailure failure, int attempt) {
        return new NetworkError(ErrorDetails.of(CLIENT_CLOSED, 0, request + " failed: the CodeSpar client was closed"
                + " while the call waited to be retried; no further attempt was made"
                + (failure.requestSent() && !request.isIdempotent()
                        ? " (the last attempt had been sent, so the server may have processed it)" : ""))
                .withAttempts(attempt).withRequestId(failure.details().requestId()), failure.requestSent(),
                failure.cause());
    }
}
