package dev.codespar.internal.sse;

import dev.codespar.errors.CodeSparException;
import dev.codespar.errors.StreamError;
import dev.codespar.internal.http.InterruptWatch;
import java.io.Closeable;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import okhttp3.Call;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one open server-sent event stream: reads frames with the {@link SseReader}, turns them into typed events
 * with a {@link Decoder}, and owns the HTTP answer until the stream ends.
 *
 * <p>Guarantees: the answer is closed on every path (terminal event, failure, caller's close); a transport failure,
 * an end of stream before the terminal event, or a read idle past the timeout throws {@link StreamError} with the
 * request id and the number of events delivered; {@link #close()} may be called from any thread and releases the
 * socket at once (the call is cancelled; a blocked reader wakes up and ends quietly). A consumer thread that is
 * interrupted while waiting for an event gets a {@link StreamError} at once and keeps its interrupt flag; a stream
 * whose client is closed fails with a {@link StreamError} saying so.
 *
 * @param <T> the event type
 */
public final class SseEventSource<T> implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(SseEventSource.class);

    /**
     * Turns frames into events.
     *
     * @param <T> the event type
     */
    public interface Decoder<T> {
        /**
         * Decodes one frame.
         *
         * @param frame the frame
         * @param stream the stream it came from (for its request id and delivered count)
         * @return the event, or {@code null} to skip the frame
         * @throws CodeSparException for an in-band error event
         */
        T decode(SseFrame frame, SseEventSource<?> stream);

        /**
         * Whether the event ends the stream (it is delivered, then iteration ends).
         *
         * @param event a decoded event
         * @return {@code true} for the terminal event
         */
        boolean isTerminal(T event);
    }

    /** What holds the bytes: the HTTP answer, or a replayed source; closed on every path. */
    private final Closeable response;
    /** The HTTP call, cancelled by {@link #close()}; {@code null} for a replay. */
    private final Call call;
    private final SseReader reader;
    private final Decoder<T> decoder;
    private final String description;
    private final Duration idleTimeout;
    private final String requestId;
    private final Object lock = new Object();
    private long delivered;
    private boolean reading;
    private boolean closed;
    private boolean finished;
    /** Whether the reading thread is registered with {@link InterruptWatch} (only while a read may block). */
    private boolean watching;

    /**
     * Takes ownership of an open 2xx answer.
     *
     * @param response the answer; closed by this source
     * @param call the call, cancelled by {@link #close()}
     * @param decoder turns frames into events
     * @param description the call, e.g. {@code POST /v1/sessions/ses_1/send}, for messages
     * @param idleTimeout the read idle timeout in force, for messages
     */
    public SseEventSource(Response response, Call call, Decoder<T> decoder, String description,
            Duration idleTimeout) {
        this(response, call, bodyOf(response, description), decoder, description, idleTimeout);
    }

    /**
     * Reads recorded bytes instead of an HTTP answer: no call, no request id, no idle timeout. The source is read on
     * the iterating thread; {@link #close()} from another thread takes effect once a read in progress returns.
     *
     * @param source the event stream bytes; closed by this source
     * @param decoder turns frames into events
     * @param description what is read, for messages
     * @param <T> the event type
     * @return the source
     */
    public static <T> SseEventSource<T> replay(BufferedSource source, Decoder<T> decoder, String description) {
        return new SseEventSource<>(source, null, source, decoder, description, Duration.ZERO);
    }

    private SseEventSource(Closeable resource, Call call, BufferedSource body, Decoder<T> decoder,
            String description, Duration idleTimeout) {
        this.response = resource;
        this.call = call;
        this.decoder = decoder;
        this.description = description;
        this.idleTimeout = idleTimeout;
        this.requestId = resource instanceof Response
                ? blankToNull(((Response) resource).header("X-Request-Id")) : null;
        this.reader = new SseReader(body);
        if (call != null) {
            reader.beforeWait(this::watch);
        }
    }

    private static BufferedSource bodyOf(Response response, String description) {
        ResponseBody body = response.body();
        if (body == null) {
            response.close();
            throw new StreamError(description + " answered " + response.code() + " without a body",
                    blankToNull(response.header("X-Request-Id")), 0, null);
        }
        return body.source();
    }

    private void watch() {
        if (!watching) {
            InterruptWatch.watch(call);
            watching = true;
        }
    }

    /**
     * The request id of the stream's answer ({@code X-Request-Id}).
     *
     * @return the id, or {@code null}
     */
    public String requestId() {
        return requestId;
    }

    /**
     * How many events were handed to the caller so far.
     *
     * @return the count
     */
    public long delivered() {
        return delivered;
    }

    /**
     * The next event, blocking until it arrives.
     *
     * @return the event, or {@code null} once the terminal event was delivered or the stream was closed by the
     *     caller
     * @throws StreamError when the stream fails or ends before its terminal event
     * @throws CodeSparException the error of an in-band {@code error} event
     */
    public T next() {
        synchronized (lock) {
            if (closed || finished) {
                return null;
            }
            reading = true;
        }
        // a socket read does not answer Thread.interrupt(): while the reader waits for bytes (see watch()), the
        // watcher cancels the call for an interrupted reader; frames already buffered are read without the watcher
        try {
            while (true) {
                if (Thread.currentThread().isInterrupted()) {
                    throw interrupted(null);
                }
                SseFrame frame;
                try {
                    frame = reader.next();
                } catch (IOException e) {
                    if (isClosed()) {
                        return null;
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        throw interrupted(e);
                    }
                    throw failure(e);
                }
                if (frame == null) {
                    if (isClosed()) {
                        return null;
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        throw interrupted(null);
                    }
                    if (call != null && call.isCanceled()) {
                        throw cancelled(null);
                    }
                    throw new StreamError(description + " ended before its terminal event after " + delivered
                            + " events; the result may be missing", requestId, delivered, null);
                }
                T event = decoder.decode(frame, this);
                if (event == null) {
                    continue;
                }
                delivered++;
                if (decoder.isTerminal(event)) {
                    finished = true;
                }
                return event;
            }
        } catch (RuntimeException e) {
            finished = true;
            throw e;
        } finally {
            if (watching) {
                InterruptWatch.unwatch(call);
                watching = false;
            }
            boolean release;
            synchronized (lock) {
                reading = false;
                release = closed || finished;
                closed = closed || finished;
            }
            if (release) {
                closeQuietly();
            }
        }
    }

    /** The consumer's thread was interrupted: the stream ends (its answer is closed) and the flag stays set. */
    private StreamError interrupted(IOException e) {
        return new StreamError(description + " was interrupted after " + delivered
                + " events; the stream is closed", requestId, delivered, e);
    }

    /** Only the transport cancels a stream it handed over, when the client is closed. */
    private StreamError cancelled(IOException e) {
        return new StreamError(description + " was cancelled after " + delivered
                + " events: the CodeSpar client was closed", requestId, delivered, e);
    }

    private StreamError failure(IOException e) {
        if (e instanceof EventTooLargeException) {
            return new StreamError(description + " sent an event larger than "
                    + ((EventTooLargeException) e).limit() + " bytes after " + delivered
                    + " events; the stream was closed so that it cannot exhaust memory", requestId, delivered, e);
        }
        if (call != null && call.isCanceled()) {
            return cancelled(e);
        }
        if (e instanceof SocketTimeoutException) {
            return new StreamError(description + " received no data for " + idleTimeout.toMillis()
                    + " ms (idle timeout) after " + delivered + " events", requestId, delivered, e);
        }
        return new StreamError(description + " broke after " + delivered + " events: "
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                requestId, delivered, e);
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /**
     * Ends the stream and releases its connection at once; safe from any thread and idempotent. A thread blocked in
     * {@link #next()} wakes up and gets {@code null}.
     */
    @Override
    public void close() {
        boolean readerActive;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            readerActive = reading;
        }
        if (call != null) {
            call.cancel();
        }
        if (!readerActive) {
            closeQuietly();
        }
        LOG.debug("{} closed by the caller after {} events", description, delivered);
    }

    private void closeQuietly() {
        try {
            response.close();
        } catch (IOException e) {
            // only a replayed source can fail to close; the stream is over either way
            LOG.debug("{}: closing its source failed: {}", description, e.toString());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
