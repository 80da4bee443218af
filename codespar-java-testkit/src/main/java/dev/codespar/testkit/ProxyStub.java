package dev.codespar.testkit;

import dev.codespar.testkit.internal.program.ProxyAnswer;
import dev.codespar.testkit.internal.wire.Json;
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

    private final ProxyAnswer answer;

    ProxyStub(ProxyAnswer answer) {
        this.answer = answer;
    }

    /**
     * The provider's status and body (the CodeSpar answer itself stays a {@code 200} ProxyResult).
     *
     * @param providerStatus the provider's HTTP status
     * @param body the provider's body, converted with Jackson
     * @return this stub
     */
    public ProxyStub respond(int providerStatus, Object body) {
        answer.respond(providerStatus, Json.tree(body));
        return this;
    }

    /**
     * Adds a provider response header to the ProxyResult's {@code headers}.
     *
     * @param name the header name
     * @param value the value
     * @return this stub
     */
    public ProxyStub header(String name, String value) {
        answer.header(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }
}
