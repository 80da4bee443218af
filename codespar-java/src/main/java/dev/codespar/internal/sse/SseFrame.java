package dev.codespar.internal.sse;

/**
 * One dispatched server-sent event: its name and its data, as the framing layer saw them.
 *
 * @param event the {@code event:} value, or {@code null} when the frame named none (the spec's {@code message})
 * @param data the {@code data:} lines joined with {@code \n}, as UTF-8 bytes; {@code null} when the frame had no
 *     {@code data:} line (e.g. a bare {@code event: done})
 */
public record SseFrame(String event, byte[] data) {

    /**
     * The event name with the spec's default applied.
     *
     * @return the name, {@code message} when none was given
     */
    public String name() {
        return event == null ? "message" : event;
    }
}
