package dev.codespar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.errors.RateLimitedError;
import dev.codespar.errors.StreamError;
import dev.codespar.internal.json.Json;
import dev.codespar.internal.json.JsonFields;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link EventStream#ofSendStream(InputStream)}, and the text frames the decoder reads without a tree: they give what
 * the tree path gives, and a malformed one fails the iteration that reads it with Jackson's words.
 */
class SendStreamReplayTest {

    private static EventStream<StreamEvent> replay(String body) {
        return EventStream.ofSendStream(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<StreamEvent> all(String body) {
        try (EventStream<StreamEvent> events = replay(body)) {
            List<StreamEvent> out = new ArrayList<>();
            events.forEach(out::add);
            return out;
        }
    }

    @Test
    void aReplayDecodesEveryDialectLikeTheNetworkStreamAndClosesItsBody() {
        boolean[] closed = {false};
        InputStream body = new ByteArrayInputStream((SendStreamTest.TS_DIALECT).getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() throws IOException {
                closed[0] = true;
                super.close();
            }
        };
        List<StreamEvent> out = new ArrayList<>();
        try (EventStream<StreamEvent> events = EventStream.ofSendStream(body)) {
            events.forEach(out::add);
            assertThat(closed[0]).as("closed once done was read").isTrue();
            assertThat(events.getRequestId()).isNull();
            assertThat(events.getEventsDelivered()).isEqualTo(5);
        }
        assertThat(out).extracting(StreamEvent::type)
                .containsExactly("user_message", "assistant_text", "tool_use", "tool_result", "done");
        assertThat(out.get(1)).isEqualTo(new StreamEvent.Text("hi", 1));
        assertThat(((StreamEvent.Done) out.get(4)).result().message()).isEqualTo("Done.");
        assertThatThrownBy(() -> EventStream.ofSendStream(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aReplayThrowsErrorEventsAndAnEndBeforeDone() {
        try (EventStream<StreamEvent> events = replay("event: assistant_text\ndata: {\"content\":\"a\"}\n\n"
                + "event: error\ndata: {\"error\":\"rate_limited\",\"message\":\"slow down\"}\n\n")) {
            Iterator<StreamEvent> it = events.iterator();
            assertThat(it.next()).isEqualTo(new StreamEvent.Text("a", 0));
            assertThatThrownBy(it::next).isInstanceOfSatisfying(RateLimitedError.class,
                    e -> assertThat(e.getServerMessage()).isEqualTo("slow down"));
        }
        try (EventStream<StreamEvent> events = replay("data: {\"type\":\"user_message\",\"content\":\"hi\"}\n\n")) {
            Iterator<StreamEvent> it = events.iterator();
            assertThat(it.next()).isEqualTo(new StreamEvent.UserMessage("hi"));
            assertThatThrownBy(it::hasNext).isInstanceOfSatisfying(StreamError.class, e -> {
                assertThat(e.getMessage()).isEqualTo("the replayed send stream ended before its terminal event after"
                        + " 1 events; the result may be missing");
                assertThat(e.getEventsDelivered()).isEqualTo(1);
            });
        }
    }

    @Test
    void aMalformedTextFrameFailsTheIterationThatReadsItWithJacksonsMessage() {
        String bad = "{\"content\":\"cut\",\"iteration\":}";
        String expected;
        try {
            Json.TREE_READER.readTree(bad.getBytes(StandardCharsets.UTF_8));
            throw new AssertionError("Jackson read " + bad);
        } catch (IOException e) {
            expected = "the assistant_text event after 2 events carried data that is not JSON: " + e.getMessage();
        }
        try (EventStream<StreamEvent> events = replay("event: user_message\ndata: {\"content\":\"q\"}\n\n"
                + "event: assistant_text\ndata: {\"content\":\"ok\",\"iteration\":1}\n\n"
                + "event: assistant_text\ndata: " + bad + "\n\n"
                + "event: done\ndata: {}\n\n")) {
            Iterator<StreamEvent> it = events.iterator();
            assertThat(it.next()).isEqualTo(new StreamEvent.UserMessage("q"));
            assertThat(it.next()).isEqualTo(new StreamEvent.Text("ok", 1));
            assertThatThrownBy(it::next).isInstanceOfSatisfying(StreamError.class, e -> {
                assertThat(e.getMessage()).isEqualTo(expected);
                assertThat(e.getEventsDelivered()).isEqualTo(2);
                assertThat(e.getCause()).isInstanceOf(IOException.class);
            });
            assertThat(it.hasNext()).as("the stream is over").isFalse();
        }
    }

    @Test
    void aMalformedUntypedFrameStillPassesThroughAsUnknown() {
        List<StreamEvent> events = all("data: {\"type\":\"assistant_text\",\"content\":\"x\"\n\n"
                + "event: done\ndata: {}\n\n");
        assertThat(events.get(0)).isEqualTo(new StreamEvent.Unknown("message",
                "{\"type\":\"assistant_text\",\"content\":\"x\""));
    }

    /** Text frames the cursor reads and frames it hands to the tree: the event is the tree's reading either way. */
    @Test
    void textFramesReadWithoutATreeAgreeWithTheTreeReading() throws Exception {
        List<String> datas = List.of(
                "{\"content\":\"plain\",\"iteration\":3}",
                "{\"type\":\"assistant_text\",\"content\":\"Cobran\u00e7a \u20ac \uD83D\uDE00\",\"iteration\":0}",
                "{\"content\":\"line\\nbreak \\\"quoted\\\" \\u00e9\\ud83d\\ude00\",\"iteration\":2}",
                "{\"content\":null,\"iteration\":null}",
                "{\"iteration\":7}",
                "{}",
                "{\"content\":42,\"iteration\":1}",
                "{\"content\":\"f\",\"iteration\":1.9}",
                "{\"content\":\"big\",\"iteration\":12345678901}",
                "{\"content\":\"s\",\"iteration\":\"4\"}",
                "{\"content\":\"a\",\"content\":\"b\"}",
                "{\"content\":{\"nested\":true},\"extra\":[1,{\"x\":null}],\"iteration\":5}",
                "{\"content\":\"trailing\"}   ",
                "  {\"type\":\"tool_use\",\"content\":\"named by event\"}");
        for (String data : datas) {
            JsonNode tree = Json.TREE_READER.readTree(data.getBytes(StandardCharsets.UTF_8));
            StreamEvent expected = new StreamEvent.Text(JsonFields.textOr(tree, "content", ""),
                    tree.path("iteration").asInt(0));
            List<StreamEvent> events = all("event: assistant_text\ndata: " + data + "\n\nevent: done\ndata: {}\n\n");
            assertThat(events.get(0)).as(data).isEqualTo(expected);
            StreamEvent user = all("event: user_message\ndata: " + data + "\n\nevent: done\ndata: {}\n\n").get(0);
            assertThat(user).as(data).isEqualTo(new StreamEvent.UserMessage(expected instanceof StreamEvent.Text t
                    ? t.content() : null));
        }
        assertThat(all("data: {\"type\":\"assistant_text\",\"content\":\"py\",\"iteration\":4}\n\n"
                + "data: {\"type\":\"user_message\",\"content\":\"u\"}\n\nevent: done\ndata: {}\n\n"))
                .startsWith(new StreamEvent.Text("py", 4), new StreamEvent.UserMessage("u"));
    }
}
