package dev.codespar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.codespar.errors.ConfigError;
import dev.codespar.errors.TimeoutError;
import dev.codespar.errors.ServiceUnavailableError;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The environment table: every {@code CODESPAR_*} variable and its {@code codespar.*} system property reach the
 * client through {@code fromEnv()}, the property wins over the variable, a builder call made after wins over both,
 * and a value that cannot be read is a ConfigError naming both spellings.
 */
class EnvironmentConfigTest {

    private final MockWebServer server = new MockWebServer();
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        server.start();
        env.put("CODESPAR_API_KEY", TestSupport.KEY);
        env.put("CODESPAR_BASE_URL", server.url("/").toString());
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private CodeSparClient fromEnv() {
        return CodeSparClient.builder().environment(env::get).timing(new FakeTiming()).fromEnv().build();
    }

    private ConfigError refused() {
        ConfigError e = catchThrowableOfType(ConfigError.class, this::fromEnv);
        assertThat(e).as("expected a ConfigError").isNotNull();
        assertThat(e.getMessage()).doesNotContain(TestSupport.KEY);
        return e;
    }

    @Test
    void keyBaseUrlAndProjectComeFromTheEnvironment() throws Exception {
        env.put("CODESPAR_PROJECT_ID", "prj_0123456789abcdef");
        server.enqueue(TestSupport.json(200, "{\"data\":[],\"total\":0}"));
        try (CodeSparClient client = fromEnv()) {
            assertThat(client.getBaseUrl()).isEqualTo(server.url("/").toString().replaceAll("/$", ""));
            assertThat(client.getProjectId()).isEqualTo("prj_0123456789abcdef");
            client.sessions().list();
        }
        var request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TestSupport.KEY);
        assertThat(request.getHeader("x-codespar-project")).isEqualTo("prj_0123456789abcdef");
    }

    @Test
    void systemPropertyWinsOverTheVariableAndABlankOneDoesNot() {
        env.put("CODESPAR_PROJECT_ID", "prj_AAAAAAAAAAAAAAAA");
        env.put("codespar.project-id", "prj_BBBBBBBBBBBBBBBB");
        try (CodeSparClient client = fromEnv()) {
            assertThat(client.getProjectId()).isEqualTo("prj_BBBBBBBBBBBBBBBB");
        }
        env.put("codespar.project-id", "  ");
        try (CodeSparClient client = fromEnv()) {
            assertThat(client.getProjectId()).isEqualTo("prj_AAAAAAAAAAAAAAAA");
        }
    }

    @Test
    void maxRetriesFromTheEnvironmentGovernsTheRequestCount() {
        env.put("CODESPAR_MAX_RETRIES", "0");
        server.enqueue(TestSupport.json(503, "{\"error\":\"service_unavailable\"}"));
        server.enqueue(TestSupport.json(200, "{\"data\":[],\"total\":0}"));
        try (CodeSparClient client = fromEnv()) {
            assertThat(catchThrowableOfType(ServiceUnavailableError.class, () -> client.sessions().list()))
                    .isNotNull();
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void timeoutFromTheEnvironmentBoundsAnAttempt() throws Exception {
        // a listening socket nobody reads from: the kernel accepts the connection, no answer ever comes
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            env.put("CODESPAR_BASE_URL", "http://127.0.0.1:" + silent.getLocalPort());
            env.put("CODESPAR_MAX_RETRIES", "0");
            env.put("codespar.timeout", "PT0.3S");
            try (CodeSparClient client = fromEnv()) {
                TimeoutError e = catchThrowableOfType(TimeoutError.class, () -> client.sessions().list());
                assertThat(e).as("a 0.3 s attempt timeout, not the 60 s default").isNotNull();
            }
        }
    }

    @Test
    void aBuilderCallAfterFromEnvWins() {
        env.put("CODESPAR_PROJECT_ID", "prj_AAAAAAAAAAAAAAAA");
        try (CodeSparClient client = CodeSparClient.builder().environment(env::get).fromEnv()
                .projectId("prj_CCCCCCCCCCCCCCCC").build()) {
            assertThat(client.getProjectId()).isEqualTo("prj_CCCCCCCCCCCCCCCC");
        }
    }

    @Test
    void unreadableValuesNameBothSpellings() {
        env.put("CODESPAR_TIMEOUT", "thirty");
        assertThat(refused().getMessage()).contains("CODESPAR_TIMEOUT").contains("codespar.timeout")
                .contains("thirty");
        env.remove("CODESPAR_TIMEOUT");
        env.put("CODESPAR_MAX_RETRIES", "two");
        assertThat(refused().getMessage()).contains("CODESPAR_MAX_RETRIES").contains("whole number");
        env.put("CODESPAR_MAX_RETRIES", "50");
        assertThat(refused().getMessage()).contains("maxRetries");
        env.remove("CODESPAR_MAX_RETRIES");
        env.put("CODESPAR_MAX_POST_CONNECTION_IDLE", "-PT1S");
        assertThat(refused().getMessage()).contains("maxPostConnectionIdle");
        env.remove("CODESPAR_MAX_POST_CONNECTION_IDLE");
        env.put("CODESPAR_LOG", "loud");
        assertThat(refused().getMessage()).contains("CODESPAR_LOG").contains("debug").contains("loud");
        for (String quiet : new String[] {"info", "WARN", "error", "off"}) {
            env.put("CODESPAR_LOG", quiet);
            try (CodeSparClient client = fromEnv()) {
                assertThat(client).as(quiet + " is a level, not a typo").isNotNull();
            }
        }
    }

    @Test
    void theSourceOfASettingIsLoggedNeverItsValue() {
        env.remove("CODESPAR_API_KEY");
        env.put("codespar.api-key", TestSupport.KEY);
        try (LogCapture log = new LogCapture(); CodeSparClient client = fromEnv()) {
            assertThat(client).isNotNull();
            assertThat(log.all()).contains("API_KEY read from codespar.api-key").doesNotContain(TestSupport.KEY)
                    .doesNotContain("SECRET");
        }
    }

    private List<ILoggingEvent> attemptLines(LogCapture log) {
        return log.events().stream().filter(e -> e.getFormattedMessage().contains("request_id="))
                .collect(Collectors.toList());
    }

    @Test
    void codesparLogDebugRaisesTheAttemptLinesToInfo() throws Exception {
        env.put("CODESPAR_LOG", "debug");
        server.enqueue(TestSupport.json(200, "{\"data\":[],\"total\":0}"));
        try (LogCapture log = new LogCapture(); CodeSparClient client = fromEnv()) {
            client.sessions().list();
            List<ILoggingEvent> lines = attemptLines(log);
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0).getLevel()).isEqualTo(Level.INFO);
            assertThat(lines.get(0).getFormattedMessage()).contains("GET").contains("-> 200")
                    .doesNotContain(TestSupport.KEY).doesNotContain("Bearer");
        }
    }

    @Test
    void withoutItTheAttemptLinesStayAtDebugAndTheBuilderSwitchOverridesTheEnvironment() throws Exception {
        server.enqueue(TestSupport.json(200, "{\"data\":[],\"total\":0}"));
        server.enqueue(TestSupport.json(200, "{\"data\":[],\"total\":0}"));
        try (LogCapture log = new LogCapture(); CodeSparClient client = fromEnv()) {
            client.sessions().list();
            assertThat(attemptLines(log)).singleElement().extracting(ILoggingEvent::getLevel).isEqualTo(Level.DEBUG);
        }
        env.put("CODESPAR_LOG", "debug");
        try (LogCapture log = new LogCapture(); CodeSparClient client = CodeSparClient.builder()
                .environment(env::get).fromEnv().debugLogging(false).build()) {
            client.sessions().list();
            assertThat(attemptLines(log)).singleElement().extracting(ILoggingEvent::getLevel).isEqualTo(Level.DEBUG);
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void staticFromEnvReadsTheRealEnvironment() {
        // the JVM running the suite has no CODESPAR_API_KEY set by the build; when a developer has one, the client
        // must build and point where the variable says.
        String key = System.getProperty("codespar.api-key", System.getenv("CODESPAR_API_KEY"));
        if (key == null || key.isBlank()) {
            ConfigError e = catchThrowableOfType(ConfigError.class, CodeSparClient::fromEnv);
            assertThat(e.getMessage()).contains("CODESPAR_API_KEY");
        } else {
            try (CodeSparClient client = CodeSparClient.fromEnv()) {
                assertThat(client.toString()).doesNotContain(key);
            }
        }
    }

    @Test
    void durationsAcceptSecondsAndIso() {
        assertThat(ClientSettings.duration(ClientSettings.Setting.TIMEOUT, "30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(ClientSettings.duration(ClientSettings.Setting.TIMEOUT, "PT0.5S")).isEqualTo(Duration.ofMillis(500));
    }
}
