package dev.codespar;

import dev.codespar.internal.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.internal.sse.FrameJson;
import dev.codespar.internal.sse.SseEventSource;
import dev.codespar.internal.sse.SseFrame;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the send stream's frames into {@link StreamEvent}s, whichever of the three dialects the server speaks (the
 * TypeScript SDK's, the Python SDK's and the open-source runtime's): the event name is the {@code event:} value when
 * present and not {@code message}, else {@code data.type}; a tool result is {@code data.toolCall} ?:
 * {@code data.tool_call} ?: {@code data} (when it has {@code tool_name}) ?: the runtime's
 * {@code {tool_use_id, content, is_error}}; a done result is {@code data.result} when it is an object, else
 * {@code data}. An {@code error} event is thrown.
 *
 * <p>Text frames, most of a stream, are read straight into their record by {@link FrameJson}'s cursor; every other
 * frame, and a text frame outside what the cursor reads, goes through a JSON tree, so both paths give the same
 * event and a malformed frame fails the iteration that reads it with Jackson's words.
 *
 * <p>The runtime's {@code tool_result} carries only the id of its {@code tool_use} frame, which holds the tool's
 * name and input: each decoder belongs to one stream and remembers that stream's tool uses, so that the result it
 * yields names its tool. One stream is read by one thread at a time, so the map needs no lock.
 */
final class SendStreamDecoder implements SseEventSource.Decoder<StreamEvent> {

    private static final Set<String> KNOWN =
            Set.of("user_message", "assistant_text", "tool_use", "tool_result", "done", "error");

    /** The keys of a text frame that {@link #text(String, byte[])} reads; {@code type} names a Python frame. */
    private static final byte[][] TEXT_KEYS = {ascii("content"), ascii("iteration"), ascii("type")};

    private final Map<String, StreamEvent.ToolUse> toolUses = new HashMap<>();

    @Override
    public StreamEvent decode(SseFrame frame, SseEventSource<?> stream) {
        String event = frame.event();
        if (event == null || event.equals("assistant_text") || event.equals("user_message")
                || event.equals("message")) {
            StreamEvent text = text(event, frame.data());
            if (text != null) {
                return text;
            }
        }
        String name;
        JsonNode data;
        if (event != null && !event.equals("message")) {
            if (!KNOWN.contains(event)) {
                return new StreamEvent.Unknown(event, text(frame));
            }
            name = event;
            data = StreamFrames.json(frame, stream);
        } else {
            // Python dialect: the name is data.type; a frame without one is passed through untouched
            data = StreamFrames.jsonOrNull(frame);
            name = data == null ? null : JsonFields.text(data, "type");
            if (name == null) {
                return new StreamEvent.Unknown(frame.name(), text(frame));
            }
        }
        switch (name) {
            case "user_message":
                return new StreamEvent.UserMessage(JsonFields.textOr(data, "content", ""));
            case "assistant_text":
                return new StreamEvent.Text(JsonFields.textOr(data, "content", ""), data.path("iteration").asInt(0));
            case "tool_use":
                StreamEvent.ToolUse use = new StreamEvent.ToolUse(JsonFields.text(data, "id"), JsonFields.text(data, "name"),
                        data.get("input"), data.path("iteration").asInt(0));
                if (use.id() != null) {
                    toolUses.put(use.id(), use);
                }
                return use;
            case "tool_result":
                return new StreamEvent.ToolResultEvent(toolCall(data));
            case "done":
                JsonNode result = data.path("result").isObject() ? data.get("result") : data;
                return new StreamEvent.Done(SendResult.fromJson(result, stream.requestId()));
            case "error":
                throw StreamFrames.error(data, frame, stream);
            default:
                return new StreamEvent.Unknown(name, text(frame));
        }
    }

    @Override
    public boolean isTerminal(StreamEvent event) {
        return event instanceof StreamEvent.Done;
    }

    private ToolCallRecord toolCall(JsonNode data) {
        if (data.path("toolCall").isObject()) {
            return ToolCallRecord.fromJson(data.get("toolCall"));
        }
        if (data.path("tool_call").isObject()) {
            return ToolCallRecord.fromJson(data.get("tool_call"));
        }
        if (data.has("tool_name")) {
            return ToolCallRecord.fromJson(data);
        }
        String useId = JsonFields.text(data, "tool_use_id");
        return ToolCallRecord.fromRuntimeResult(data, useId == null ? null : toolUses.remove(useId));
    }

    /**
     * A text or user-message frame read without a tree: what the tree path below gives for it, or {@code null} when
     * the frame is another event or outside what {@link FrameJson}'s cursor reads (then the tree path decides).
     *
     * @param event the frame's event name ({@code null} or {@code message}: the name is {@code data.type})
     */
    private static StreamEvent text(String event, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        FrameJson json = new FrameJson(bytes);
        try {
            json.beginObject();
            String content = null;
            String type = null;
            int iteration = 0;
            int seen = 0;
            int key;
            while ((key = json.nextKey(TEXT_KEYS)) != FrameJson.END) {
                if (key == FrameJson.OTHER_KEY) {
                    json.node();
                    continue;
                }
                if ((seen & 1 << key) != 0) {
                    throw FrameJson.giveUp();
                }
                seen |= 1 << key;
                if (key == 0) {
                    content = json.string();
                } else if (key == 1) {
                    iteration = json.intValue(0);
                } else {
                    type = json.string();
                }
            }
            json.finish();
            String name = event == null || event.equals("message") ? type : event;
            if ("assistant_text".equals(name)) {
                return new StreamEvent.Text(content == null ? "" : content, iteration);
            }
            if ("user_message".equals(name)) {
                return new StreamEvent.UserMessage(content == null ? "" : content);
            }
            return null;
        } catch (FrameJson.GiveUp e) {
            return null;
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(SseFrame frame) {
        return frame.data() == null ? null : new String(frame.data(), StandardCharsets.UTF_8);
    }
}
