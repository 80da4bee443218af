package dev.codespar.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codespar.CodeSparClient;
import dev.codespar.consumers.WhoAmI;
import dev.codespar.spring.boot.health.CodeSparHealthAutoConfiguration;
import dev.codespar.testkit.CodeSparFake;
import dev.codespar.testkit.Fault;
import dev.codespar.testkit.FakeCodeSpar;
import dev.codespar.testkit.RecordedCall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The codespar health indicator: up from one whoami, down with the request id, never the key. */
@CodeSparFake
class CodeSparHealthTest {


    @Test
    void upWhenTheApiAnswersTheKey(FakeCodeSpar fake) {
        Contexts.against(fake).run(context -> {
            assertThat(context).hasSingleBean(BootLine.INDICATOR);

            HealthView health = BootLine.health(context);

            assertThat(fake.journal().all()).extracting(RecordedCall::method, RecordedCall::path)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("GET", "/v1/whoami"));
            WhoAmI me;
            try (CodeSparClient probe = fake.client()) {
                me = probe.consumers().whoami();
            }
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("baseUrl", fake.baseUrl());
            expected.put("organization", me.organizationId());
            expected.put("project", me.projectId());
            expected.put("keyEnvironment", "test");
            assertThat(health.status()).isEqualTo("UP");
            assertThat(health.details()).containsExactlyEntriesOf(expected);
            assertThat(health.details().toString()).doesNotContain(fake.apiKey());
        });
    }

    @Test
    void downWithTheCodeStatusAndRequestIdWhenTheApiRefuses(FakeCodeSpar fake) {
        Contexts.against(fake).run(context -> {
            fake.failNext("service_unavailable").onPath("/v1/whoami");

            HealthView health = BootLine.health(context);

            // one attempt: a health check does not retry (the client's default would have tried three times)
            List<RecordedCall> calls = fake.journal().calls("GET", "/v1/whoami");
            assertThat(calls).hasSize(1);
            String requestId = calls.get(0).requestId();
            assertThat(requestId).isNotBlank();
            assertThat(health.status()).isEqualTo("DOWN");
            assertThat(health.details()).containsEntry("baseUrl", fake.baseUrl())
                    .containsEntry("error", "service_unavailable").containsEntry("status", 503)
                    .containsEntry("requestId", requestId).containsOnlyKeys("baseUrl", "error", "status",
                            "requestId", "message");
            assertThat((String) health.details().get("message")).contains("[request_id=" + requestId + "]");
            assertThat(health.details().toString()).doesNotContain(fake.apiKey()).doesNotContain("csk_");
        });
    }

    @Test
    void downWhenTheKeyIsRefused(FakeCodeSpar fake) {
        Contexts.starter().withPropertyValues("codespar.api-key=csk_test_notAKeyOfThisFake0000",
                "codespar.base-url=" + fake.baseUrl()).run(context -> {
                    HealthView health = BootLine.health(context);

                    assertThat(health.status()).isEqualTo("DOWN");
                    assertThat(health.details()).containsEntry("error", "unauthorized").containsEntry("status", 401)
                            .containsEntry("requestId", fake.journal().last().requestId());
                    assertThat(health.details().toString()).doesNotContain("csk_test_notAKeyOfThisFake0000");
                });
    }

    @Test
    void downWithStatusZeroAndNoRequestIdWhenNoAnswerCame(FakeCodeSpar fake) {
        Contexts.against(fake).run(context -> {
            fake.injectNext(Fault.DISCONNECT_BEFORE_RESPONSE).onPath("/v1/whoami");

            HealthView health = BootLine.health(context);

            assertThat(fake.journal().calls("GET", "/v1/whoami")).hasSize(1);
            assertThat(health.status()).isEqualTo("DOWN");
            assertThat(health.details()).containsEntry("error", "network_error").containsEntry("status", 0)
                    .containsOnlyKeys("baseUrl", "error", "status", "message");
        });
    }

    @Test
    void theApplicationsIndicatorOfThatNameWins(FakeCodeSpar fake) {
        Object own = new Object();
        Contexts.against(fake).withBean("codesparHealthIndicator", Object.class, () -> own).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(BootLine.INDICATOR);
            assertThat(context.getBean("codesparHealthIndicator")).isSameAs(own);
        });
    }

    @Test
    void offWhenDisabled(FakeCodeSpar fake) {
        Contexts.against(fake).withPropertyValues("management.health.codespar.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(BootLine.INDICATOR);
        });
    }

    @Test
    void noIndicatorForAnApplicationWithoutTheClient(FakeCodeSpar fake) {
        // what spring.autoconfigure.exclude of the client's auto-configuration leaves
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CodeSparHealthAutoConfiguration.class))
                .withPropertyValues("codespar.api-key=" + fake.apiKey()).run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(CodeSparClient.class)
                            .doesNotHaveBean(BootLine.INDICATOR);
                });
    }
}
