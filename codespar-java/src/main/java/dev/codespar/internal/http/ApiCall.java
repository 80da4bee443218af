package dev.codespar.internal.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One API call, defined once: how its request is built (validation included) and how its answer is read. Both
 * calling styles run from that one definition: {@link #execute()} blocks, {@link #executeAsync()} does not. Building
 * the request validates the input, so bad input is thrown by the blocking form and completes the future of the
 * asynchronous form exceptionally, with no network call in either.
 *
 * <pre>{@code
 * ApiCall<Project> get(String id) {
 *     return ApiCall.of(transport, () -> ApiRequest.get("projects", id), reader);
 * }
 * public Project retrieve(String id) { return get(id).execute(); }
 * public CompletableFuture<Project> retrieveAsync(String id) { return get(id).executeAsync(); }
 * }</pre>
 *
 * @param <T> the value the call answers with
 */
public final class ApiCall<T> {

    private final HttpTransport transport;
    private final Supplier<ApiRequest> request;
    private final Function<ApiRequest, HttpTransport.ResponseReader<T>> readerFor;
    private final Duration streamIdleTimeout;

    private ApiCall(HttpTransport transport, Supplier<ApiRequest> request,
            Function<ApiRequest, HttpTransport.ResponseReader<T>> readerFor, Duration streamIdleTimeout) {
        this.transport = transport;
        this.request = request;
        this.readerFor = readerFor;
        this.streamIdleTimeout = streamIdleTimeout;
    }

    /**
     * A call whose answer is read and closed.
     *
     * @param transport the transport
     * @param request builds (and validates) the request
     * @param reader reads a 2xx answer
     * @param <T> the value type
     * @return the call
     */
    public static <T> ApiCall<T> of(HttpTransport transport, Supplier<ApiRequest> request,
            HttpTransport.ResponseReader<T> reader) {
        return new ApiCall<>(transport, request, sent -> reader, null);
    }

    /**
     * A call whose reader depends on the request that was sent (a list page derives the next page's request from
     * it).
     *
     * @param transport the transport
     * @param request builds (and validates) the request
     * @param readerFor the reader of the answer to a given request
     * @param <T> the value type
     * @return the call
     */
    public static <T> ApiCall<T> reading(HttpTransport transport, Supplier<ApiRequest> request,
            Function<ApiRequest, HttpTransport.ResponseReader<T>> readerFor) {
        return new ApiCall<>(transport, request, readerFor, null);
    }

    /**
     * A call whose 2xx answer is an event stream, handed to the reader open; reads are bounded by the idle timeout
     * instead of a call timeout.
     *
     * @param transport the transport
     * @param request builds (and validates) the request
     * @param idleTimeout the longest silence tolerated on the stream
     * @param reader wraps the open answer into the stream it becomes
     * @param <T> the stream type
     * @return the call
     */
    public static <T> ApiCall<T> stream(HttpTransport transport, Supplier<ApiRequest> request, Duration idleTimeout,
            HttpTransport.ResponseReader<T> reader) {
        return new ApiCall<>(transport, () -> request.get().withAccept(ApiRequest.EVENT_STREAM), sent -> reader,
                idleTimeout);
    }

    /**
     * The same call, its value converted. The conversion runs inside the reader, so the future of
     * {@link #executeAsync()} stays the one whose cancellation cancels the HTTP call.
     *
     * @param mapper the conversion
     * @param <R> the converted type
     * @return the converted call
     */
    public <R> ApiCall<R> map(Function<? super T, ? extends R> mapper) {
        return new ApiCall<>(transport, request, sent -> readerFor.apply(sent).map(mapper), streamIdleTimeout);
    }

    /**
     * Builds the request and sends it, blocking the calling thread.
     *
     * @return the value
     * @throws dev.codespar.errors.CodeSparException the validation or call failure
     */
    public T execute() {
        ApiRequest built = request.get();
        HttpTransport.ResponseReader<T> reader = readerFor.apply(built);
        return streamIdleTimeout == null ? transport.execute(built, reader)
                : transport.openStream(built, streamIdleTimeout, reader);
    }

    /**
     * Builds the request and sends it without blocking; cancelling the future cancels the HTTP call.
     *
     * @return a future of the value, completed exceptionally on a validation or call failure
     */
    public CompletableFuture<T> executeAsync() {
        ApiRequest built;
        try {
            built = request.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        HttpTransport.ResponseReader<T> reader = readerFor.apply(built);
        return streamIdleTimeout == null ? transport.executeAsync(built, reader)
                : transport.openStreamAsync(built, streamIdleTimeout, reader);
    }
}
