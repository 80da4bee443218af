package dev.codespar.internal.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;

class SseReaderTest {

    /** Reads every frame as "name|data" (data "null" when the frame had none). */
    private static List<String> frames(BufferedSource source) throws IOException {
        SseReader reader = new SseReader(source);
        List<String> out = new ArrayList<>();
        for (SseFrame f = reader.next(); f != null; f = reader.next()) {
            out.add(f.name() + "|" + (f.data() == null ? "null" : new String(f.data(), StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static List<String> frames(String text) throws IOException {
        return frames(new Buffer().writeUtf8(text));
    }

    /** A source that hands out at most {@code chunk} bytes per read, like a slow TCP connection. */
    private static BufferedSource trickle(String text, int chunk) {
        Buffer all = new Buffer().writeUtf8(text);
        return Okio.buffer(new Source() {
            @Override
            public long read(Buffer sink, long byteCount) {
                if (all.size() == 0) {
                    return -1;
                }
                long n = Math.min(Math.min(chunk, byteCount), all.size());
                sink.write(all, n);
                return n;
            }

            @Override
            public Timeout timeout() {
                return Timeout.NONE;
            }

            @Override
            public void close() {}
        });
    }

    @Test
    void readsNamedFramesWithLfLineEnds() throws IOException {
        assertThat(frames("event: assistant_text\ndata: {\"content\":\"hi\"}\n\nevent: done\ndata: {}\n\n"))
                .containsExactly("assistant_text|{\"content\":\"hi\"}", "done|{}");
    }

    @Test
    void crlfAndLoneCrLineEndsAreLineEnds() throws IOException {
        assertThat(frames("event: a\r\ndata: 1\r\n\r\nevent: b\rdata: 2\r\rdata: 3\n\n"))
                .containsExactly("a|1", "b|2", "message|3");
    }

    @Test
    void joinsMultipleDataLinesWithNewline() throws IOException {
        assertThat(frames("data: {\"a\":\ndata: 1}\ndata:\n\n")).containsExactly("message|{\"a\":\n1}\n");
    }

    @Test
    void takesOneOptionalSpaceAfterTheColonOnly() throws IOException {
        assertThat(frames("data:x\n\ndata:  y\n\nevent:done\n\n"))
                .containsExactly("message|x", "message| y", "done|null");
    }

    @Test
    void skipsCommentsAndHeartbeatsAndIgnoresIdRetryAndUnknownFields() throws IOException {
        assertThat(frames(": heartbeat 1767225600000\n\nid: 7\nretry: 1000\nfoo: bar\ndata: 1\n\n:\n\ndata: 2\n\n"))
                .containsExactly("message|1", "message|2");
    }

    @Test
    void dispatchesABareEventWithoutData() throws IOException {
        assertThat(frames("event: done\n\n")).containsExactly("done|null");
    }

    @Test
    void blankLinesAloneDispatchNothing() throws IOException {
        assertThat(frames("\n\n\r\n: only a comment\n\n")).isEmpty();
    }

    @Test
    void dispatchesALastFrameCutOffBeforeItsBlankLine() throws IOException {
        assertThat(frames("data: 1\n\nevent: done\ndata: {\"x\":1}")).containsExactly("message|1", "done|{\"x\":1}");
    }

    @Test
    void aLineWithoutColonIsAFieldWithAnEmptyValue() throws IOException {
        assertThat(frames("data\n\n")).containsExactly("message|");
    }

    @Test
    void framesSplitAcrossReadsAtEveryByteStillParse() throws IOException {
        String text = "event: tool_result\r\ndata: {\"id\":\"tc_1\",\"t\":\"ç\"}\r\n\r\n: hb\r\n\r\n"
                + "event: custom_name\rdata: 2\r\r";
        List<String> whole = frames(text);
        assertThat(whole).containsExactly("tool_result|{\"id\":\"tc_1\",\"t\":\"ç\"}", "custom_name|2");
        for (int chunk = 1; chunk <= 7; chunk++) {
            assertThat(frames(trickle(text, chunk))).as("chunk %d", chunk).isEqualTo(whole);
        }
    }

    @Test
    void knownEventNamesAreShared() throws IOException {
        SseReader reader = new SseReader(new Buffer().writeUtf8("event: update\ndata: 1\n\nevent: update\ndata: 2\n\n"));
        assertThat(reader.next().event()).isSameAs(reader.next().event()).isSameAs("update");
    }

    /** A source that never ends, handing out {@code fill} bytes (a first chunk, then the filler forever). */
    private static final class Endless implements Source {
        private final byte[] first;
        private final byte fill;
        private long handedOut;

        Endless(String first, char fill) {
            this.first = first.getBytes(StandardCharsets.UTF_8);
            this.fill = (byte) fill;
        }

        @Override
        public long read(Buffer sink, long byteCount) {
            long n = Math.min(byteCount, 8192);
            for (long i = 0; i < n; i++) {
                sink.writeByte(handedOut + i < first.length ? first[(int) (handedOut + i)] : fill);
            }
            handedOut += n;
            return n;
        }

        @Override
        public Timeout timeout() {
            return Timeout.NONE;
        }

        @Override
        public void close() {}
    }

    @Test
    void aLineThatNeverEndsFailsOnceItPassesTheCapWithoutBufferingTheRest() {
        Endless endless = new Endless("event: update\ndata: ", 'a');
        SseReader reader = new SseReader(Okio.buffer(endless), 64 * 1024);

        assertThatThrownBy(reader::next).isInstanceOfSatisfying(EventTooLargeException.class,
                e -> assertThat(e.limit()).isEqualTo(64 * 1024)).hasMessageContaining("larger than 65536 bytes");
        assertThat(endless.handedOut).as("bytes pulled from the network").isLessThan(64 * 1024 + 3 * 8192);
    }

    @Test
    void endlessNewlinesOrCommentsNeverGrowTheBuffer() {
        Endless comments = new Endless(":", 'x');
        assertThatThrownBy(() -> new SseReader(Okio.buffer(comments), 4096).next())
                .isInstanceOf(EventTooLargeException.class);
    }

    @Test
    void dataLinesThatAddUpPastTheCapFailTheFrame() {
        String line = "data: " + "b".repeat(1000) + "\n";
        assertThatThrownBy(() -> new SseReader(new Buffer().writeUtf8(line.repeat(5) + "\n"), 4096).next())
                .isInstanceOf(EventTooLargeException.class);
    }

    @Test
    void aFrameRightAtTheCapIsRead() throws IOException {
        String value = "c".repeat(4096 - "data: ".length());
        SseReader atLine = new SseReader(new Buffer().writeUtf8("data: " + value + "\n\n"), 4096);
        assertThat(new String(atLine.next().data(), StandardCharsets.UTF_8)).isEqualTo(value);

        String half = "d".repeat(2047);
        SseReader atData = new SseReader(new Buffer().writeUtf8("data: " + half + "\ndata: " + half + "\n\n"), 4095);
        assertThat(atData.next().data()).hasSize(4095);
        assertThat(new SseReader(new Buffer()).maxEventBytes()).isEqualTo(SseReader.DEFAULT_MAX_EVENT_BYTES);
    }

    @Test
    void aFailingSourceFailsTheRead() {
        BufferedSource failing = Okio.buffer(new Source() {
            private boolean sent;

            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                if (!sent) {
                    sent = true;
                    sink.writeUtf8("data: 1\n\ndata: 2");
                    return 16;
                }
                throw new IOException("connection reset");
            }

            @Override
            public Timeout timeout() {
                return Timeout.NONE;
            }

            @Override
            public void close() {}
        });
        SseReader reader = new SseReader(failing);
        assertThatThrownBy(() -> {
            assertThat(reader.next().data()).isEqualTo("1".getBytes(StandardCharsets.UTF_8));
            reader.next();
        }).isInstanceOf(IOException.class).hasMessage("connection reset");
    }
}
