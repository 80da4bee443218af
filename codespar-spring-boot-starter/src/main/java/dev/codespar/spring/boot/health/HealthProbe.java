package dev.codespar.spring.boot.health;

import dev.codespar.CodeSparClient;
import dev.codespar.RequestOptions;
import dev.codespar.consumers.WhoAmI;
import dev.codespar.errors.ApiError;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One cheap authenticated call ({@code GET /v1/whoami}) that says whether the API answers this key; shared by the
 * Boot 4 and Boot 3 indicators, which only differ in the Spring types they return.
 */
final class HealthProbe {

    // a health check must answer fast and must not stack retries behind a load balancer's own probe timeout
    private static final RequestOptions ONE_QUICK_ATTEMPT = RequestOptions.builder().maxRetries(0)
            .timeout(Duration.ofSeconds(10)).build();

    private HealthProbe() {}

    /** What the probe found: up or down, and the details to show (never the key). */
    record Report(boolean up, Map<String, Object> details) {}

    static Report check(CodeSparClient client) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("baseUrl", client.getBaseUrl());
        try {
            WhoAmI me = client.withOptions(ONE_QUICK_ATTEMPT).consumers().whoami();
            putIfPresent(details, "organization", me.organizationId());
            putIfPresent(details, "project", me.projectId());
            putIfPresent(details, "keyEnvironment", me.keyEnvironment());
            return new Report(true, details);
        } catch (ApiError e) {
            // the SDK's messages never carry the key; the request id is what CodeSpar support asks for
            details.put("error", e.getCode() == null ? "unknown" : e.getCode());
            details.put("status", e.getStatus());
            putIfPresent(details, "requestId", e.getRequestId());
            details.put("message", e.getMessage());
            return new Report(false, details);
        }
    }

    private static void putIfPresent(Map<String, Object> details, String key, Object value) {
        if (value != null) {
            details.put(key, value);
        }
    }
}
