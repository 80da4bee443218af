package dev.codespar.internal.http;

import dev.codespar.RetryPolicy;
import dev.codespar.errors.ApiError;
import dev.codespar.errors.ErrorDetails;
import dev.codespar.errors.NetworkError;
import dev.codespar.errors.TimeoutError;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every CodeSpar call takes: request build, retry loop, OkHttp, then the value or a typed error.
 *
 * <p>Thread-safe. Every {@link Response} is closed on every path, except the one a stream call hands to its
 * caller. Nothing here logs a header.
 */
public final class HttpTransport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Everything the transport needs; built by the client builder after it has validated each value.
     *
     * @param baseUrl the API root, without a trailing slash
     * @param apiKey the secret key; only ever placed in the {@code Authorization} header
     * @param userAgent the {@code User-Agent} value
     * @param projectId the client's project, or {@code null}
     * @param retryPolicy when to retry
     * @param timeout the per-attempt timeout
     * @param callTimeout the overall deadline of a call and its retries, or {@code null} for none
     * @param httpClient the caller's client to copy, or {@code null} for a new one owned by the transport
     * @param timing clock, sleeps and jitter
     */
    public record Settings(HttpUrl baseUrl, String apiKey, String userAgent, String projectId,
            RetryPolicy retryPolicy, Duration timeout, Duration callTimeout, OkHttpClient httpClient, Timing timing) {

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
    private final RetryPolicy retryPolicy;
    private final Duration timeout;
    private final Duration callTimeout;
    private final Timing timing;
    private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
    private final CodeSparHeaders headers;
    private final String authorization;
    private final String userAgent;
    private final Map<Duration, OkHttpClient> streamClients = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * Creates the transport and its OkHttp client (a copy of the caller's, when one is given).
     *
     * @param settings validated settings
     */
    public HttpTransport(Settings settings) {
        this.baseUrl = settings.baseUrl();
        this.projectId = settings.projectId();
        this.retryPolicy = settings.retryPolicy();
        this.timeout = settings.timeout();
        this.callTimeout = settings.callTimeout();
        this.timing = settings.timing();
        this.ownsClient = settings.httpClient() == null;
        OkHttpClient.Builder builder;
        if (ownsClient) {
            Dispatcher dispatcher = new Dispatcher();
            dispatcher.setMaxRequests(256);
            dispatcher.setMaxRequestsPerHost(128);
            builder = new OkHttpClient.Builder()
                    .dispatcher(dispatcher)
                    .connectionPool(new ConnectionPool(32, 5, TimeUnit.MINUTES));
        } else {
            builder = settings.httpClient().newBuilder();
        }
        // With no application interceptor of the caller's, nothing but OkHttp sees the request, and the headers are
        // set where it is built (one request copy less per call). A caller's interceptor would see, and might log, the
        // key: then it is added last, by an interceptor of the SDK's own that runs after theirs.
        this.headers = ownsClient || settings.httpClient().interceptors().isEmpty()
                ? null : new CodeSparHeaders(settings.apiKey(), settings.userAgent());
        this.authorization = headers == null ? "Bearer " + settings.apiKey() : null;
        this.userAgent = settings.userAgent();
        if (headers != null) {
            builder.addInterceptor(headers);
        }
        this.client = builder
                .retryOnConnectionFailure(false)
                // the API never redirects: following one would re-send a POST (a payment, its body) to wherever the
                // Location points, or turn it into a GET; a 3xx is an error the caller sees instead
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(min(timeout, MAX_CONNECT_TIMEOUT))
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .callTimeout(Duration.ZERO)
                .addNetworkInterceptor(new SendMarker())
                .build();
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
     * The clock and sleeps of this transport; callers that poll (e.g. waiting for connections) use it so that
     * tests control time.
     *
     * @return the timing
     */
    public Timing timing() {
        return timing;
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return {@code true} once closed
     */
    public boolean isClosed() {
        return closed;
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
        return run(request, reader, false, client);
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
     * The non-blocking twin of {@link #openStream}: completes on OkHttp's dispatcher thread once a 2xx answer
     * arrived and the reader wrapped it (failures before that follow the usual retry rules); cancelling the future
     * before then cancels the HTTP call.
     *
     * @param request the request
     * @param idleTimeout the longest silence tolerated on the socket
     * @param reader wraps the open answer; it owns the answer from then on
     * @param <T> the stream type
     * @return a future of the stream
     */
    public <T> CompletableFuture<T> openStreamAsync(ApiRequest request, Duration idleTimeout,
            ResponseReader<T> reader) {
        AsyncExchange<T> exchange = new AsyncExchange<>(request, reader, streamClient(idleTimeout), true);
        exchange.next();
        return exchange.future;
    }

    private OkHttpClient streamClient(Duration idleTimeout) {
        return streamClients.computeIfAbsent(idleTimeout, idle -> client.newBuilder().readTimeout(idle).build());
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
        AsyncExchange<T> exchange = new AsyncExchange<>(request, reader, client, false);
        exchange.next();
        return exchange.future;
    }

    /**
     * Closes the transport: calls in flight fail with a {@link NetworkError} saying so, new calls are refused, and
     * an OkHttp client created by the SDK releases its threads and connections. A caller's client is left alone.
     */
    @Override
    public void close() {
        closed = true;
        for (Call call : inFlight) {
            call.cancel();
        }
        if (ownsClient) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    // ---------------------------------------------------------------- synchronous loop

    private <T> T run(ApiRequest request, ResponseReader<T> reader, boolean handOver, OkHttpClient via) {
        long start = timing.nowMillis();
        long deadline = deadlineFrom(start);
        for (int attempt = 1; ; attempt++) {
            ensureOpen(request, attempt - 1);
            SendTracker tracker = new SendTracker();
            Call call = via.newCall(toOkHttp(request, tracker));
            if (!handOver) {
                call.timeout().timeout(attemptBudget(request, deadline), TimeUnit.MILLISECONDS);
            }
            Failure failure;
            inFlight.add(call);
            InterruptWatch.watch(call);
            Response response = null;
            boolean handedOver = false;
            try {
                response = call.execute();
                if (response.isSuccessful()) {
                    logAttempt(request, response.code(), response.header("X-Request-Id"), attempt, start);
                    if (handOver) {
                        requireEventStream(request, response);
                        response = inFlightUntilClosed(response, call);
                    }
                    T value = reader.read(response, call);
                    handedOver = handOver;
                    return value;
                }
                failure = Failure.http(ErrorEnvelope.read(response, timing.nowMillis()));
                logAttempt(request, response.code(), failure.details.requestId(), attempt, start);
            } catch (IOException e) {
                failure = networkFailure(request, e, tracker, response, true);
                logFailure(request, failure, attempt, start);
            } catch (InvalidResponseException e) {
                throw ApiError.from(e.details().withAttempts(attempt));
            } finally {
                InterruptWatch.unwatch(call);
                if (!handedOver) {
                    inFlight.remove(call);
                    if (response != null) {
                        response.close();
                    }
                }
            }
            Duration wait = retryWait(request, failure, attempt, deadline);
            if (wait == null) {
                throw failure.toError(attempt);
            }
            LOG.debug("{} retrying in {} ms", request, wait.toMillis());
            try {
                timing.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NetworkError(ErrorDetails.of("network_error", 0,
                        request + " was interrupted while waiting to retry; no further attempt was made")
                        .withAttempts(attempt), failure.requestSent, e);
            }
        }
    }

    // ---------------------------------------------------------------- asynchronous loop

    /** A future whose cancellation cancels the HTTP call in flight. */
    private static final class CallFuture<T> extends CompletableFuture<T> {
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

    private final class AsyncExchange<T> implements Callback {
        private final ApiRequest request;
        private final ResponseReader<T> reader;
        private final OkHttpClient via;
        private final boolean handOver;
        private final CallFuture<T> future = new CallFuture<>();
        private final long start = timing.nowMillis();
        private final long deadline = deadlineFrom(start);
        private int attempt;
        private SendTracker tracker;

        AsyncExchange(ApiRequest request, ResponseReader<T> reader, OkHttpClient via, boolean handOver) {
            this.request = request;
            this.reader = reader;
            this.via = via;
            this.handOver = handOver;
        }

        void next() {
            if (future.isDone()) {
                return;
            }
            try {
                ensureOpen(request, attempt);
            } catch (NetworkError e) {
                future.completeExceptionally(e);
                return;
            }
            attempt++;
            tracker = new SendTracker();
            Call call = via.newCall(toOkHttp(request, tracker));
            if (!handOver) {
                call.timeout().timeout(attemptBudget(request, deadline), TimeUnit.MILLISECONDS);
            }
            future.current = call;
            inFlight.add(call);
            if (future.isCancelled()) {
                call.cancel();
            }
            call.enqueue(this);
        }

        @Override
        public void onFailure(Call call, IOException e) {
            inFlight.remove(call);
            if (future.isDone()) {
                return;
            }
            Failure failure = networkFailure(request, e, tracker, null, false);
            logFailure(request, failure, attempt, start);
            retryOrFail(failure);
        }

        @Override
        public void onResponse(Call call, Response response) {
            inFlight.remove(call);
            T value = null;
            boolean read = false;
            boolean handedOver = false;
            Failure failure = null;
            Throwable error = null;
            try {
                if (future.isDone()) {
                    return;
                }
                if (response.isSuccessful()) {
                    logAttempt(request, response.code(), response.header("X-Request-Id"), attempt, start);
                    if (handOver) {
                        requireEventStream(request, response);
                        inFlight.add(call);
                        response = inFlightUntilClosed(response, call);
                        if (closed) {
                            call.cancel(); // close() ran before the call was registered again
                        }
                    }
                    value = reader.read(response, call);
                    read = true;
                    if (handOver) {
                        // a stream handed to a future cancelled meanwhile has no owner: its answer is closed below
                        handedOver = future.complete(value);
                        return;
                    }
                } else {
                    failure = Failure.http(ErrorEnvelope.read(response, timing.nowMillis()));
                    logAttempt(request, response.code(), failure.details.requestId(), attempt, start);
                }
            } catch (IOException e) {
                failure = networkFailure(request, e, tracker, response, false);
                logFailure(request, failure, attempt, start);
            } catch (InvalidResponseException e) {
                error = ApiError.from(e.details().withAttempts(attempt));
            } catch (Throwable t) {
                error = t;
            } finally {
                if (!handedOver) {
                    response.close();
                }
            }
            // the answer is closed (and its connection released) before anyone waiting on the future runs
            if (error != null) {
                future.completeExceptionally(error);
            } else if (failure != null) {
                retryOrFail(failure);
            } else if (read) {
                future.complete(value);
            }
        }

        private void retryOrFail(Failure failure) {
            Duration wait = retryWait(request, failure, attempt, deadline);
            if (wait == null) {
                future.completeExceptionally(failure.toError(attempt));
                return;
            }
            LOG.debug("{} retrying in {} ms", request, wait.toMillis());
            timing.after(wait).execute(this::next);
        }
    }

    // ---------------------------------------------------------------- shared pieces

    private void ensureOpen(ApiRequest request, int attemptsSoFar) {
        if (closed) {
            throw new NetworkError(ErrorDetails.of("network_error", 0,
                    request + " was not sent: the CodeSpar client is closed").withAttempts(attemptsSoFar));
        }
    }

    /**
     * Keeps a stream's call among the calls in flight until its answer is closed, so that {@link #close()} cancels
     * open streams too (their reader then fails with a {@code StreamError} saying the client was closed).
     */
    private Response inFlightUntilClosed(Response response, Call call) {
        ResponseBody body = response.body();
        if (body == null) {
            inFlight.remove(call);
            return response;
        }
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
                inFlight.remove(call);
                body.close();
            }
        }).build();
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

    private long deadlineFrom(long start) {
        return callTimeout == null ? Long.MAX_VALUE : start + callTimeout.toMillis();
    }

    private long attemptBudget(ApiRequest request, long deadline) {
        long perAttempt = (request.timeout() != null ? request.timeout() : timeout).toMillis();
        long remaining = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - timing.nowMillis();
        return Math.max(1, Math.min(perAttempt, remaining));
    }

    private Request toOkHttp(ApiRequest request, SendTracker tracker) {
        HttpUrl.Builder url = baseUrl.newBuilder().addPathSegment("v1");
        for (String segment : request.segments()) {
            url.addPathSegment(segment);
        }
        for (Map.Entry<String, String> q : request.query().entrySet()) {
            url.addQueryParameter(q.getKey(), q.getValue());
        }
        byte[] body = request.bodyBytes();
        Request.Builder builder = new Request.Builder()
                .url(url.build())
                .method(request.method(), body == null ? null : RequestBody.create(body, JSON_TYPE))
                .header("Accept", request.accept())
                .tag(SendTracker.class, tracker);
        if (headers == null) {
            builder.header("Authorization", authorization).header("User-Agent", userAgent);
        }
        String project = request.projectId() != null ? request.projectId() : projectId;
        if (project != null) {
            builder.header("x-codespar-project", project);
        }
        return builder.build();
    }

    /**
     * The wait before the next attempt, or {@code null} to give up now: the attempt budget is spent, the failure is
     * not retryable for this method, the server asked for a wait above {@code maxRetryWait}, or the wait would pass
     * the call deadline.
     */
    private Duration retryWait(ApiRequest request, Failure failure, int attempt, long deadline) {
        if (attempt > retryPolicy.getMaxRetries() || !RetryRules.isRetryable(request, failure, retryPolicy)) {
            return null;
        }
        Duration serverWait = failure.details.retryAfter();
        Duration wait;
        if (serverWait != null) {
            if (serverWait.compareTo(retryPolicy.getMaxRetryWait()) > 0) {
                LOG.debug("{} not retried: the server asked to wait {} ms, more than maxRetryWait", request,
                        serverWait.toMillis());
                return null;
            }
            wait = serverWait;
        } else {
            wait = RetryRules.backoff(retryPolicy, attempt, timing.jitter());
        }
        if (deadline != Long.MAX_VALUE && timing.nowMillis() + wait.toMillis() >= deadline) {
            LOG.debug("{} not retried: waiting {} ms would pass the call deadline", request, wait.toMillis());
            return null;
        }
        return wait;
    }

    /**
     * The failure of an attempt that got no complete answer.
     *
     * @param answer the answer whose head had arrived before the body failed, or {@code null}; its
     *     {@code X-Request-Id} goes into the error, so that a body cut mid-way can still be traced
     */
    private Failure networkFailure(ApiRequest request, IOException e, SendTracker tracker, Response answer,
            boolean callerThread) {
        Failure failure = networkFailure(request, e, tracker, answer != null, callerThread);
        String requestId = answer == null ? null : answer.header("X-Request-Id");
        return requestId == null || requestId.isBlank() ? failure : failure.withRequestId(requestId.strip());
    }

    private Failure networkFailure(ApiRequest request, IOException e, SendTracker tracker, boolean answerStarted,
            boolean callerThread) {
        boolean sent = answerStarted || tracker.isSent();
        if (closed) {
            return Failure.fatal(ErrorDetails.of("network_error", 0,
                    request + " failed: the CodeSpar client was closed while the call was in flight"
                            + (sent ? "; the request had been sent, so the server may have processed it" : "")),
                    sent, e);
        }
        boolean interrupted = callerThread && (Thread.currentThread().isInterrupted()
                || (e instanceof InterruptedIOException && "interrupted".equals(e.getMessage())));
        if (interrupted) {
            Thread.currentThread().interrupt();
            return Failure.fatal(ErrorDetails.of("network_error", 0, request + " was interrupted"
                    + (sent ? "; the request had been sent, so the server may have processed it" : "")), sent, e);
        }
        boolean timedOut = e instanceof SocketTimeoutException
                || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()));
        StringBuilder message = new StringBuilder(request.toString()).append(" failed: ").append(describe(e, sent));
        if (sent && !request.isIdempotent()) {
            message.append("; the request had been sent, so the server may have processed it: check the outcome")
                    .append(" before sending it again");
        } else if (!sent) {
            message.append("; the request never reached the server");
        }
        return Failure.network(ErrorDetails.of(timedOut ? "timeout" : "network_error", 0, message.toString()),
                timedOut, sent, e);
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
            return (sent ? "no answer in time" : "connect timed out") + " (" + detail + ")";
        }
        if (e instanceof InterruptedIOException && "timeout".equals(e.getMessage())) {
            return "the call did not complete within its timeout";
        }
        return "connection failed (" + detail + ")";
    }

    private static void logAttempt(ApiRequest request, int status, String requestId, int attempt, long start) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} -> {} request_id={} attempt={} elapsed={}ms", request, status, requestId, attempt,
                    System.currentTimeMillis() - start);
        }
    }

    private static void logFailure(ApiRequest request, Failure failure, int attempt, long start) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} -> {} ({}) request_id={} attempt={} elapsed={}ms", request, failure.details.code(),
                    failure.cause == null ? "" : failure.cause.getClass().getSimpleName(),
                    failure.details.requestId(), attempt, System.currentTimeMillis() - start);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** What one failed attempt left behind, before it becomes an exception. */
    static final class Failure {
        final ErrorDetails details;
        final boolean network;
        final boolean timedOut;
        final boolean requestSent;
        final boolean fatal;
        final IOException cause;

        private Failure(ErrorDetails details, boolean network, boolean timedOut, boolean requestSent, boolean fatal,
                IOException cause) {
            this.details = details;
            this.network = network;
            this.timedOut = timedOut;
            this.requestSent = requestSent;
            this.fatal = fatal;
            this.cause = cause;
        }

        static Failure http(ErrorDetails details) {
            return new Failure(details, false, false, true, false, null);
        }

        static Failure network(ErrorDetails details, boolean timedOut, boolean sent, IOException cause) {
            return new Failure(details, true, timedOut, sent, false, cause);
        }

        static Failure fatal(ErrorDetails details, boolean sent, IOException cause) {
            return new Failure(details, true, false, sent, true, cause);
        }

        Failure withRequestId(String requestId) {
            return new Failure(details.withRequestId(requestId), network, timedOut, requestSent, fatal, cause);
        }

        ApiError toError(int attempts) {
            ErrorDetails d = details.withAttempts(attempts);
            if (!network) {
                return ApiError.from(d);
            }
            return timedOut ? new TimeoutError(d, requestSent, cause) : new NetworkError(d, requestSent, cause);
        }
    }
}
