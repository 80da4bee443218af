package dev.codespar;

import dev.codespar.errors.ConfigError;
import dev.codespar.internal.http.Hosts;
import java.time.Duration;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks {@link CodeSparClient.Builder#build()} runs on each setting, each failing with a {@link ConfigError} that
 * names the setting and the fix, and never the key.
 */
final class ClientSettings {

    private static final Logger LOG = LoggerFactory.getLogger(CodeSparClient.class);
    private static final Pattern KEY_CHARS = Pattern.compile("^[\\x21-\\x7E]+$");
    static final Duration MAX_TIMEOUT = Duration.ofHours(1);
    static final Duration MAX_CALL_TIMEOUT = Duration.ofHours(24);

    private ClientSettings() {}

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
            LOG.warn("The CodeSpar API key starts with neither csk_live_ nor csk_test_; using it anyway");
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

    static void requirePositive(String name, Duration value, Duration max) {
        if (value == null || value.isNegative() || value.isZero() || value.compareTo(max) > 0) {
            throw new ConfigError(name + " must be positive and at most " + max + ", got " + value);
        }
    }

    static String userAgent(String version) {
        return "codespar-java/" + version + " (Java " + System.getProperty("java.version") + "; "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")";
    }
}
