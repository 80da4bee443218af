package dev.codespar.spring.boot;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * The {@code codespar.*} settings of the auto-configured {@link dev.codespar.CodeSparClient}, bound with Spring's
 * relaxed rules: {@code codespar.api-key} in {@code application.properties}, {@code CODESPAR_API_KEY} in the
 * environment, {@code --codespar.api-key=...} on the command line. A setting left out keeps the SDK's default.
 *
 * <pre>
 * codespar.api-key=${CODESPAR_API_KEY}
 * codespar.project-id=prj_0123456789abcdef
 * codespar.max-retries=3
 * codespar.timeout=30s
 * </pre>
 *
 * @param apiKey the secret key (csk_live_... or csk_test_...); required
 * @param baseUrl the API root; default https://api.codespar.dev
 * @param projectId the project to act in (prj_ and 16 letters or digits); default the organisation's default project
 * @param maxRetries how many times a failed request may be sent again, 0 to 10; default 2
 * @param timeout the timeout of one attempt: a bare number is seconds (30), else 30s or PT30S; default 60 s
 */
@ConfigurationProperties("codespar")
public record CodeSparProperties(String apiKey, String baseUrl, String projectId, Integer maxRetries,
        @DurationUnit(ChronoUnit.SECONDS) Duration timeout) {

    /** {@return whether an API key is set (not blank)} */
    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    /** {@return the settings with the key shown as {@code [redacted]}: safe to log} */
    @Override
    public String toString() {
        return "CodeSparProperties{apiKey=" + (hasApiKey() ? "[redacted]" : "[not set]") + ", baseUrl=" + baseUrl
                + ", projectId=" + projectId + ", maxRetries=" + maxRetries + ", timeout=" + timeout + "}";
    }
}
