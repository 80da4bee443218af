package dev.codespar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.codespar.errors.CodeSparException;
import dev.codespar.internal.sse.EventTooLargeException;
import dev.codespar.internal.sse.SseFrame;
import dev.codespar.internal.sse.SseReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

/**
 * Property tests of the server-sent events parser ({@code dev.codespar.internal.sse}) and of the stream path over
 * generated input (see {@link Fuzz}): well-formed streams parse to the same frames whatever the byte splits and line
 * ends; garbage never escapes as anything but an {@link IOException} from the reader (a {@code StreamError} or an
 * {@code ApiError} from the stream); nothing hangs; no line or frame is held beyond the cap.
 */
class SseFuzzTest {

    private static final String[] NAMES = {"message", "done", "error", "user_message", "assistant_text", "tool_use",
        "tool_result", "snapshot", "update", "custom_event", "x", "ÿ€", "event with spaces", "data"};

    /** One expected frame: its name as the reader reports it (null for none) and its joined data (null for none). */
    private record Expected(String event, String data) {}

    @Test
    void wellFormedStreamsParseToTheSameFramesWhateverTheSplitsAndLineEnds() {
        int count = Fuzz.count(10_000);
        long seed = Fuzz.SEED + 2;
        Fuzz fuzz = new Fuzz(seed);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int i = 0; i < count; i++) {
                List<Expected> expected = new ArrayList<>();
                byte[] stream = wellFormed(fuzz, expected);
                List<Expected> actual;
                try {
                    actual = readAll(new SseReader(fuzz.split(stream)));
                } catch (IOException e) {
                    throw new AssertionError("the reader failed on a valid stream: " + Fuzz.describe(seed, i, stream), e);
                }
                assertThat(actual).as("%s", Fuzz.describe(seed, i, stream)).isEqualTo(expected);
            }
        });
    }

    /** A valid stream, recording the frames a correct reader must produce. */
    private static byte[] wellFormed(Fuzz fuzz, List<Expected> expected) {
        // one line-end style per stream: a lone CR followed by a LF-ended blank line would read as one CRLF
        String[] styles = {"\n", "\r\n", "\r", "mixed"};
        String style = fuzz.pick(styles);
        StringBuilder out = new StringBuilder();
        int frames = fuzz.between(0, 8);
        for (int f = 0; f < frames; f++) {
            String event = null;
            List<String> data = new ArrayList<>();
            if (fuzz.chance(30)) {
                line(out, fuzz, style, ": " + (fuzz.chance(50) ? "heartbeat " + fuzz.random().nextLong() : ""));
                line(out, fuzz, style, "");
            }
            int fields = fuzz.between(1, 5);
            for (int k = 0; k < fields; k++) {
                int kind = fuzz.random().nextInt(10);
                if (kind < 3) {
                    event = fuzz.pick(NAMES);
                    line(out, fuzz, style, "event:" + (fuzz.chance(80) ? " " : "") + event);
                } else if (kind < 8) {
                    String value = value(fuzz);
                    data.add(value);
                    boolean space = value.startsWith(" ") || fuzz.chance(80);
                    line(out, fuzz, style, "data:" + (space ? " " : "") + value);
                } else if (kind == 8) {
                    line(out, fuzz, style, fuzz.pick(new String[] {"id: 7", "retry: 1000", "foo: bar", "id",
                        ": inline comment", "Data: not data", "event2: x"}));
                } else {
                    line(out, fuzz, style, ":");
                }
            }
            boolean last = f == frames - 1;
            if (!last || fuzz.chance(70)) {
                line(out, fuzz, style, "");
                if (fuzz.chance(20)) {
                    line(out, fuzz, style, "");
                }
            }
            if (event != null || !data.isEmpty()) {
                expected.add(new Expected(event == null || event.isEmpty() ? null : event,
                        data.isEmpty() ? null : String.join("\n", data)));
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, Fuzz fuzz, String style, String content) {
        out.append(content).append(style.equals("mixed") ? (fuzz.random().nextBoolean() ? "\n" : "\r\n") : style);
    }

    /** A data value: JSON, text with colons and unicode, or empty; never a CR or LF (those end the line). */
    private static String value(Fuzz fuzz) {
        switch (fuzz.random().nextInt(4)) {
            case 0:
                return fuzz.json(3).replace("\r", "").replace("\n", "");
            case 1:
                return "";
            case 2:
                return "a:b: c " + fuzz.between(0, 1000) + " ç 💸";
            default:
                return fuzz.string().replace("\r", "").replace("\n", "");
        }
    }

    private static List<Expected> readAll(SseReader reader) throws IOException {
        List<Expected> out = new ArrayList<>();
        for (SseFrame f = reader.next(); f != null; f = reader.next()) {
            out.add(new Expected(f.event(), f.data() == null ? null : new String(f.data(), StandardCharsets.UTF_8)));
        }
        return out;
    }

    @Test
    void garbageOnlyEverFailsWithAnIOExceptionAndNothingIsHeldPastTheCap() {
        int count = Fuzz.count(10_000);
        long seed = Fuzz.SEED + 3;
        Fuzz fuzz = new Fuzz(seed);
        int cap = 2048;
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            int tooLarge = 0;
            for (int i = 0; i < count; i++) {
                byte[] input = garbage(fuzz, cap);
                SseReader reader = new SseReader(fuzz.split(input), cap);
                int frames = 0;
                try {
                    for (SseFrame f = reader.next(); f != null; f = reader.next()) {
                        frames++;
                        assertThat(f.data() == null ? 0 : f.data().length).isLessThanOrEqualTo(cap);
                        assertThat(f.event() == null ? 0 : f.event().length()).isLessThanOrEqualTo(cap);
                        assertThat(frames).as("frames from %d bytes", input.length).isLessThanOrEqualTo(input.length);
                    }
                } catch (EventTooLargeException e) {
                    tooLarge++;
                } catch (Throwable t) {
                    fail("the reader threw " + t + " for " + Fuzz.describe(seed, i, input), t);
                }
            }
            assertThat(tooLarge).as("inputs that hit the cap").isPositive();
        });
    }

    private static byte[] garbage(Fuzz fuzz, int cap) {
        switch (fuzz.random().nextInt(6)) {
            case 0:
                return fuzz.randomBytes(fuzz.between(0, 600));
            case 1:
                return fuzz.mutate(wellFormed(fuzz, new ArrayList<>()));
            case 2:
                return fuzz.invalidUtf8(wellFormed(fuzz, new ArrayList<>()));
            case 3:
                return fuzz.truncate(wellFormed(fuzz, new ArrayList<>()));
            case 4: {
                // a line, or data lines, around the cap
                byte[] fill = new byte[fuzz.between(cap - 20, cap + 20)];
                Arrays.fill(fill, (byte) 'a');
                String filler = new String(fill, StandardCharsets.US_ASCII);
                return Fuzz.utf8(fuzz.chance(50) ? "data: " + filler + (fuzz.chance(50) ? "\n\n" : "")
                        : ("data: " + filler.substring(0, filler.length() / 3) + "\n").repeat(3) + "\n");
            }
            default:
                return Fuzz.utf8(fuzz.pick(new String[] {"\r\r\r\r", "\n".repeat(100), ":".repeat(cap * 2),
                    "event\nevent:\nevent: \n\n", "data\ndata:\ndata: \n", "\u0000\u0000data: \u0000\n\n",
                    "data: x\r", "\r\n\r\n\r", "event: done"}));
        }
    }

    /** What the in-memory server answers next. */
    private record Answer(String contentType, byte[] body) {}

    @Test
    void theStreamPathOnlyEverThrowsCodeSparExceptions() {
        int count = Fuzz.count(6_000);
        long seed = Fuzz.SEED + 4;
        Fuzz fuzz = new Fuzz(seed);
        AtomicReference<Answer> next = new AtomicReference<>();
        OkHttpClient inMemory = new OkHttpClient.Builder().addInterceptor(chain -> {
            Answer a = next.get();
            return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1)
                    .code(chain.request().url().encodedPath().equals("/v1/sessions") ? 201 : 200).message("fuzz")
                    .header("X-Request-Id", "req_fuzz")
                    .body(ResponseBody.create(fuzz.split(a.body()), MediaType.parse(a.contentType()), -1)).build();
        }).build();
        try (CodeSparClient client = CodeSparClient.builder().apiKey(TestSupport.KEY).environment(name -> null)
                .timing(new FakeTiming()).httpClient(inMemory).maxRetries(0).build()) {
            next.set(new Answer("application/json", Fuzz.utf8(Fixtures.CREATE_ANSWER)));
            Session session = client.create("user_123");
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                int completed = 0;
                for (int i = 0; i < count; i++) {
                    byte[] body = streamBody(fuzz);
                    next.set(new Answer(fuzz.chance(95) ? "text/event-stream" : fuzz.contentType(), body));
                    boolean send = i % 2 == 0;
                    long seen = 0;
                    EventStream<?> stream = null;
                    Iterator<?> events = null;
                    try {
                        stream = send ? session.sendStream("hi") : session.toolCalls().paymentStatusStream("tc_1");
                        events = stream.iterator();
                        while (events.hasNext()) {
                            seen++;
                            assertThat(String.valueOf(events.next())).isNotNull();
                        }
                        completed++;
                    } catch (CodeSparException expected) {
                        assertThat(expected.getMessage()).isNotNull();
                        if (events != null) {
                            assertThat(stream.getEventsDelivered()).isEqualTo(seen);
                            assertThat(events.hasNext()).as("after a failure the stream is over").isFalse();
                        }
                    } catch (Throwable t) {
                        fail((send ? "sendStream" : "paymentStatusStream") + " threw " + t + " for "
                                + Fuzz.describe(seed, i, body), t);
                    } finally {
                        if (stream != null) {
                            stream.close();
                        }
                    }
                }
                assertThat(completed).as("streams that reached their terminal event").isPositive();
            });
        } finally {
            inMemory.dispatcher().executorService().shutdown();
        }
    }

    /** A stream of frames the decoders know, with random (often hostile) data, sometimes broken. */
    private static byte[] streamBody(Fuzz fuzz) {
        StringBuilder out = new StringBuilder();
        int frames = fuzz.between(0, 6);
        for (int f = 0; f < frames; f++) {
            String name = fuzz.pick(NAMES);
            if (!name.equals("message") || fuzz.chance(50)) {
                out.append("event: ").append(name).append('\n');
            }
            String data;
            switch (fuzz.random().nextInt(5)) {
                case 0:
                    data = fuzz.envelope();
                    break;
                case 1:
                    data = "{\"type\":\"" + fuzz.pick(NAMES) + "\",\"result\":" + fuzz.json(2) + ",\"toolCall\":"
                            + fuzz.json(2) + ",\"content\":" + fuzz.json(1) + "}";
                    break;
                case 2:
                    data = fuzz.json(3);
                    break;
                case 3:
                    data = new String(fuzz.truncate(Fuzz.utf8(fuzz.envelope())), StandardCharsets.UTF_8);
                    break;
                default:
                    data = fuzz.chance(50) ? "" : fuzz.deep();
            }
            if (fuzz.chance(85)) {
                out.append("data: ").append(data.replace("\r", "").replace("\n", "")).append('\n');
            }
            out.append('\n');
        }
        if (fuzz.chance(60)) {
            out.append("event: done\ndata: ").append(fuzz.chance(50) ? "{}" : fuzz.envelope()).append("\n\n");
        }
        byte[] bytes = Fuzz.utf8(out.toString());
        return fuzz.chance(15) ? fuzz.mutate(bytes) : fuzz.chance(10) ? fuzz.invalidUtf8(bytes) : bytes;
    }
}
