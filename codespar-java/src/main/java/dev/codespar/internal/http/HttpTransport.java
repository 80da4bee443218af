package dev.codespar.internal.http;

import dev.codespar.errors.ApiError;
import dev.codespar.errors.ErrorDetails;
import dev.codespar.telemetry.CallObserver;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * The one path every CodeSpar call takes: request build, attempt, retry decision, then the value or a typed error.
 * A blocking call ({@link #execute}) and an asynchronous one ({@link #executeAsync}) run the same per-attempt step
 * ({@link #answered}, {@link #failed}) and ask the same {@link RetryDecision}; they differ only in how they wait.
 *
 * <p>Thread-safe. Every {@link Response} is closed on every path, except the one a stream call hands to its
 * caller. Nothing here logs a header.
 */
public final class HttpTransport implements AutoCloseable {


    /**
     * Everything the transport needs; built by the client builder after it has validated each value.
     *
     * @param baseUrl the API root, without a trailing slash
     * @param apiKey the secret key; only ever placed in the {@code Authorization} header
     * @param userAgent the {@code User-Agent} value
     * @param projectId the client's project, or {@code null}
     * @param retryRules when to retry
     * @param timeout the per-attempt timeout
     * @param callTimeout the overall deadline of a call and its retries, or {@code null} for none
     * @param maxPostConnectionIdle the longest a pooled connection may have been idle for a non-idempotent request
     *     to be sent on it
     * @param httpClient the caller's client to copy, or {@code null} for a new one owned by the transport
     * @param timing clock, sleeps and jitter
     * @param observer sees every call start and end
     * @param verboseLog whether every attempt is logged at INFO instead of DEBUG
     */
    public record Settings(HttpUrl baseUrl, String apiKey, String userAgent, String projectId,
            RetryRules retryRules, Duration timeout, Duration callTimeout, Duration maxPostConnectionIdle,
            OkHttpClient httpClient, Timing timing, CallObserver observer, boolean verboseLog) {

        @Override
        public String toString() {
            return "Settings{baseUrl=" + baseUrl + ", apiKey=[redacted], projectId=" + projectId + "}";
        }
    }

    /**
     * Turns a successful answer into a value.
     *
     * @param <T> the value type
     */
    @FunctionalInterface
    public interface ResponseReader<T> {
        /**
         * Reads the answer.
         *
         * @param response the 2xx answer
         * @param call the call that produced it (a stream keeps it to cancel from another thread)
         * @return the value
         * @throws IOException when the body cannot be read
         */
        T read(Response response, Call call) throws IOException;

        /**
         * A reader that converts this reader's value. Mapping inside the reader, rather than with
         * {@code CompletableFuture.thenApply}, keeps the future returned by {@link #executeAsync} the one whose
         * cancellation cancels the HTTP call.
         *
         * @param mapper the conversion; its exceptions fail the call
         * @param <R> the converted type
         * @return the composed reader
         */
        default <R> ResponseReader<R> map(java.util.function.Function<? super T, ? extends R> mapper) {
            return (response, call) -> mapper.apply(read(response, call));
        }
    }

    private final OkHttpClient client;
    private final boolean ownsClient;
    private final HttpUrl baseUrl;
    private final String projectId;
    private final Duration timeout;
    private final Duration callTimeout;
    private final Timing timing;
    private final RequestFactory requests;
    private final RetryDecision retries;
    private final StaleConnections staleConnections;
    private final InFlightCalls inFlight;
    private final AttemptLog log;
    private final CallObserver observer;
    /** The OkHttp clients of other read timeouts (streams' idle timeouts, per-call timeouts), shared by views. */
    private final Map<Duration, OkHttpClient> clientsByReadTimeout;
    private final CallOptions options;

    /**
     * Creates the transport and its OkHttp client (a copy of the caller's, when one is given).
     *
     * @param settings validated settings
     */
    public HttpTransport(Settings settings) {
        this.baseUrl = settings.baseUrl();
        this.projectId = settings.projectId();
        this.timeout = settings.timeout();
        this.callTimeout = settings.callTimeout();
        this.timing = settings.timing();
        this.ownsClient = settings.httpClient() == null;
        Authentication authentication = new Authentication(settings.apiKey(), settings.userAgent(),
                settings.httpClient());
        this.staleConnections = new StaleConnections(settings.maxPostConnectionIdle());
        this.client = OkHttpClients.build(settings.httpClient(), timeout, authentication, staleConnections);
        this.requests = new RequestFactory(baseUrl, projectId, authentication);
        this.retries = new RetryDecision(settings.retryRules(), timing);
        this.inFlight = new InFlightCalls(timing);
        this.log = new AttemptLog(timing, settings.verboseLog());
        this.observer = settings.observer() == null ? CallObserver.none() : settings.observer();
        this.clientsByReadTimeout = new ConcurrentHashMap<>();
        this.options = CallOptions.NONE;
    }

    /** A view that shares everything with {@code base} (connections, calls in flight, close) but its options. */
    private HttpTransport(HttpTransport base, CallOptions options) {
        this.client = base.client;
        this.ownsClient = false;
        this.baseUrl = base.baseUrl;
        this.projectId = base.projectId;
        this.timeout = options.timeout() != null ? options.timeout() : base.timeout;
        this.callTimeout = base.callTimeout;
        this.timing = base.timing;
        this.requests = base.requests;
        this.retries = base.retries;
        this.staleConnections = base.staleConnections;
        this.inFlight = base.inFlight;
        this.log = base.log;
        this.observer = base.observer;
        this.clientsByReadTimeout = base.clientsByReadTimeout;
        this.options = options;
    }

    /**
     * A view of this transport whose calls use other settings; it shares the connections, the calls in flight and
     * the closing with this one (closing the view closes nothing).
     *
     * @param overrides the settings that differ
     * @return the view
     */
    public HttpTransport withOptions(CallOptions overrides) {
        return new HttpTransport(this, options.with(overrides));
    }

    /**
     * The OkHttp client the transport sends with (for tests and diagnostics).
     *
     * @return the client
     */
    public OkHttpClient okHttpClient() {
        return client;
    }

    /**
     * The API root.
     *
     * @return the base URL
     */
    public HttpUrl baseUrl() {
        return baseUrl;
    }

    /**
     * The client-level project id.
     *
     * @return the id, or {@code null}
     */
    public String projectId() {
        return projectId;
    }

    /**
     * The clock of this transport; callers that poll (waiting for connections) read it so that tests control time.
     *
     * @return the timing
     */
    public Timing timing() {
        return timing;
    }

    /**
     * Pauses a poller between two polls; returns early when the transport is closed (the next call then fails
     * saying so).
     *
     * @param wait the pause
     * @throws InterruptedException when the thread is interrupted
     */
    public void pause(Duration wait) throws InterruptedException {
        inFlight.pause(wait);
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return {@code true} once closed
     */
    public boolean isClosed() {
        return inFlight.isClosed();
    }

    /**
     * Sends the request (retrying by the policy) and reads the successful answer; the answer is closed afterwards.
     *
     * @param request the request
     * @param reader reads a 2xx answer
     * @param <T> the value type
     * @return the value
     * @throws ApiError the typed error of the last attempt
     */
    public <T> T execute(ApiRequest request, ResponseReader<T> reader) {
        return run(request, reader, false, callClient());
    }

    /**
     * Opens a stream: like {@link #execute} until a 2xx answer arrives, which the reader then owns and must close.
     * The attempt has no overall call timeout; the idle timeout bounds every read instead.
     *
     * @param request the request (its {@code Accept} should be {@link ApiRequest#EVENT_STREAM})
     * @param idleTimeout the longest silence tolerated on the socket
     * @param reader wraps the open answer; it owns the answer from then on
     * @param <T> the stream type
     * @return the stream
     */
    public <T> T openStream(ApiRequest request, Duration idleTimeout, ResponseReader<T> reader) {
        return run(request, reader, true, streamClient(idleTimeout));
    }

    /**
     * The non-blocking twin of {@link #execute}: completes on OkHttp's dispatcher thread, waits between retries
     * without holding a thread, and cancels the HTTP call when the future is cancelled.
     *
     * @param request the request
     * @param reader reads a 2xx answer
     * @param <T> the value type
     * @return a future completed with the value or with the typed error
     */
    public <T> CompletableFuture<T> executeAsync(ApiRequest request, ResponseReader<T> reader) {
        return new AsyncCall<>(this, request, reader, callClient(), false).start();
    }

    /**
     * The non-blocking twin of {@link #openStream}: completes once a 2xx answer arrived and the reader wrapped it
     * (failures before that follow the usual retry rules); cancelling the future before then cancels the HTTP call.
     *
     * @param request the request
     * @param idleTimeout the longest silence tolerated on the socket
     * @param reader wraps the open answer; it owns the answer from then on
     * @param <T> the stream type
     * @return a future of the stream
     */
    public <T> CompletableFuture<T> openStreamAsync(ApiRequest request, Duration idleTimeout,
            ResponseReader<T> reader) {
        return new AsyncCall<>(this, request, reader, streamClient(idleTimeout), true).start();
    }

    /**
     * Closes the transport: calls in flight, open streams and calls waiting to be retried fail at once with an error
     * saying so, new calls are refused, and an OkHttp client created by the SDK releases its threads and
     * connections. A caller's client is left alone.
     */
    @Override
    public void close() {
        if (options != CallOptions.NONE) {
            return; // a view: the transport it was made from owns the resources
        }
        inFlight.close();
        if (ownsClient) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    Timing clock() {
        return timing;
    }

    InFlightCalls inFlight() {
        return inFlight;
    }

    RetryDecision retries() {
        return retries;
    }

    AttemptLog log() {
        return log;
    }

    CallObserver observer() {
        return observer;
    }

    /** The client of plain calls: the transport's, or one whose reads time out after this view's timeout. */
    private OkHttpClient callClient() {
        return options.timeout() == null ? client : clientWithReadTimeout(options.timeout());
    }

    /** The client of a stream: reads time out after its idle timeout (this view's, when it sets one). */
    private OkHttpClient streamClient(Duration idleTimeout) {
        return clientWithReadTimeout(options.streamIdleTimeout() != null ? options.streamIdleTimeout() : idleTimeout);
    }

    private OkHttpClient clientWithReadTimeout(Duration readTimeout) {
        return clientsByReadTimeout.computeIfAbsent(readTimeout, t -> OkHttpClients.forStream(client, t));
    }

    /** The most retries of this transport's calls, or {@code null} for the client's. */
    Integer maxRetries() {
        return options.maxRetries();
    }

    // ---------------------------------------------------------------- one attempt

    /** What one attempt produced: the value (with its answer's status and request id), or the failure. */
    record Step<T>(T value, AttemptFailure failure, int status, String requestId) {

        static <T> Step<T> failed(AttemptFailure failure) {
            return new Step<>(null, failure, failure.details().status(), failure.details().requestId());
        }
    }

    /** A new call for the next attempt; a non-idempotent one first closes connections idle past the bound. */
    Call newCall(ApiRequest request, OkHttpClient via, boolean stream, long deadline, RequestSent tracker) {
        if (!request.isIdempotent()) {
            staleConnections.sweep();
        }
        Call call = via.newCall(requests.build(request, tracker, options.headers()));
        if (!stream) {
            call.timeout().timeout(attemptBudget(deadline), TimeUnit.MILLISECONDS);
        }
        return call;
    }

    /**
     * The step after an answer arrived: the value of a 2xx answer (a stream's answer is handed over open), or the
     * error details of any other. The answer is closed unless handed over.
     *
     * @throws ApiError {@code invalid_response} for a 2xx answer the reader cannot use (never retried)
     */
    <T> Step<T> answered(ApiRequest request, Call call, Response response, ResponseReader<T> reader,
            boolean stream, int attempt, long start, boolean callerThread) {
        boolean handedOver = false;
        Response readable = response;
        try {
            if (!response.isSuccessful()) {
                ErrorDetails details = ErrorEnvelope.read(response, timing.nowMillis());
                log.answered(request, response.code(), details.requestId(), attempt, start);
                return Step.failed(AttemptFailure.http(details));
            }
            log.answered(request, response.code(), response.header("X-Request-Id"), attempt, start);
            if (stream) {
                requireEventStream(request, response);
                readable = inFlight.untilClosed(response, call);
            }
            T value = reader.read(readable, call);
            handedOver = stream;
            return new Step<>(value, null, response.code(), response.header("X-Request-Id"));
        } catch (IOException e) {
            AttemptFailure failure = failed(request, e, true, response.header("X-Request-Id"), callerThread);
            log.failed(request, failure, attempt, start);
            return Step.failed(failure);
        } catch (InvalidResponseException e) {
            throw ApiError.from(e.details().withAttempts(attempt));
        } finally {
            if (!handedOver) {
                readable.close();
            }
        }
    }

    /** The failure of an attempt that got no complete answer. */
    AttemptFailure failed(ApiRequest request, IOException e, boolean sent, String requestId,
            boolean callerThread) {
        boolean interrupted = !inFlight.isClosed() && callerThread && NetworkFailures.isInterruption(e);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return NetworkFailures.of(request, e, sent, inFlight.isClosed(), interrupted, requestId);
    }

    /**
     * A stream's 2xx answer must be an event stream: a JSON or HTML answer (a server that ignored {@code Accept}, a
     * proxy's page) would otherwise read as a stream that ends before its first event. A missing content type is
     * given the benefit of the doubt.
     */
    private static void requireEventStream(ApiRequest request, Response response) throws IOException {
        MediaType type = response.body() == null ? null : response.body().contentType();
        if (type == null || ("text".equals(type.type()) && "event-stream".equals(type.subtype()))) {
            return;
        }
        String start = response.peekBody(JsonReaders.QUOTED_BODY_BYTES).string().replaceAll("\\s+", " ").strip();
        throw new InvalidResponseException(ErrorDetails.of("invalid_response", response.code(),
                        request + " answered " + response.code() + " with Content-Type " + type.type() + "/"
                                + type.subtype() + " instead of text/event-stream"
                                + (start.isEmpty() ? "" : ": " + start))
                .withRequestId(response.header("X-Request-Id")));
    }

    long deadlineFrom(long start) {
        return callTimeout == null ? Long.MAX_VALUE : start + callTimeout.toMillis();
    }

    private long attemptBudget(long deadline) {
        long perAttempt = timeout.toMillis();
        long remaining = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - timing.nowMillis();
        return Math.max(1, Math.min(perAttempt, remaining));
    }

    // ---------------------------------------------------------------- blocking calls

    private <T> T run(ApiRequest request, ResponseReader<T> reader, boolean stream, OkHttpClient via) {
        CallTelemetry observed = new CallTelemetry(observer, request, stream);
        try {
            return loop(request, reader, stream, via, observed);
        } catch (RuntimeException e) {
            observed.failed(e);
            throw e;
        }
    }

    private <T> T loop(ApiRequest request, ResponseReader<T> reader, boolean stream, OkHttpClient via,
            CallTelemetry observed) {
        long start = timing.nowMillis();
        long deadline = deadlineFrom(start);
        for (int attempt = 1; ; attempt++) {
            inFlight.ensureOpen(request, attempt - 1);
            RequestSent tracker = new RequestSent();
            Call call = newCall(request, via, stream, deadline, tracker);
            inFlight.add(call);
            InterruptWatch.watch(call);
            Step<T> step;
            boolean handedOver = false;
            try {
                step = answered(request, call, call.execute(), reader, stream, attempt, start, true);
                handedOver = stream && step.failure() == null;
            } catch (IOException e) {
                AttemptFailure failure = failed(request, e, tracker.isSent(), null, true);
                log.failed(request, failure, attempt, start);
                step = Step.failed(failure);
            } finally {
                InterruptWatch.unwatch(call);
                if (!handedOver) {
                    inFlight.remove(call);
                }
            }
            if (step.failure() == null) {
                observed.succeeded(step.status(), attempt, step.requestId());
                return step.value();
            }
            Duration wait = retries.next(request, step.failure(), attempt, deadline, options.maxRetries());
            if (wait == null) {
                throw step.failure().toError(attempt);
            }
            log.retrying(request, wait.toMillis());
            inFlight.awaitRetry(request, wait, step.failure(), attempt);
        }
    }

    static void closeQuietly(AutoCloseable stream) {
        try {
            stream.close();
        } catch (Exception e) {
            // nobody owns the stream any more: there is no one to report to
        }
    }
}
