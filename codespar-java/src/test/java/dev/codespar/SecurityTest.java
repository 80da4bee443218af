package dev.codespar;

import dev.codespar.metatools.MetaTools;
import dev.codespar.metatools.ChargeParams;
import dev.codespar.metatools.ChargeResult;
import dev.codespar.metatools.TypedToolResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonTypeResolver;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.codespar.errors.ApiError;
import dev.codespar.internal.http.ApiRequest;
import dev.codespar.internal.http.ErrorEnvelope;
import dev.codespar.internal.http.HttpTransport;
import dev.codespar.internal.json.Json;
import dev.codespar.management.ProjectCreateParams;
import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * The SDK against a hostile or careless world: the key stays secret in every log (SLF4J at TRACE and OkHttp's own
 * java.util.logging at FINEST), message and toString(); redirects are never followed, so neither the key nor a
 * payment's body goes to another host; error
 * bodies are capped before they are held; and no class named by server JSON is ever instantiated.
 */
class SecurityTest {


    private final MockWebServer server = new MockWebServer();
    private final MockWebServer elsewhere = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start();
        elsewhere.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
        elsewhere.shutdown();
    }

    private CodeSparClient client(int maxRetries) {
        return TestSupport.builder(server, new FakeTiming()).maxRetries(maxRetries)
                .timeout(Duration.ofSeconds(5)).sendStreamIdleTimeout(Duration.ofMillis(300)).build();
    }

    // ---------------------------------------------------------------- the key in logs, messages and toString()

    /** Everything any logger wrote while open: SLF4J/logback at TRACE for every logger, and JUL at FINEST. */
    private static final class EveryLog implements AutoCloseable {
        private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        private final Level rootLevel = root.getLevel();
        private final List<Logger> loggers = new ArrayList<>();
        private final List<Level> levels = new ArrayList<>();
        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
        private final ch.qos.logback.core.Appender<ILoggingEvent> console = root.getAppender("STDERR");
        private final java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
        private final java.util.logging.Level julLevel = julRoot.getLevel();
        private final java.util.logging.Logger okhttp = java.util.logging.Logger.getLogger("okhttp3");
        private final java.util.logging.Level okhttpLevel = okhttp.getLevel();
        private final List<Handler> julConsole = List.of(julRoot.getHandlers());
        private final List<String> julLines = new CopyOnWriteArrayList<>();
        private final Handler julHandler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                julLines.add(record.getLoggerName() + " " + record.getLevel() + " " + record.getMessage() + " "
                        + (record.getParameters() == null ? "" : List.of(record.getParameters())) + " "
                        + (record.getThrown() == null ? "" : record.getThrown()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };

        EveryLog() {
            LoggerContext context = root.getLoggerContext();
            for (Logger l : context.getLoggerList()) {
                if (l != root) {
                    loggers.add(l);
                    levels.add(l.getLevel());
                    l.setLevel(null); // inherit TRACE from the root
                }
            }
            root.setLevel(Level.TRACE);
            root.detachAppender(console);
            appender.start();
            root.addAppender(appender);
            for (Handler h : julConsole) {
                julRoot.removeHandler(h);
            }
            julRoot.addHandler(julHandler);
            julHandler.setLevel(java.util.logging.Level.ALL);
            julRoot.setLevel(java.util.logging.Level.ALL);
            okhttp.setLevel(java.util.logging.Level.FINEST);
        }

        List<String> lines() {
            List<String> out = new ArrayList<>(julLines);
            for (ILoggingEvent event : appender.list) {
                out.add(event.getLoggerName() + " " + event.getFormattedMessage());
                for (IThrowableProxy p = event.getThrowableProxy(); p != null; p = p.getCause()) {
                    out.add(p.getClassName() + ": " + p.getMessage());
                }
            }
            return out;
        }

        int julCount() {
            return julLines.size();
        }

        @Override
        public void close() {
            root.detachAppender(appender);
            root.addAppender(console);
            root.setLevel(rootLevel);
            for (int i = 0; i < loggers.size(); i++) {
                loggers.get(i).setLevel(levels.get(i));
            }
            julRoot.removeHandler(julHandler);
            for (Handler h : julConsole) {
                julRoot.addHandler(h);
            }
            julRoot.setLevel(julLevel);
            okhttp.setLevel(okhttpLevel);
        }
    }

    @Test
    void theKeyNeverAppearsInAnyLogLineAtAnyLevelNorInAnyMessageOrToString() throws Exception {
        List<Object> printed = new ArrayList<>();
        List<String> lines;
        int jul;
        try (EveryLog logs = new EveryLog(); CodeSparClient client = client(2)) {
            server.enqueue(TestSupport.sessionCreated());
            Session session = client.create("user_123", SessionConfig.builder().servers("asaas").build());
            server.enqueue(TestSupport.json(429, "{\"error\":\"rate_limited\"}").setHeader("Retry-After", "1"));
            server.enqueue(TestSupport.toolOk());
            printed.add(session.execute("codespar_pay", Map.of("amount", 1000)));
            server.enqueue(TestSupport.json(401, "{\"error\":\"unauthorized\",\"message\":\"Bearer token invalid\"}"));
            printed.add(catchThrowable(() -> session.execute("codespar_pay", Map.of())));
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
            printed.add(catchThrowable(() -> session.executeAsync("codespar_pay", Map.of()).join()));
            server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", elsewhere.url("/x")));
            printed.add(catchThrowable(session::connections));
            server.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream")
                    .setBody("event: assistant_text\ndata: {\"content\":\"a\"}\n\n").setHeader("Content-Length", "999"));
            try (EventStream<StreamEvent> events = session.sendStream("hi")) {
                printed.add(events);
                printed.add(catchThrowable(() -> events.forEach(printed::add)));
            }
            printed.add(session.mcp());
            printed.add(session);
            printed.add(client);
            printed.add(client.transport());
            printed.add(client.transport().okHttpClient().interceptors());
            printed.add(ApiRequest.post(Map.of("a", 1), "sessions"));
            printed.add(SessionConfig.builder().servers("asaas").metadata(Map.of("k", "v")).build());
            printed.add(RetryPolicy.defaults());
            printed.add(CodeSparClient.builder().apiKey(TestSupport.KEY));
            printed.add(new HttpTransport.Settings(null, TestSupport.KEY, "ua", null,
                    dev.codespar.internal.http.RetryPolicyTest.rules(RetryPolicy.defaults()),
                    Duration.ofSeconds(1), null, Duration.ofSeconds(1), null, null, null, false));
            printed.add(catchThrowable(() -> CodeSparClient.builder().apiKey("xx" + TestSupport.SECRET_PART).build()));
            printed.add(catchThrowable(() -> CodeSparClient.builder().apiKey(TestSupport.KEY)
                    .baseUrl("http://user:" + TestSupport.SECRET_PART + "@example.com").build()));
            server.enqueue(new MockResponse().setResponseCode(204));
            session.close();
            assertThat(server.takeRequest(1, TimeUnit.SECONDS).getHeader("Authorization"))
                    .as("the key did travel, in its header").isEqualTo("Bearer " + TestSupport.KEY);
            lines = logs.lines();
            jul = logs.julCount();
        }

        List<String> texts = new ArrayList<>(lines);
        for (Object o : printed) {
            texts.add(String.valueOf(o));
            for (Throwable t = o instanceof Throwable ? (Throwable) o : null; t != null; t = t.getCause()) {
                texts.add(t.getMessage());
            }
        }
        assertThat(lines).as("SDK lines at TRACE").anySatisfy(l -> assertThat(l).contains("attempt=1"));
        assertThat(jul).as("java.util.logging was captured").isPositive();
        assertThat(lines).as("OkHttp's own java.util.logging at FINE and below")
                .anySatisfy(l -> assertThat(l).startsWith("okhttp3.internal"));
        assertThat(texts).allSatisfy(text -> assertThat(String.valueOf(text))
                .doesNotContain(TestSupport.SECRET_PART).doesNotContain("Bearer csk"));
    }

    // ---------------------------------------------------------------- redirects

    @ParameterizedTest(name = "a {0} to another host is not followed")
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void aRedirectIsNeverFollowedSoNeitherTheKeyNorAPaymentLeavesForAnotherHost(int status) throws Exception {
        try (CodeSparClient client = client(2)) {
            server.enqueue(TestSupport.sessionCreated());
            Session session = client.create("user_123");
            server.takeRequest();
            server.enqueue(new MockResponse().setResponseCode(status)
                    .setHeader("Location", elsewhere.url("/steal?token=abc")).setHeader("X-Request-Id", "req_30x"));
            server.enqueue(new MockResponse().setResponseCode(status)
                    .setHeader("Location", elsewhere.url("/steal")));
            elsewhere.enqueue(TestSupport.toolOk());
            elsewhere.enqueue(TestSupport.toolOk());

            Throwable post = catchThrowable(() -> session.execute("codespar_pay", Map.of("amount", 1000)));
            Throwable get = catchThrowable(session::connections);

            for (Throwable t : List.of(post, get)) {
                assertThat(t).isExactlyInstanceOf(ApiError.class)
                        .hasMessageContaining("answered " + status + " redirecting to http://")
                        .hasMessageContaining("does not follow redirects").hasMessageNotContaining("token=abc");
                assertThat(((ApiError) t).getStatus()).isEqualTo(status);
                assertThat(((ApiError) t).getAttempts()).as("a redirect is not retried").isEqualTo(1);
            }
            assertThat(((ApiError) post).getRequestId()).isEqualTo("req_30x");
            assertThat(server.getRequestCount()).as("create, one POST, one GET").isEqualTo(3);
            assertThat(elsewhere.getRequestCount()).as("nothing reached the other host").isZero();
        }
    }

    @Test
    void aCallersOkHttpClientThatFollowsRedirectsIsCopiedWithRedirectsOff() throws Exception {
        OkHttpClient mine = new OkHttpClient.Builder().followRedirects(true).followSslRedirects(true).build();
        try (CodeSparClient client = TestSupport.builder(server, new FakeTiming()).httpClient(mine).build()) {
            assertThat(client.transport().okHttpClient().followRedirects()).isFalse();
            assertThat(client.transport().okHttpClient().followSslRedirects()).isFalse();
            server.enqueue(new MockResponse().setResponseCode(307).setHeader("Location", elsewhere.url("/v1/projects")));
            Throwable t = catchThrowable(() -> client.projects().create(ProjectCreateParams.builder().name("n")
                    .slug("s").build()));
            assertThat(t).isInstanceOf(ApiError.class);
            assertThat(elsewhere.getRequestCount()).isZero();
        } finally {
            mine.dispatcher().executorService().shutdown();
        }
        assertThat(mine.followRedirects()).as("the caller's client is left alone").isTrue();
    }

    // ---------------------------------------------------------------- error bodies are capped

    @Test
    void anEndlessErrorBodyIsReadOnlyUpToTheCap() {
        AtomicLong pulled = new AtomicLong();
        Source endless = new Source() {
            @Override
            public long read(Buffer sink, long byteCount) {
                long n = Math.min(byteCount, 8192);
                sink.write(new byte[(int) n]);
                pulled.addAndGet(n);
                return n;
            }

            @Override
            public Timeout timeout() {
                return Timeout.NONE;
            }

            @Override
            public void close() {}
        };
        BufferedSource body = Okio.buffer(endless);
        Response response = new Response.Builder()
                .request(new Request.Builder().url("https://api.codespar.dev/v1/x").build())
                .protocol(Protocol.HTTP_1_1).code(500).message("Internal Server Error")
                .header("X-Request-Id", "req_big")
                .body(ResponseBody.create(body, MediaType.get("text/html"), -1)).build();

        var details = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> ErrorEnvelope.read(response, System.currentTimeMillis()));

        assertThat(pulled.get()).as("bytes pulled from the network")
                .isLessThanOrEqualTo(ErrorEnvelope.MAX_BODY_BYTES + 2 * 8192L);
        assertThat(details.message()).contains("over 65536 bytes").hasSizeLessThan(600);
        assertThat(details.requestId()).isEqualTo("req_big");
        assertThat(details.body()).isNull();
    }

    /** A 2xx JSON answer of about {@code megabytes} MB: many small items, so no single string hits a limit. */
    private static MockResponse bigAnswer(int megabytes) {
        Buffer body = new Buffer().writeUtf8("{\"success\":true,\"data\":{\"items\":[");
        String item = "{\"id\":\"" + "i".repeat(100) + "\"}";
        long items = megabytes * 1024L * 1024 / (item.length() + 1);
        for (long i = 0; i < items; i++) {
            body.writeUtf8(i == 0 ? "" : ",").writeUtf8(item);
        }
        return TestSupport.json(200, "").setBody(body.writeUtf8("]}}")).setHeader("X-Request-Id", "req_big");
    }

    @Test
    void aSuccessfulAnswerOfTensOfMegabytesIsReadButOneOverTheDocumentCapIsRefused() throws Exception {
        try (CodeSparClient client = TestSupport.builder(server, new FakeTiming()).timeout(Duration.ofSeconds(60))
                .build()) {
            server.enqueue(TestSupport.sessionCreated());
            Session session = client.create("user_123");
            server.enqueue(bigAnswer(30));
            assertThat(session.execute("codespar_pay", Map.of()).data().get("items").size()).isGreaterThan(200_000);

            server.enqueue(bigAnswer(70));
            Throwable t = catchThrowable(() -> session.execute("codespar_pay", Map.of()));

            assertThat(t).isExactlyInstanceOf(ApiError.class).hasMessageContaining("exceeds the maximum allowed");
            assertThat(((ApiError) t).getCode()).isEqualTo("invalid_response");
            assertThat(((ApiError) t).getRequestId()).isEqualTo("req_big");
            assertThat(((ApiError) t).getAttempts()).as("the server did the work: not retried").isEqualTo(1);
            assertThat(Json.MAX_DOCUMENT_BYTES).isEqualTo(64L * 1024 * 1024);
            Leaks.assertNoConnectionCheckedOut(client);
        }
    }

    // ---------------------------------------------------------------- no polymorphic deserialization

    /** Counts its instances: a server that could make the SDK instantiate a class of its choosing would show here. */
    public static final class Canary {
        static final AtomicInteger CREATED = new AtomicInteger();

        public String command;

        public Canary() {
            CREATED.incrementAndGet();
        }
    }

    @Test
    void defaultTypingIsOffOnTheSharedMapper() {
        var object = TypeFactory.defaultInstance().constructType(Object.class);
        assertThat(Json.MAPPER.getDeserializationConfig().getDefaultTyper(object)).isNull();
        assertThat(Json.MAPPER.getSerializationConfig().getDefaultTyper(object)).isNull();
        assertThat(Json.convert(Json.parse("{\"@class\":\"java.lang.ProcessBuilder\"}".getBytes()), Object.class))
                .isInstanceOf(Map.class);
    }

    @Test
    void noSdkClassDeclaresPolymorphicTyping() throws Exception {
        List<String> offenders = new ArrayList<>();
        int scanned = 0;
        for (Class<?> type : sdkClasses()) {
            scanned++;
            List<AnnotatedElement> elements = new ArrayList<>(List.of(type));
            elements.addAll(List.of(type.getDeclaredFields()));
            elements.addAll(List.of(type.getDeclaredMethods()));
            elements.addAll(List.of(type.getDeclaredConstructors()));
            for (AnnotatedElement e : elements) {
                if (e.isAnnotationPresent(JsonTypeInfo.class) || e.isAnnotationPresent(JsonTypeResolver.class)) {
                    offenders.add(e.toString());
                }
            }
            for (java.lang.reflect.Constructor<?> c : type.getDeclaredConstructors()) {
                for (java.lang.annotation.Annotation[] params : c.getParameterAnnotations()) {
                    for (java.lang.annotation.Annotation a : params) {
                        if (a instanceof JsonTypeInfo) {
                            offenders.add(c.toString());
                        }
                    }
                }
            }
        }
        assertThat(scanned).as("SDK classes scanned").isGreaterThan(100);
        assertThat(offenders).isEmpty();
    }

    @Test
    void classNamesInServerJsonArePlainData() throws Exception {
        String canary = Canary.class.getName();
        String hostile = "{\"@class\":\"" + canary + "\",\"command\":\"rm -rf /\","
                + "\"@type\":\"" + canary + "\",\"nested\":[\"" + canary + "\",{\"command\":\"x\"}],"
                + "\"gadget\":[\"java.lang.ProcessBuilder\",[\"touch\",\"/tmp/pwned\"]]}";
        int before = Canary.CREATED.get();
        try (CodeSparClient client = client(0)) {
            server.enqueue(TestSupport.sessionCreated());
            Session session = client.create("user_123");
            server.enqueue(TestSupport.json(200, "{\"success\":true,\"data\":" + hostile + ",\"tool_call_id\":\"tc_1\"}"));
            ToolResult result = session.execute("codespar_pay", Map.of());
            server.enqueue(TestSupport.json(200, "{\"success\":true,\"data\":" + hostile + "}"));
            TypedToolResult<ChargeResult> charge = MetaTools.of(session).charge(ChargeParams.pix(new java.math.BigDecimal("10"),
                    "BRL", "d", ChargeParams.Buyer.named("Ana")));
            server.enqueue(TestSupport.json(422, "{\"error\":" + hostile + ",\"details\":" + hostile + "}"));
            ApiError error = (ApiError) catchThrowable(() -> session.execute("codespar_pay", Map.of()));
            server.enqueue(new MockResponse().setHeader("Content-Type", "text/event-stream")
                    .setBody("event: tool_result\ndata: {\"toolCall\":" + hostile + "}\n\nevent: done\ndata: "
                            + hostile + "\n\n"));
            List<StreamEvent> events = new ArrayList<>();
            try (EventStream<StreamEvent> stream = session.sendStream("hi")) {
                stream.forEach(events::add);
            }

            JsonNode data = result.data();
            assertThat(data.get("@class").asText()).isEqualTo(canary);
            assertThat(data.get("gadget").get(0).asText()).isEqualTo("java.lang.ProcessBuilder");
            assertThat(charge.result().data().path("command").asText()).isEqualTo("rm -rf /");
            assertThat(error.getBody().path("details").path("@type").asText()).isEqualTo(canary);
            assertThat(events).hasSize(2);
            assertThat(Json.convert(data, Object.class)).isInstanceOf(Map.class);
        }
        assertThat(Canary.CREATED.get()).as("no class named by the server was instantiated").isEqualTo(before);
    }

    /** Every class of the SDK's main output (a directory in this build, a jar elsewhere). */
    private static List<Class<?>> sdkClasses() throws Exception {
        URI location = Json.class.getProtectionDomain().getCodeSource().getLocation().toURI();
        Path root = Path.of(location);
        List<Class<?>> out = new ArrayList<>();
        if (Files.isDirectory(root)) {
            collect(root, out);
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(root)) {
                collect(jar.getPath("/"), out);
            }
        }
        return out;
    }

    private static void collect(Path root, List<Class<?>> out) throws IOException, ClassNotFoundException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = root.relativize(p).toString().replace('\\', '/');
                if (name.startsWith("dev/codespar/") && name.endsWith(".class") && !name.endsWith("module-info.class")
                        && !name.endsWith("package-info.class")) {
                    out.add(Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false,
                            SecurityTest.class.getClassLoader()));
                }
            }
        }
    }
}
