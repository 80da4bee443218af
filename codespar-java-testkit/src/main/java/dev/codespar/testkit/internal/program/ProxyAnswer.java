package dev.codespar.testkit.internal.program;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.testkit.internal.wire.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** The canned provider answer of one proxied endpoint; thread-safe. */
public final class ProxyAnswer {

    private int status = 200;
    private JsonNode data = Json.object().put("ok", true);
    private final Map<String, String> headers = new LinkedHashMap<>(Map.of("content-type", "application/json"));

    /**
     * Sets status and body.
     *
     * @param providerStatus the provider's status
     * @param body the provider's body
     */
    public synchronized void respond(int providerStatus, JsonNode body) {
        this.status = providerStatus;
        this.data = body;
    }

    /**
     * Adds a header.
     *
     * @param name the name
     * @param value the value
     */
    public synchronized void header(String name, String value) {
        headers.put(name, value);
    }

    /**
     * The provider status.
     *
     * @return the status
     */
    public synchronized int status() {
        return status;
    }

    /**
     * The provider body.
     *
     * @return a copy
     */
    public synchronized JsonNode data() {
        return data.deepCopy();
    }

    /**
     * The provider headers.
     *
     * @return a copy
     */
    public synchronized Map<String, String> headers() {
        return new LinkedHashMap<>(headers);
    }
}
