package dev.codespar.internal.sse;

import java.io.IOException;

/** A server-sent event line, or the data of one frame, passed the reader's cap (see {@link SseReader}). */
public final class EventTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int limit;

    /**
     * Creates the exception.
     *
     * @param limit the cap that was passed, in bytes
     */
    public EventTooLargeException(int limit) {
        super("a server-sent event line or frame is larger than " + limit + " bytes");
        this.limit = limit;
    }

    /**
     * The cap that was passed.
     *
     * @return the limit in bytes
     */
    public int limit() {
        return limit;
    }
}
