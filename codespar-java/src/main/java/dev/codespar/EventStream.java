package dev.codespar;

import dev.codespar.internal.sse.SseEventSource;
import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okio.Okio;

/**
 * A live server-sent event stream: iterate it once, and close it (try-with-resources).
 *
 * <pre>{@code
 * try (EventStream<StreamEvent> events = session.sendStream("Charge R$10 via Pix")) {
 *     for (StreamEvent event : events) {
 *         if (event instanceof StreamEvent.Text text) {
 *             System.out.print(text.content());
 *         } else if (event instanceof StreamEvent.Done done) {
 *             System.out.println("\n" + done.result().toolCalls().size() + " tool calls");
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>The terminal event ({@code done}) is yielded, then iteration ends and the connection is released.
 *   <li>A dropped connection, an end of stream before the terminal event, or no byte for longer than the idle timeout
 *       throws {@link dev.codespar.errors.StreamError} from {@code hasNext()}/{@code next()}, with
 *       {@link dev.codespar.errors.StreamError#getRequestId()} and
 *       {@link dev.codespar.errors.StreamError#getEventsDelivered()}.
 *   <li>An {@code error} event sent by the server throws the {@link dev.codespar.errors.ApiError} subclass of its code
 *       (a {@code StreamError} with the server's message when it has no code); it is not yielded.
 *   <li>{@link #close()} may be called from any thread: it releases the socket at once, and an iteration blocked on
 *       the other thread ends quietly. Closing early is how a consumer stops listening.
 *   <li>A consumer thread interrupted while it waits for the next event stops waiting at once: it gets a
 *       {@link dev.codespar.errors.StreamError} and keeps its interrupt flag. Closing the
 *       {@link CodeSparClient} fails its open streams with a {@code StreamError} too.
 * </ul>
 *
 * <p>Not thread-safe for iteration: one consumer thread iterates, any thread may close. {@link #iterator()} may be
 * called once.
 *
 * @param <T> the event type
 */
public final class EventStream<T> implements Iterable<T>, AutoCloseable {

    private final SseEventSource<T> source;
    private boolean iterated;

    EventStream(SseEventSource<T> source) {
        this.source = source;
    }

    /**
     * A send stream read from recorded bytes instead of the network, decoded exactly as
     * {@link Session#sendStream(String)} decodes the server's: every wire dialect, the {@code done} event terminal,
     * an {@code error} event thrown, an end before {@code done} a {@link dev.codespar.errors.StreamError}. For
     * replaying a captured stream in a test, a tool or a benchmark.
     *
     * <pre>{@code
     * try (EventStream<StreamEvent> events = EventStream.ofSendStream(Files.newInputStream(Path.of("send.sse")))) {
     *     for (StreamEvent event : events) {
     *         if (event instanceof StreamEvent.Text text) {
     *             System.out.print(text.content());
     *         }
     *     }
     * }
     * }</pre>
     *
     * <p>The stream owns {@code body}: it is read on the iterating thread and closed when the stream ends or is
     * closed. The stream has no request id. A {@link #close()} from another thread takes effect once a read of
     * {@code body} in progress returns (there is no socket to cancel).
     *
     * @param body the {@code text/event-stream} bytes, e.g. a file or a {@link java.io.ByteArrayInputStream}
     * @return the stream of events
     * @throws NullPointerException when {@code body} is {@code null}
     */
    public static EventStream<StreamEvent> ofSendStream(InputStream body) {
        Objects.requireNonNull(body, "body");
        return new EventStream<>(SseEventSource.replay(Okio.buffer(Okio.source(body)), new SendStreamDecoder(),
                "the replayed send stream"));
    }

    /**
     * The events, in arrival order. Blocks while waiting for the next event.
     *
     * @return the single iterator of this stream
     * @throws IllegalStateException when called a second time
     */
    @Override
    public Iterator<T> iterator() {
        synchronized (this) {
            if (iterated) {
                throw new IllegalStateException("an EventStream can be iterated only once");
            }
            iterated = true;
        }
        return new Iterator<>() {
            private T next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = source.next();
                }
                return next != null;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the stream has ended");
                }
                T value = next;
                next = null;
                return value;
            }
        };
    }

    /**
     * The events as a sequential {@link Stream}; closing the {@code Stream} closes this event stream.
     *
     * <pre>{@code
     * try (Stream<StreamEvent> s = session.sendStream("hi").stream()) {
     *     String text = s.filter(e -> e instanceof StreamEvent.Text)
     *             .map(e -> ((StreamEvent.Text) e).content())
     *             .collect(Collectors.joining());
     * }
     * }</pre>
     *
     * @return the stream of events
     * @throws IllegalStateException when the events were already iterated
     */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::close);
    }

    /**
     * The request id of the stream's HTTP answer ({@code X-Request-Id}), for support tickets.
     *
     * @return the id, or {@code null} when the server sent none
     */
    public String getRequestId() {
        return source.requestId();
    }

    /**
     * How many events were delivered so far.
     *
     * @return the count
     */
    public long getEventsDelivered() {
        return source.delivered();
    }

    /**
     * Stops the stream and releases its connection at once. Safe from any thread; idempotent.
     */
    @Override
    public void close() {
        source.close();
    }

    @Override
    public String toString() {
        return "EventStream{requestId=" + source.requestId() + ", delivered=" + source.delivered() + "}";
    }
}
