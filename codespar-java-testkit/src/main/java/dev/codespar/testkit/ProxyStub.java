package dev.codespar.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A canned provider answer for {@code POST /v1/sessions/{id}/proxy_execute}, set with
 * {@link FakeCodeSpar#onProxy(String, String, String)}. Without a stub the fake answers {@code 200} with
 * {@code {"ok":true}} and an echo of the request.
 *
 * <pre>{@code
 * fake.onProxy("asaas", "POST", "/v3/payments").respond(201, Map.of("id", "pay_1"));
 * }</pre>
 */
public final class ProxyStub {

    private int status = 200;
    private JsonNode data = Wire.object().put("ok", true);
    private final Map<String, String> headers = new LinkedHashMap<>(Map.of("content-type", "application/json"));

    ProxyStub() {}

    /**
     * The provider's status and body (the CodeSpar answer itself stays a {@code 200} ProxyResult).
     *
     * @param providerStatus the provider's HTTP status
     * @param body the provider's body, converted with Jackson
     * @return this stub
     */
    public synchronized ProxyStub respond(int providerStatus, Object body) {
        this.status = providerStatus;
        this.data = Wire.tree(body);
        return this;
    }

    /**
     * Adds a provider response header to the ProxyResult's {@code headers}.
     *
     * @param name the header name
     * @param value the value
     * @return this stub
     */
    public synchronized ProxyStub header(String name, String value) {
        headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    synchronized int status() {
        return status;
    }

    synchronized JsonNode data() {
        return data.deepCopy();
    }

    synchronized Map<String, String> headers() {
        return new LinkedHashMap<>(headers);
    }
}
