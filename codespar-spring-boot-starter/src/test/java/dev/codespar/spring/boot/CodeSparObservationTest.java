package dev.codespar.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.errors.InternalServerError;
import dev.codespar.errors.InvalidRequestError;
import dev.codespar.spring.boot.observation.ObservationCallObserver;
import dev.codespar.telemetry.CallObserver;
import dev.codespar.telemetry.CallStart;
import dev.codespar.testkit.CodeSparFake;
import dev.codespar.testkit.FakeCodeSpar;
import dev.codespar.testkit.RecordedCall;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Every call of the auto-configured client is one observation with the documented keys, and never the key. */
@CodeSparFake
class CodeSparObservationTest {

    private final Contexts.RecordingRegistry observations = new Contexts.RecordingRegistry();

    @Test
    void aSessionCreatedAndClosedIsTwoObservationsWithTheirRequestIds(FakeCodeSpar fake) {
        Contexts.against(fake).withBean(ObservationRegistry.class, () -> observations.registry).run(context -> {
            assertThat(context).hasSingleBean(ObservationCallObserver.class);
            CodeSparClient client = context.getBean(CodeSparClient.class);
            try (Session session = client.create("user_1", SessionConfig.builder().servers("asaas").build())) {
                assertThat(session.getId()).isNotBlank();
            }

            List<RecordedCall> calls = fake.journal().all();
            assertThat(calls).extracting(RecordedCall::method).containsExactly("POST", "DELETE");
            assertThat(observations.stopped).hasSize(2);
            Observation.Context created = observations.stopped.get(0);
            assertThat(created.getName()).isEqualTo("codespar.client.requests");
            assertThat(created.getContextualName()).isEqualTo("codespar POST /v1/sessions");
            assertThat(low(created)).isEqualTo(Map.of("method", "POST", "uri", "/v1/sessions", "status", "201",
                    "error", "none", "outcome", "SUCCESS", "attempts", "1"));
            assertThat(high(created)).isEqualTo(Map.of("codespar.request_id", calls.get(0).requestId()));
            Observation.Context closed = observations.stopped.get(1);
            assertThat(closed.getContextualName()).isEqualTo("codespar DELETE /v1/sessions/{id}");
            assertThat(low(closed)).isEqualTo(Map.of("method", "DELETE", "uri", "/v1/sessions/{id}", "status",
                    "204", "error", "none", "outcome", "SUCCESS", "attempts", "1"));
            assertThat(high(closed)).isEqualTo(Map.of("codespar.request_id", calls.get(1).requestId()));
            assertNoKey(fake, observations.stopped);
        });
    }

    @Test
    void aRefusedCallIsAFailureWithItsCodeStatusAndRequestId(FakeCodeSpar fake) {
        Contexts.against(fake).withBean(ObservationRegistry.class, () -> observations.registry).run(context -> {
            fake.failNext("internal_error").onPath("/v1/sessions");
            CodeSparClient client = context.getBean(CodeSparClient.class);

            InternalServerError e = catchThrowableOfType(InternalServerError.class,
                    () -> client.create("user_1", SessionConfig.builder().servers("asaas").build()));

            RecordedCall refused = fake.journal().last();
            assertThat(e.getRequestId()).isEqualTo(refused.requestId()).isNotBlank();
            assertThat(observations.stopped).hasSize(1);
            Observation.Context failed = observations.stopped.get(0);
            assertThat(low(failed)).isEqualTo(Map.of("method", "POST", "uri", "/v1/sessions", "status", "500",
                    "error", "internal_error", "outcome", "FAILURE", "attempts", "1"));
            assertThat(high(failed)).isEqualTo(Map.of("codespar.request_id", refused.requestId()));
            assertNoKey(fake, observations.stopped);
        });
    }

    @Test
    void aCallRefusedBeforeTheNetworkIsNotObserved(FakeCodeSpar fake) {
        Contexts.against(fake).withBean(ObservationRegistry.class, () -> observations.registry).run(context -> {
            CodeSparClient client = context.getBean(CodeSparClient.class);

            catchThrowableOfType(InvalidRequestError.class,
                    () -> client.create("", SessionConfig.builder().servers("asaas").build()));

            assertThat(fake.journal().size()).isZero();
            assertThat(observations.stopped).isEmpty();
        });
    }

    @Test
    void theApplicationsObserverReplacesTheMicrometerOne(FakeCodeSpar fake) {
        List<CallStart> seen = new CopyOnWriteArrayList<>();
        CallObserver own = start -> {
            seen.add(start);
            return outcome -> { };
        };
        Contexts.against(fake)
                .withBean(ObservationRegistry.class, () -> observations.registry)
                .withBean(CallObserver.class, () -> own)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(ObservationCallObserver.class);
                    context.getBean(CodeSparClient.class).consumers().whoami();

                    assertThat(seen).containsExactly(new CallStart("GET", "/v1/whoami", false));
                    assertThat(observations.stopped).isEmpty();
                });
    }

    @Test
    void withoutAnObservationRegistryNothingIsObserved(FakeCodeSpar fake) {
        Contexts.against(fake).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(CallObserver.class);
        });
    }

    private static Map<String, String> low(Observation.Context context) {
        return asMap(context.getLowCardinalityKeyValues());
    }

    private static Map<String, String> high(Observation.Context context) {
        return asMap(context.getHighCardinalityKeyValues());
    }

    private static Map<String, String> asMap(Iterable<KeyValue> values) {
        Map<String, String> map = new TreeMap<>();
        values.forEach(kv -> map.put(kv.getKey(), kv.getValue()));
        return map;
    }

    private static void assertNoKey(FakeCodeSpar fake, List<Observation.Context> contexts) {
        for (Observation.Context context : contexts) {
            assertThat(context.getContextualName()).doesNotContain(fake.apiKey());
            assertThat(low(context).toString() + high(context)).doesNotContain(fake.apiKey()).doesNotContain("csk_");
        }
    }
}
