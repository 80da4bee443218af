package dev.codespar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.codespar.SendResult;
import dev.codespar.StreamEvent;
import dev.codespar.ToolCallRecord;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import okio.BufferedSource;

/**
 * The floor of the SSE benchmarks: a plain okio line reader ({@link BufferedSource#readUtf8Line()}) that frames
 * events, and the same with Jackson reading each frame's data into the SDK's public event records.
 */
public final class RawSse {

    private static final ObjectReader TREE = JsonMapper.builder().build().reader();

    private RawSse() {}

    /** One frame: the event name and the data lines joined. */
    public record Frame(String event, String data) {}

    /**
     * Frames a stream line by line.
     *
     * @param source the bytes
     * @param sink receives each frame
     * @return the number of frames
     * @throws IOException when the source fails
     */
    public static long frames(BufferedSource source, Consumer<Frame> sink) throws IOException {
        long count = 0;
        String event = null;
        String data = null;
        String line;
        while ((line = source.readUtf8Line()) != null) {
            if (line.isEmpty()) {
                if (event != null || data != null) {
                    sink.accept(new Frame(event, data));
                    count++;
                    event = null;
                    data = null;
                }
            } else if (line.charAt(0) == ':') {
                continue;
            } else if (line.startsWith("data:")) {
                String value = value(line, 5);
                data = data == null ? value : data + "\n" + value;
            } else if (line.startsWith("event:")) {
                event = value(line, 6);
            }
        }
        if (event != null || data != null) {
            sink.accept(new Frame(event, data));
            count++;
        }
        return count;
    }

    /**
     * Frames a stream and reads each frame into the SDK's public event records with a Jackson tree.
     *
     * @param source the bytes
     * @param sink receives each event
     * @return the number of events
     * @throws IOException when the source fails
     */
    public static long events(BufferedSource source, Consumer<StreamEvent> sink) throws IOException {
        long[] count = {0};
        IOException[] failure = {null};
        frames(source, frame -> {
            try {
                sink.accept(decode(frame));
                count[0]++;
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return count[0];
    }

    private static StreamEvent decode(Frame frame) throws IOException {
        JsonNode data = frame.data() == null ? TREE.createObjectNode() : TREE.readTree(frame.data());
        String name = frame.event() != null ? frame.event() : data.path("type").asText(null);
        switch (name == null ? "" : name) {
            case "assistant_text":
                return new StreamEvent.Text(data.path("content").asText(""), data.path("iteration").asInt(0));
            case "tool_use":
                return new StreamEvent.ToolUse(data.path("id").asText(null), data.path("name").asText(null),
                        data.get("input"), data.path("iteration").asInt(0));
            case "tool_result":
                JsonNode call = data.get("toolCall");
                return new StreamEvent.ToolResultEvent(new ToolCallRecord(call.path("id").asText(null),
                        call.path("tool_name").asText(null), call.path("server_id").asText(null), null,
                        call.path("duration_ms").asLong(), call.get("input"), call.get("output"), null));
            case "done":
                JsonNode result = data.path("result");
                return new StreamEvent.Done(new SendResult(result.path("message").asText(null),
                        result.path("iterations").asInt(0), List.of(), null));
            default:
                return new StreamEvent.Unknown(name, frame.data());
        }
    }

    private static String value(String line, int colon) {
        int start = line.length() > colon && line.charAt(colon) == ' ' ? colon + 1 : colon;
        return line.substring(start);
    }
}
