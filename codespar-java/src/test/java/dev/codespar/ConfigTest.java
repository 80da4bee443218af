package dev.codespar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.codespar.errors.ConfigError;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** Every ConfigError rule of docs/configuration.md, the environment fallbacks, and no key in any message. */
class ConfigTest {

    private static final String KEY = TestSupport.KEY;

    private static CodeSparClient.Builder builder(Map<String, String> env) {
        return CodeSparClient.builder().environment(env::get);
    }

    private static ConfigError configError(CodeSparClient.Builder b) {
        ConfigError e = catchThrowableOfType(ConfigError.class, b::build);
        assertThat(e).as("expected a ConfigError").isNotNull();
        assertThat(e.getMessage()).doesNotContain("SECRET0123456789abcdef");
        return e;
    }

    @Test
    void missingKeyNamesBothWaysToSetIt() {
        ConfigError e = configError(builder(Map.of()));
        assertThat(e.getMessage()).contains("API key is missing").contains(".apiKey(").contains("CODESPAR_API_KEY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void blankKeyIsMissing(String key) {
        assertThat(configError(builder(Map.of()).apiKey(key)).getMessage()).contains("API key is missing");
        assertThat(configError(builder(Map.of("CODESPAR_API_KEY", key))).getMessage()).contains("API key is missing");
    }

    @Test
    void keyFallsBackToTheEnvironment() {
        try (CodeSparClient client = builder(Map.of("CODESPAR_API_KEY", KEY)).build()) {
            assertThat(client.getBaseUrl()).isEqualTo("https://api.codespar.dev");
        }
    }

    @Test
    void explicitKeyWinsOverTheEnvironment() {
        CodeSparClient.Builder b = builder(Map.of("CODESPAR_API_KEY", "not-a-key")).apiKey(KEY);
        try (CodeSparClient client = b.build()) {
            assertThat(client).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk_live_SECRET0123456789abcdef", "SECRET0123456789abcdef", "CSK_test_SECRET0123456789abcdef"})
    void keyWithoutTheCskPrefixIsRefused(String key) {
        ConfigError e = configError(builder(Map.of()).apiKey(key));
        assertThat(e.getMessage()).contains("must start with csk_").doesNotContain(key);
    }

    @Test
    void keyWithInnerWhitespaceIsRefusedAndSurroundingWhitespaceIsTrimmed() {
        assertThat(configError(builder(Map.of()).apiKey("csk_test_SECRET0123 456789abcdef")).getMessage())
                .contains("cannot travel in an HTTP header");
        try (CodeSparClient client = builder(Map.of()).apiKey("  " + KEY + "\n").build()) {
            assertThat(client).isNotNull();
        }
    }

    @Test
    void nonStandardCskPrefixIsAcceptedWithAWarning() {
        Logger logger = (Logger) LoggerFactory.getLogger(CodeSparClient.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try (CodeSparClient client = builder(Map.of()).apiKey("csk_staging_SECRET0123456789abcdef").build()) {
            assertThat(client).isNotNull();
            assertThat(appender.list).singleElement().satisfies(event -> {
                assertThat(event.getLevel().toString()).isEqualTo("WARN");
                assertThat(event.getFormattedMessage()).contains("neither csk_live_ nor csk_test_")
                        .doesNotContain("SECRET");
            });
        } finally {
            logger.detachAppender(appender);
        }
    }

    @Test
    void liveAndTestKeysDoNotWarn() {
        Logger logger = (Logger) LoggerFactory.getLogger(CodeSparClient.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try (CodeSparClient a = builder(Map.of()).apiKey("csk_live_x").build();
                CodeSparClient b = builder(Map.of()).apiKey("csk_test_x").build()) {
            assertThat(appender.list).isEmpty();
        } finally {
            logger.detachAppender(appender);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "ftp://api.codespar.dev", "api.codespar.dev", "https://"})
    void baseUrlMustBeAnHttpUrl(String url) {
        assertThat(configError(builder(Map.of()).apiKey(KEY).baseUrl(url)).getMessage())
                .contains("baseUrl is not an http(s) URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.codespar.dev", "http://10.0.0.5:8080", "http://localhost.evil.com",
            "http://127.0.0.1.nip.io", "http://[::2]:80", "http://128.0.0.1"})
    void plainHttpToANonLoopbackHostIsRefused(String url) {
        assertThat(configError(builder(Map.of()).apiKey(KEY).baseUrl(url)).getMessage())
                .contains("plain http://").contains("clear text");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:1", "http://127.10.20.30", "http://[::1]:9000",
            "http://LOCALHOST"})
    void plainHttpToLoopbackIsAllowed(String url) {
        try (CodeSparClient client = builder(Map.of()).apiKey(KEY).baseUrl(url).build()) {
            assertThat(client.getBaseUrl()).startsWith("http://");
        }
    }

    @Test
    void trailingSlashesAreStrippedAndAPathPrefixIsKept() {
        try (CodeSparClient client = builder(Map.of()).apiKey(KEY).baseUrl("https://gw.example.com/codespar//").build()) {
            assertThat(client.getBaseUrl()).isEqualTo("https://gw.example.com/codespar");
        }
        try (CodeSparClient client = builder(Map.of()).apiKey(KEY).baseUrl("https://api.codespar.dev/").build()) {
            assertThat(client.getBaseUrl()).isEqualTo("https://api.codespar.dev");
        }
    }

    @Test
    void baseUrlFallsBackToTheEnvironmentAndAnEmptyValueCountsAsUnset() {
        try (CodeSparClient client = builder(Map.of("CODESPAR_API_KEY", KEY,
                "CODESPAR_BASE_URL", "https://staging.codespar.dev/")).build()) {
            assertThat(client.getBaseUrl()).isEqualTo("https://staging.codespar.dev");
        }
        try (CodeSparClient client = builder(Map.of("CODESPAR_API_KEY", KEY, "CODESPAR_BASE_URL", "")).build()) {
            assertThat(client.getBaseUrl()).isEqualTo("https://api.codespar.dev");
        }
        try (CodeSparClient client = builder(Map.of("CODESPAR_BASE_URL", "https://env.example.com")).apiKey(KEY)
                .baseUrl("https://explicit.example.com").build()) {
            assertThat(client.getBaseUrl()).isEqualTo("https://explicit.example.com");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prj_short", "prj_0123456789abcdef0", "proj_0123456789abcdef", "prj_0123456789abcde!",
            "prj_0123456789abcde"})
    void projectIdMustMatchTheFormat(String id) {
        assertThat(configError(builder(Map.of()).apiKey(KEY).projectId(id)).getMessage())
                .contains("projectId").contains("prj_");
    }

    @Test
    void validProjectIdIsKept() {
        try (CodeSparClient client = builder(Map.of()).apiKey(KEY).projectId("prj_0123456789ABCdef").build()) {
            assertThat(client.getProjectId()).isEqualTo("prj_0123456789ABCdef");
        }
    }

    private static void assertOutOfRange(String name, Consumer<CodeSparClient.Builder> setting) {
        CodeSparClient.Builder b = builder(Map.of()).apiKey(KEY);
        setting.accept(b);
        assertThat(configError(b).getMessage()).contains(name);
    }

    @Test
    void timeoutsAndRetriesMustBeInRange() {
        assertOutOfRange("timeout", b -> b.timeout(Duration.ZERO));
        assertOutOfRange("timeout", b -> b.timeout(Duration.ofSeconds(-1)));
        assertOutOfRange("timeout", b -> b.timeout(null));
        assertOutOfRange("timeout", b -> b.timeout(Duration.ofHours(2)));
        assertOutOfRange("callTimeout", b -> b.callTimeout(Duration.ZERO));
        assertOutOfRange("sendStreamIdleTimeout", b -> b.sendStreamIdleTimeout(Duration.ofMillis(-5)));
        assertOutOfRange("statusStreamIdleTimeout", b -> b.statusStreamIdleTimeout(Duration.ZERO));
        assertOutOfRange("maxRetries", b -> b.maxRetries(-1));
        assertOutOfRange("maxRetries", b -> b.maxRetries(11));
        assertOutOfRange("maxRetryWait", b -> b.maxRetryWait(Duration.ofSeconds(-1)));
        assertOutOfRange("maxRetryWait", b -> b.maxRetryWait(null));
    }

    @Test
    void retryPolicyObjectAndBuilderSwitchesCompose() {
        RetryPolicy base = RetryPolicy.builder().maxRetries(5).retryOnInternalError(true).build();
        assertThat(base.toBuilder().build()).isEqualTo(base).hasSameHashCodeAs(base);
        assertThat(RetryPolicy.none().maxRetries()).isZero();
        assertThat(RetryPolicy.defaults().maxRetries()).isEqualTo(2);
        assertThat(RetryPolicy.defaults().maxRetryWait()).isEqualTo(Duration.ofSeconds(60));
        assertThatThrownBy(() -> RetryPolicy.builder().baseDelay(Duration.ofSeconds(10)).build())
                .isInstanceOf(ConfigError.class).hasMessageContaining("maxBackoff");
        try (CodeSparClient client = builder(Map.of()).apiKey(KEY).retryPolicy(base).maxRetries(1).build()) {
            assertThat(client).isNotNull();
        }
    }

    @Test
    void callerOkHttpClientIsCopiedNeverMutated() {
        OkHttpClient mine = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(3)).build();
        try (CodeSparClient client = builder(Map.of()).apiKey(KEY).httpClient(mine).build()) {
            OkHttpClient used = client.transport().okHttpClient();
            assertThat(used).isNotSameAs(mine);
            assertThat(used.retryOnConnectionFailure()).isFalse();
            assertThat(used.readTimeoutMillis()).isEqualTo(60_000);
            assertThat(used.dispatcher()).isSameAs(mine.dispatcher());
        }
        assertThat(mine.interceptors()).isEmpty();
        assertThat(mine.networkInterceptors()).isEmpty();
        assertThat(mine.retryOnConnectionFailure()).isTrue();
        assertThat(mine.readTimeoutMillis()).isEqualTo(3_000);
        assertThat(mine.dispatcher().executorService().isShutdown()).isFalse();
    }

    @Test
    void ownOkHttpClientIsShutDownOnClose() {
        CodeSparClient client = builder(Map.of()).apiKey(KEY).build();
        OkHttpClient used = client.transport().okHttpClient();
        assertThat(used.retryOnConnectionFailure()).isFalse();
        client.close();
        assertThat(used.dispatcher().executorService().isShutdown()).isTrue();
        client.close();
    }
}
