package dev.codespar.internal.http;

import dev.codespar.errors.NetworkError;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * The asynchronous form of a call: the same per-attempt step and retry decision as the blocking loop in
 * {@link HttpTransport}, driven by OkHttp's callbacks; it waits between attempts without holding a thread, and its
 * future's cancellation cancels the HTTP call in flight.
 *
 * @param <T> the value type
 */
final class AsyncCall<T> implements Callback, InFlightCalls.RetryWaiter {
    private final ApiRequest request;
    private final HttpTransport transport;
    private final HttpTransport.ResponseReader<T> reader;
    private final OkHttpClient via;
    private final boolean stream;
    private final CallFuture<T> future = new CallFuture<>();
    private final long start;
    private final long deadline;
    private int attempt;
    private RequestSent tracker;
    private AttemptFailure lastFailure;
    private volatile int lastStatus;
    private volatile String lastRequestId;

    AsyncCall(HttpTransport transport, ApiRequest request, HttpTransport.ResponseReader<T> reader, OkHttpClient via,
            boolean stream) {
        this.transport = transport;
        this.request = request;
        this.reader = reader;
        this.via = via;
        this.stream = stream;
        this.start = transport.clock().nowMillis();
        this.deadline = transport.deadlineFrom(start);
    }

    CompletableFuture<T> start() {
        CallTelemetry observed = new CallTelemetry(transport.observer(), request, stream);
        future.whenComplete((value, error) -> {
            if (error == null) {
                observed.succeeded(lastStatus, attempt, lastRequestId);
            } else {
                observed.failed(error);
            }
        });
        resume();
        return future;
    }

    @Override
    public void resume() {
        if (future.isDone()) {
            return;
        }
        try {
            transport.inFlight().ensureOpen(request, attempt);
        } catch (NetworkError e) {
            future.completeExceptionally(e);
            return;
        }
        attempt++;
        tracker = new RequestSent();
        Call call = transport.newCall(request, via, stream, deadline, tracker);
        future.current = call;
        transport.inFlight().add(call);
        if (future.isCancelled()) {
            call.cancel();
        }
        call.enqueue(this);
    }

    @Override
    public void closed() {
        future.completeExceptionally(InFlightCalls.closedWhileWaiting(request, lastFailure, attempt));
    }

    @Override
    public void onFailure(Call call, IOException e) {
        transport.inFlight().remove(call);
        if (future.isDone()) {
            return;
        }
        AttemptFailure failure = transport.failed(request, e, tracker.isSent(), null, false);
        transport.log().failed(request, failure, attempt, start);
        retryOrFail(failure);
    }

    @Override
    public void onResponse(Call call, Response response) {
        transport.inFlight().remove(call);
        if (future.isDone()) {
            response.close();
            return;
        }
        HttpTransport.Step<T> step;
        try {
            step = transport.answered(request, call, response, reader, stream, attempt, start, false);
        } catch (Throwable t) {
            future.completeExceptionally(t);
            return;
        }
        // the answer is closed (and its connection released) before anyone waiting on the future runs
        if (step.failure() != null) {
            retryOrFail(step.failure());
            return;
        }
        lastStatus = step.status();
        lastRequestId = step.requestId();
        if (!future.complete(step.value()) && stream && step.value() instanceof AutoCloseable) {
            HttpTransport.closeQuietly((AutoCloseable) step.value()); // cancelled meanwhile: the stream has no owner
        }
    }

    private void retryOrFail(AttemptFailure failure) {
        Duration wait = transport.retries().next(request, failure, attempt, deadline, transport.maxRetries());
        if (wait == null) {
            future.completeExceptionally(failure.toError(attempt));
            return;
        }
        transport.log().retrying(request, wait.toMillis());
        lastFailure = failure;
        transport.inFlight().scheduleRetry(wait, this);
    }

    /** A future whose cancellation cancels the HTTP call in flight. */
    static final class CallFuture<T> extends CompletableFuture<T> {
        private volatile Call current;

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            Call call = current;
            // a future already completed keeps its call: a stream handed over reads from it
            if (cancelled && call != null) {
                call.cancel();
            }
            return cancelled;
        }
    }
}
