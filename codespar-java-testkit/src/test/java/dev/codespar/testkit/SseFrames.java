package dev.codespar.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okio.BufferedSource;

/** A minimal SSE frame reader for the tests: one frame per blank-line-terminated block. */
final class SseFrames {

    /** One frame: an event with data, or a comment. */
    record Frame(String event, String data, String comment) {
        JsonNode json() {
            try {
                return Raw.JSON.readTree(data);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        boolean isComment() {
            return comment != null;
        }
    }

    private final BufferedSource source;

    SseFrames(BufferedSource source) {
        this.source = source;
    }

    /** The next frame, or {@code null} at a clean end of stream. */
    Frame next() throws IOException {
        String event = null;
        StringBuilder data = null;
        String comment = null;
        boolean any = false;
        while (true) {
            String line = source.readUtf8Line();
            if (line == null) {
                return any ? new Frame(event, data == null ? null : data.toString(), comment) : null;
            }
            if (line.isEmpty()) {
                if (any) {
                    return new Frame(event, data == null ? null : data.toString(), comment);
                }
                continue;
            }
            any = true;
            if (line.startsWith(":")) {
                comment = line.substring(1).strip();
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data = (data == null ? new StringBuilder() : data.append('\n')).append(line.substring(5).strip());
            }
        }
    }

    /** The next event frame, skipping comments. */
    Frame nextEvent() throws IOException {
        Frame f;
        do {
            f = next();
        } while (f != null && f.isComment());
        return f;
    }

    /** Every remaining frame until the end of stream. */
    List<Frame> rest() throws IOException {
        List<Frame> all = new ArrayList<>();
        for (Frame f = next(); f != null; f = next()) {
            all.add(f);
        }
        return all;
    }
}
