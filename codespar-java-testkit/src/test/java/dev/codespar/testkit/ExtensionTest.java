package dev.codespar.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.errors.ApiError;
import dev.codespar.errors.NeedsConnectionError;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The JUnit 5 extension, exercised by running sample test classes on the JUnit Platform. */
class ExtensionTest {

    static final List<FakeCodeSpar> SEEN = new CopyOnWriteArrayList<>();
    static final List<CodeSparClient> CLIENTS = new CopyOnWriteArrayList<>();
    static final List<Socket> IDLE = new CopyOnWriteArrayList<>();

    @BeforeEach
    void clear() {
        SEEN.clear();
        CLIENTS.clear();
        IDLE.clear();
    }

    private static Events run(Class<?> sample) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute().testEvents();
    }

    @Test
    void injectsOneFakePerClassResetsItBetweenTestsAndClosesItAfter() {
        Events events = run(Annotated.class);

        events.assertStatistics(s -> s.started(2).succeeded(2).failed(0));
        assertThat(SEEN).hasSize(3);
        assertThat(SEEN).allMatch(f -> f == SEEN.get(0));
        assertThat(CLIENTS).hasSize(2).allMatch(c -> c == CLIENTS.get(0));
        assertThat(CLIENTS.get(0).getBaseUrl()).isEqualTo(SEEN.get(0).baseUrl());
        // the fake closed after the class: the connection the sample left open was closed by the fake
        Socket idle = IDLE.get(0);
        try (idle) {
            idle.setSoTimeout(5000);
            assertThat(idle.getInputStream().read()).isEqualTo(-1);
        } catch (java.io.IOException e) {
            throw new AssertionError("the fake did not close its connection", e);
        }
    }

    @Test
    void aRegisteredExtensionUsesItsBuilderAndSettings() {
        Events events = run(Registered.class);

        events.assertStatistics(s -> s.started(2).succeeded(2).failed(0));
    }

    @Test
    void failuresInsideTheSampleAreReported() {
        run(Failing.class).assertStatistics(s -> s.started(1).failed(1));
    }

    /** Sample: the annotation, constructor and method injection, reset between tests. */
    @CodeSparFake
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Annotated {
        private final FakeCodeSpar fromConstructor;

        Annotated(FakeCodeSpar fake) {
            this.fromConstructor = fake;
            SEEN.add(fake);
        }

        @Test
        @Order(1)
        void first(CodeSparClient client, FakeCodeSpar fake, RequestJournal journal) {
            CLIENTS.add(client);
            assertThat(fake).isSameAs(fromConstructor);
            assertThat(journal).isSameAs(fake.journal());
            client.create("user_1", SessionConfig.builder().servers("asaas").build());
            try {
                IDLE.add(new Socket("127.0.0.1", fake.port()));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            fake.failNext("internal_error");
            assertThat(journal.size()).isEqualTo(1);
        }

        @Test
        @Order(2)
        void second(CodeSparClient client, FakeCodeSpar fake) {
            CLIENTS.add(client);
            SEEN.add(fake);
            assertThat(fake.journal().size()).isZero();
            assertThat(fake.sessions()).isEmpty();
            Session session = client.create("user_1", SessionConfig.builder().servers("asaas").build());
            assertThat(session.getId()).startsWith("ses_");
        }
    }

    /** Sample: a customised fake, no reset, no retries. */
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Registered {
        @RegisterExtension
        static final FakeCodeSparExtension CODESPAR = new FakeCodeSparExtension(
                FakeCodeSpar.builder().requireConnection("melhor-envio"), false, 0);

        @Test
        @Order(1)
        void connectionIsRequired(CodeSparClient client) {
            Session session = client.create("user_1", SessionConfig.builder().servers("melhor-envio").build());
            assertThatThrownBy(() -> session.execute("codespar_ship", Map.of()))
                    .isInstanceOf(NeedsConnectionError.class);
        }

        @Test
        @Order(2)
        void stateSurvivesAndRetriesAreOff(CodeSparClient client, FakeCodeSpar fake) {
            assertThat(fake.sessions()).hasSize(1);
            fake.failNext("rate_limited");
            ApiError e = null;
            try {
                client.create("user_1", SessionConfig.builder().servers("asaas").build());
            } catch (ApiError thrown) {
                e = thrown;
            }
            assertThat(e).isNotNull();
            assertThat(e.getAttempts()).isEqualTo(1);
        }
    }

    /** Sample: a failing assertion inside a test using the fake. */
    @CodeSparFake
    static class Failing {
        @Test
        void fails(FakeCodeSpar fake) {
            fake.journal().assertExecutedOnce("codespar_pay");
        }
    }
}
