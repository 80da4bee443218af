package dev.codespar.testkit.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;

/** Server-Sent Events frames as both servers write them. */
public final class SseFrames {

    /** The terminal frame of a status stream. */
    public static final String STATUS_DONE = "event: done\ndata: {}\n\n";

    private SseFrames() {}

    /**
     * One frame: {@code event: <name>}, {@code data: <json>}, the blank line.
     *
     * @param event the event name
     * @param data the payload
     * @return the frame text
     */
    public static String frame(String event, JsonNode data) {
        return "event: " + event + "\ndata: " + Json.text(data) + "\n\n";
    }

    /**
     * A heartbeat comment, {@code : heartbeat <epoch ms>}.
     *
     * @param epochMillis the time
     * @return the frame text
     */
    public static String heartbeat(long epochMillis) {
        return ": heartbeat " + epochMillis + "\n\n";
    }
}
