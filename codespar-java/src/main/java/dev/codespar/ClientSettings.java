package dev.codespar;

import dev.codespar.errors.ConfigError;
import dev.codespar.internal.http.Hosts;
import java.time.Duration;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks {@link CodeSparClient.Builder#build()} runs on each setting, each failing with a {@link ConfigError} that
 * names the setting and the fix, and never the key.
 */
final class ClientSettings {

    private static final Logger LOGGER = LoggerFactory.getLogger(CodeSparClient.class);
    private static final Pattern KEY_CHARS = Pattern.compile("^[\\x21-\\x7E]+$");
    static final Duration MAX_TIMEOUT = Duration.ofHours(1);
    static final Duration MAX_CALL_TIMEOUT = Duration.ofHours(24);

    private ClientSettings() {}

    /**
     * The settings a client reads from its environment: a {@code codespar.*} system property wins over the
     * {@code CODESPAR_*} environment variable; an explicit builder call wins over both.
     */
    enum Setting {
        API_KEY("CODESPAR_API_KEY", "codespar.api-key"),
        BASE_URL("CODESPAR_BASE_URL", "codespar.base-url"),
        PROJECT_ID("CODESPAR_PROJECT_ID", "codespar.project-id"),
        MAX_RETRIES("CODESPAR_MAX_RETRIES", "codespar.max-retries"),
        TIMEOUT("CODESPAR_TIMEOUT", "codespar.timeout"),
        MAX_POST_CONNECTION_IDLE("CODESPAR_MAX_POST_CONNECTION_IDLE", "codespar.max-post-connection-idle"),
        LOG("CODESPAR_LOG", "codespar.log");

        final String variable;
        final String property;

        Setting(String variable, String property) {
            this.variable = variable;
            this.property = property;
        }

        /** The value, or {@code null} when neither source sets it (a blank value counts as unset). */
        String read(Function<String, String> environment, Function<String, String> properties) {
            String value = properties.apply(property);
            String source = property;
            if (value == null || value.isBlank()) {
                value = environment.apply(variable);
                source = variable;
            }
            if (value == null || value.isBlank()) {
                return null;
            }
            // which source a setting came from, never its value (the key is one of them)
            LOGGER.debug("CodeSpar setting {} read from {}", name(), source);
            return value.strip();
        }

        /** Hands the value to {@code target} when either source sets it. */
        void ifSet(Function<String, String> environment, Function<String, String> properties,
                Consumer<String> target) {
            String value = read(environment, properties);
            if (value != null) {
                target.accept(value);
            }
        }
    }

    /** A duration setting: whole seconds ({@code 30}) or ISO-8601 ({@code PT30S}, {@code PT0.5S}). */
    static Duration duration(Setting setting, String text) {
        try {
            return text.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(text)) : Duration.parse(text);
        } catch (RuntimeException e) {
            throw new ConfigError(setting.variable + " / " + setting.property + " must be a number of seconds (30)"
                    + " or an ISO-8601 duration (PT30S), got \"" + text + "\"");
        }
    }

    /** A whole-number setting. */
    static int integer(Setting setting, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ConfigError(setting.variable + " / " + setting.property + " must be a whole number, got \""
                    + text + "\"");
        }
    }

    /**
     * Whether the log setting asks for the SDK's attempt lines at INFO: {@code debug} or {@code trace} yes;
     * {@code info}, {@code warn}, {@code error}, {@code off} or unset no. Anything else is a typo worth an error.
     */
    static boolean verboseLog(String text) {
        if (text == null) {
            return false;
        }
        switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "debug":
            case "trace":
                return true;
            case "info":
            case "warn":
            case "error":
            case "off":
                return false;
            default:
                throw new ConfigError("CODESPAR_LOG / codespar.log must be debug, trace, info, warn, error or off,"
                        + " got \"" + text + "\"");
        }
    }

    static void checkProjectId(String projectId) {
        if (projectId != null && !SessionConfig.PROJECT_ID.matcher(projectId).matches()) {
            throw new ConfigError("projectId must look like prj_ followed by 16 letters or digits"
                    + " (e.g. prj_0123456789abcdef), got \"" + projectId + "\"");
        }
    }

    static void requireZeroOrPositive(String name, Duration value, Duration max) {
        if (value == null || value.isNegative() || value.compareTo(max) > 0) {
            throw new ConfigError(name + " must be zero or positive and at most " + max + ", got " + value);
        }
    }

    static String checkedKey(String given) {
        String key = given;
        if (key == null || key.isBlank()) {
            throw new ConfigError("API key is missing: pass .apiKey(\"csk_...\") to CodeSparClient.builder()"
                    + " or set the CODESPAR_API_KEY environment variable");
        }
        key = key.strip();
        if (!KEY_CHARS.matcher(key).matches()) {
            throw new ConfigError("API key contains spaces or characters that cannot travel in an HTTP header;"
                    + " copy it again from the dashboard (Settings > API Keys)");
        }
        if (!key.startsWith("csk_")) {
            throw new ConfigError("API key does not look like a CodeSpar key: it must start with csk_"
                    + " (csk_live_ for production, csk_test_ for test projects)");
        }
        if (!key.startsWith("csk_live_") && !key.startsWith("csk_test_")) {
            LOGGER.warn("The CodeSpar API key starts with neither csk_live_ nor csk_test_; using it anyway");
        }
        return key;
    }

    static HttpUrl checkedBaseUrl(String given, String defaultUrl) {
        String raw = given == null || given.isBlank() ? defaultUrl : given.strip();
        HttpUrl url = HttpUrl.parse(raw.strip());
        if (url == null) {
            throw new ConfigError("baseUrl is not an http(s) URL: \"" + raw
                    + "\"; use e.g. https://api.codespar.dev");
        }
        if (url.query() != null || url.fragment() != null) {
            throw new ConfigError("baseUrl must not have a query or fragment: \"" + redact(url) + "\"");
        }
        if (!url.isHttps() && !Hosts.isLoopback(url.host())) {
            throw new ConfigError("baseUrl " + redact(url) + " uses plain http:// to a host that is not loopback;"
                    + " the API key would travel in clear text. Use https://, or http:// only for localhost,"
                    + " 127.0.0.0/8 or ::1");
        }
        String text = url.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return HttpUrl.get(text);
    }

    private static String redact(HttpUrl url) {
        return url.newBuilder().username("").password("").build().toString();
    }

    /** The durations of a builder, each named in the error when it is out of range. */
    static void checkDurations(Duration timeout, Duration callTimeout, Duration sendStreamIdle,
            Duration statusStreamIdle, Duration maxPostConnectionIdle) {
        requirePositive("timeout", timeout, MAX_TIMEOUT);
        if (callTimeout != null) {
            requirePositive("callTimeout", callTimeout, MAX_CALL_TIMEOUT);
        }
        requirePositive("sendStreamIdleTimeout", sendStreamIdle, MAX_CALL_TIMEOUT);
        requirePositive("statusStreamIdleTimeout", statusStreamIdle, MAX_CALL_TIMEOUT);
        requireZeroOrPositive("maxPostConnectionIdle", maxPostConnectionIdle, MAX_TIMEOUT);
    }

    static void requirePositive(String name, Duration value, Duration max) {
        if (value == null || value.isNegative() || value.isZero() || value.compareTo(max) > 0) {
            throw new ConfigError(name + " must be positive and at most " + max + ", got " + value);
        }
    }

    static String userAgent(String version) {
        return "codespar-java/" + version + " (Java " + System.getProperty("java.version") + "; "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")";
    }

    /** The version the build wrote into the jar, {@code dev} when run from sources. */
    static String readVersion() {
        try (InputStream in = CodeSparClient.class.getResourceAsStream("internal/codespar-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version");
            return v == null || v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
