package dev.codespar;

import static dev.codespar.TestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.codespar.errors.ApiError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The key never appears in any log line (TRACE included), message or toString(); no error path leaves a connection
 * checked out of OkHttp's pool.
 */
class SecretsAndLeaksTest {


    private final MockWebServer server = new MockWebServer();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level rootLevel;
    private ch.qos.logback.core.Appender<ILoggingEvent> console;
    private CodeSparClient client;

    @BeforeEach
    void setUp() throws Exception {
        server.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        LoggerContext context = root.getLoggerContext();
        rootLevel = root.getLevel();
        for (Logger l : context.getLoggerList()) {
            if (l != root) {
                l.setLevel(null);
            }
        }
        root.setLevel(Level.TRACE);
        console = root.getAppender("STDERR");
        root.detachAppender(console);
        appender.start();
        root.addAppender(appender);
        client = TestSupport.builder(server, new FakeTiming()).maxRetries(0).timeout(java.time.Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void tearDown() throws Exception {
        client.close();
        server.shutdown();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(appender);
        root.addAppender(console);
        root.setLevel(rootLevel);
        ((Logger) LoggerFactory.getLogger("dev.codespar")).setLevel(Level.INFO);
        ((Logger) LoggerFactory.getLogger("okhttp3")).setLevel(Level.WARN);
        ((Logger) LoggerFactory.getLogger("org.hibernate.validator")).setLevel(Level.WARN);
    }

    private void assertNoConnectionCheckedOut() {
        ConnectionPool pool = client.transport().okHttpClient().connectionPool();
        assertThat(pool.connectionCount()).as("connections in use").isEqualTo(pool.idleConnectionCount());
    }

    @Test
    void keyNeverLeaksThroughLogsMessagesOrToString() {
        client.close();
        client = TestSupport.builder(server, new FakeTiming()).timeout(java.time.Duration.ofSeconds(5)).build();
        List<Throwable> errors = new ArrayList<>();
        server.enqueue(TestSupport.sessionCreated());
        Session session = client.create("user_123", SessionConfig.builder().servers("asaas").build());
        server.enqueue(json(429, "{\"error\":\"rate_limited\",\"request_id\":\"req_1\"}").setHeader("Retry-After", "1"));
        server.enqueue(TestSupport.toolOk());
        session.execute("codespar_pay", Map.of("amount", 1000));
        server.enqueue(json(401, "{\"error\":\"unauthorized\",\"message\":\"Missing or invalid Bearer token\"}"));
        errors.add(catchThrowable(() -> session.execute("codespar_pay", Map.of())));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        errors.add(catchThrowable(() -> session.execute("codespar_pay", Map.of())));
        errors.add(catchThrowable(() -> session.execute(" ", Map.of())));
        server.enqueue(json(500, "{\"error\":\"internal_error\"}"));
        errors.add(catchThrowable(() -> session.executeAsync("codespar_pay", Map.of()).join()));
        errors.add(catchThrowable(() -> CodeSparClient.builder().apiKey("xx" + TestSupport.SECRET_PART).build()));
        errors.add(catchThrowable(() -> CodeSparClient.builder().apiKey(TestSupport.KEY)
                .baseUrl("http://example.com").build()));
        server.enqueue(json(400, "{\"error\":\"invalid_request\"}"));
        session.close();

        List<String> texts = new ArrayList<>();
        for (Throwable t : errors) {
            assertThat(t).isNotNull();
            for (Throwable c = t; c != null; c = c.getCause()) {
                texts.add(String.valueOf(c.getMessage()));
                texts.add(c.toString());
            }
        }
        for (ILoggingEvent event : appender.list) {
            texts.add(event.getFormattedMessage());
            for (IThrowableProxy p = event.getThrowableProxy(); p != null; p = p.getCause()) {
                texts.add(p.getMessage());
            }
        }
        texts.add(client.toString());
        texts.add(session.toString());
        texts.add(CodeSparClient.builder().apiKey(TestSupport.KEY).toString());

        assertThat(appender.list).as("TRACE logging was captured").isNotEmpty();
        assertThat(texts).allSatisfy(text -> assertThat(text).doesNotContain(TestSupport.SECRET_PART)
                .doesNotContain("Bearer csk"));
    }

    @Test
    void noConnectionStaysCheckedOutAfterAnyErrorPath() throws Exception {
        server.enqueue(TestSupport.sessionCreated());
        Session session = client.create("user_123");
        assertNoConnectionCheckedOut();

        MockResponse[] answers = {
            json(400, "{\"error\":\"invalid_request\"}"),
            json(404, "{\"error\":\"not_found\"}"),
            new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
                    .setBody("<html><body>Bad gateway</body></html>"),
            new MockResponse().setResponseCode(500).setBody(new Buffer().write(new byte[5 * 1024 * 1024])),
            new MockResponse().setResponseCode(422),
            json(200, "{\"success\":true,\"data\":{\"id\":").setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY),
            json(200, "not json at all"),
            new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST),
        };
        for (MockResponse answer : answers) {
            server.enqueue(answer);
            Throwable t = catchThrowable(() -> session.execute("codespar_pay", Map.of()));
            assertThat(t).isInstanceOf(ApiError.class);
            assertNoConnectionCheckedOut();
        }
        for (MockResponse answer : answers) {
            server.enqueue(answer.clone());
            Throwable t = catchThrowable(() -> session.executeAsync("codespar_pay", Map.of()).get(10, TimeUnit.SECONDS));
            assertThat(t).as(answer.toString()).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ApiError.class);
            assertNoConnectionCheckedOut();
        }
    }

    @Test
    void aHugeErrorBodyIsNotKeptInMemory() {
        server.enqueue(TestSupport.sessionCreated());
        Session session = client.create("user_123");
        server.enqueue(new MockResponse().setResponseCode(500).setHeader("Content-Type", "application/json")
                .setBody(new Buffer().writeUtf8("{\"error\":\"internal_error\",\"message\":\"")
                        .write(new byte[20 * 1024 * 1024]).writeUtf8("\"}")));

        ApiError e = (ApiError) catchThrowable(() -> session.execute("codespar_pay", Map.of()));

        assertThat(e.getStatus()).isEqualTo(500);
        assertThat(e.getBody()).isNull();
        assertThat(e.getMessage().length()).isLessThan(1_000);
        assertNoConnectionCheckedOut();
    }
}
