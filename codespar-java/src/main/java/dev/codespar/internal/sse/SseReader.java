package dev.codespar.internal.sse;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;

/**
 * The one server-sent events framing parser of the SDK, reading bytes straight from an okio
 * {@link BufferedSource}.
 *
 * <p>Follows the HTML standard's event stream format
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation), tolerantly: lines
 * end with LF, CRLF or CR; a line starting with {@code :} is a comment (heartbeats) and is skipped;
 * {@code field:value} takes one optional space after the colon; several {@code data:} lines are joined with
 * {@code \n}; {@code id:}, {@code retry:} and unknown fields are ignored; a blank line dispatches the frame.
 * Unlike the standard, a frame with an {@code event:} but no {@code data:} is dispatched too (so that a bare
 * {@code event: done} is seen), and a last frame cut off by the end of the stream without its blank line is
 * dispatched as well.
 *
 * <p>Allocation-light: a line is located with {@link BufferedSource#indexOfElement(ByteString)}, copied into one
 * reusable scratch array and classified there; comments and blank lines are skipped in place. No {@code String} is
 * made per line: a frame costs its data {@code byte[]} and, for an event name outside the known set, one small
 * string. Not thread-safe.
 *
 * <p>Bounded: a line, and the data of one frame, may hold at most {@link #DEFAULT_MAX_EVENT_BYTES} bytes (or the
 * limit given to the constructor). A longer one fails the read with an {@link EventTooLargeException} as soon as the
 * limit is passed, so a misbehaving server that never ends a line cannot make the reader buffer without end.
 */
public final class SseReader {

    /** The default cap of one line and of the data of one frame: 16 MiB. */
    public static final int DEFAULT_MAX_EVENT_BYTES = 16 * 1024 * 1024;

    private static final ByteString LINE_ENDS = ByteString.encodeUtf8("\r\n");
    private static final byte[] DATA = {'d', 'a', 't', 'a'};
    private static final byte[] EVENT = {'e', 'v', 'e', 'n', 't'};

    /** Event names seen on the CodeSpar streams, shared instead of decoded per frame. */
    private static final String[] KNOWN_NAMES = {
        "message", "done", "error", "user_message", "assistant_text", "tool_use", "tool_result", "snapshot", "update",
    };
    private static final byte[][] KNOWN_BYTES = new byte[KNOWN_NAMES.length][];

    static {
        for (int i = 0; i < KNOWN_NAMES.length; i++) {
            KNOWN_BYTES[i] = KNOWN_NAMES[i].getBytes(StandardCharsets.UTF_8);
        }
    }

    private final BufferedSource source;
    private final Buffer buffer;
    private final int maxEventBytes;
    /** Extra data lines of the frame being read (rare: every payload seen fits on one line). */
    private final Buffer moreData = new Buffer();
    private byte[] line = new byte[256];
    private Runnable beforeWait = () -> { };
    private boolean skipLeadingLf;
    private boolean exhausted;

    /**
     * Reads frames from a source; the caller keeps ownership of the source and closes it.
     *
     * @param source the response body
     */
    public SseReader(BufferedSource source) {
        this(source, DEFAULT_MAX_EVENT_BYTES);
    }

    /**
     * Reads frames from a source with a cap on the size of a line and of a frame's data.
     *
     * @param source the response body; the caller keeps ownership of it and closes it
     * @param maxEventBytes the most bytes one line, or the data lines of one frame together, may hold
     */
    public SseReader(BufferedSource source, int maxEventBytes) {
        if (maxEventBytes < 1) {
            throw new IllegalArgumentException("maxEventBytes must be positive");
        }
        this.source = source;
        this.buffer = source.getBuffer();
        this.maxEventBytes = maxEventBytes;
    }

    /**
     * The cap of one line and of the data of one frame.
     *
     * @return the limit in bytes
     */
    public int maxEventBytes() {
        return maxEventBytes;
    }

    /**
     * Sets what runs each time the reader is about to ask the source for bytes it does not hold yet, the only reads
     * that may block; frames already buffered are read without it.
     *
     * @param hook runs on the reading thread before such a read
     */
    public void beforeWait(Runnable hook) {
        this.beforeWait = hook;
    }

    /**
     * Reads up to the next dispatched frame, blocking as needed.
     *
     * @return the frame, or {@code null} at the end of the stream
     * @throws IOException when the source fails (including its read timeout)
     */
    public SseFrame next() throws IOException {
        String event = null;
        byte[] data = null;
        boolean pending = false;
        while (!exhausted) {
            if (skipLeadingLf) {
                // the previous line ended with CR: a LF right after it belongs to the same line end
                skipLeadingLf = false;
                if (buffer.size() == 0) {
                    beforeWait.run();
                }
                if (source.request(1) && buffer.getByte(0) == '\n') {
                    buffer.skip(1);
                }
            }
            long end = lineEnd();
            int terminator = 1;
            if (end == -1) {
                // end of stream: whatever is left is a last line without its terminator
                exhausted = true;
                end = buffer.size();
                terminator = 0;
                if (end == 0) {
                    break;
                }
            } else if (buffer.getByte(end) == '\r') {
                skipLeadingLf = true;
            }
            if (end == 0) {
                buffer.skip(terminator);
                if (pending) {
                    return dispatch(event, data);
                }
                continue;
            }
            if (buffer.getByte(0) == ':') {
                buffer.skip(end + terminator);
                continue;
            }
            int length = copyLine(end);
            buffer.skip(terminator);
            int valueStart;
            if ((valueStart = valueStart(DATA, length)) >= 0) {
                long held = data == null ? 0 : (moreData.size() > 0 ? moreData.size() : data.length) + 1;
                if (held + length - valueStart > maxEventBytes) {
                    throw new EventTooLargeException(maxEventBytes);
                }
                if (data == null) {
                    data = Arrays.copyOfRange(line, valueStart, length);
                } else {
                    if (moreData.size() == 0) {
                        moreData.write(data);
                    }
                    moreData.writeByte('\n').write(line, valueStart, length - valueStart);
                }
                pending = true;
            } else if ((valueStart = valueStart(EVENT, length)) >= 0) {
                event = eventName(valueStart, length);
                pending = true;
            }
            // id, retry and unknown fields are ignored
        }
        return pending ? dispatch(event, data) : null;
    }

    /**
     * Where the next line ends in the buffer (the index of its CR or LF), reading from the source as needed; -1 when
     * the source is exhausted first. Like {@link BufferedSource#indexOfElement(ByteString)}, but it gives up as soon
     * as the line is longer than the cap instead of buffering it whole.
     */
    private long lineEnd() throws IOException {
        long scanned = 0;
        while (true) {
            long end = buffer.indexOfElement(LINE_ENDS, scanned);
            if (end != -1) {
                if (end > maxEventBytes) {
                    throw new EventTooLargeException(maxEventBytes);
                }
                return end;
            }
            scanned = buffer.size();
            if (scanned > maxEventBytes) {
                throw new EventTooLargeException(maxEventBytes);
            }
            beforeWait.run();
            if (!source.request(scanned + 1)) {
                return -1;
            }
        }
    }

    /** Moves the line's bytes (without its terminator) into the scratch array. */
    private int copyLine(long end) throws EOFException {
        if (end > Integer.MAX_VALUE - 8) {
            throw new EOFException("server-sent event line longer than 2 GiB");
        }
        int length = (int) end;
        if (line.length < length) {
            line = new byte[Math.max(length, line.length * 2)];
        }
        int read = 0;
        while (read < length) {
            read += buffer.read(line, read, length - read);
        }
        return length;
    }

    /** Where the value of field {@code name} starts in the scratch line, or -1 when the line is another field. */
    private int valueStart(byte[] name, int length) {
        int n = name.length;
        if (length < n || (length > n && line[n] != ':')
                || !Arrays.equals(line, 0, n, name, 0, n)) {
            return -1;
        }
        int start = Math.min(length, n + 1);
        return start < length && line[start] == ' ' ? start + 1 : start;
    }

    private String eventName(int from, int to) {
        for (int i = 0; i < KNOWN_BYTES.length; i++) {
            byte[] known = KNOWN_BYTES[i];
            if (known.length == to - from && Arrays.equals(line, from, to, known, 0, known.length)) {
                return KNOWN_NAMES[i];
            }
        }
        return new String(line, from, to - from, StandardCharsets.UTF_8);
    }

    private SseFrame dispatch(String event, byte[] data) {
        byte[] bytes = moreData.size() > 0 ? moreData.readByteArray() : data;
        return new SseFrame(event == null || event.isEmpty() ? null : event, bytes);
    }
}
