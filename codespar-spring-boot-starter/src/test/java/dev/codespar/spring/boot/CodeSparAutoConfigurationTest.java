package dev.codespar.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.codespar.CodeSparClient;
import dev.codespar.errors.ApiError;
import dev.codespar.errors.ConfigError;
import dev.codespar.errors.ServiceUnavailableError;
import dev.codespar.errors.TimeoutError;
import dev.codespar.testkit.Fault;
import dev.codespar.testkit.CodeSparFake;
import dev.codespar.testkit.FakeCodeSpar;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;

/** The client bean: its properties, the application's own bean, its close, and a missing key. */
@CodeSparFake
class CodeSparAutoConfigurationTest {

    private static final String PROJECT = "prj_0123456789abcdef";


    @Test
    void runsOnTheBootLineOfItsModule() {
        assertThat(SpringBootVersion.getVersion()).startsWith(BootLine.VERSION_PREFIX);
    }

    @Test
    void bindsEveryPropertyAndBuildsTheClientFromThem(FakeCodeSpar fake) {
        Contexts.starter()
                .withPropertyValues("codespar.api-key=" + fake.apiKey(), "codespar.base-url=" + fake.baseUrl() + "/",
                        "codespar.project-id=" + PROJECT, "codespar.max-retries=0", "codespar.timeout=7")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(CodeSparClient.class);
                    CodeSparProperties properties = context.getBean(CodeSparProperties.class);
                    assertThat(properties).isEqualTo(new CodeSparProperties(fake.apiKey(), fake.baseUrl() + "/",
                            PROJECT, 0, Duration.ofSeconds(7)));
                    CodeSparClient client = context.getBean(CodeSparClient.class);
                    assertThat(client.getBaseUrl()).isEqualTo(fake.baseUrl());
                    assertThat(client.getProjectId()).isEqualTo(PROJECT);

                    fake.failNext("service_unavailable").onPath("/v1/whoami");
                    ServiceUnavailableError e = catchThrowableOfType(ServiceUnavailableError.class,
                            () -> client.consumers().whoami());
                    // max-retries=0: one request, not the default three
                    assertThat(e.getAttempts()).isEqualTo(1);
                    assertThat(fake.journal().calls("GET", "/v1/whoami")).hasSize(1)
                            .allSatisfy(call -> assertThat(call.header("x-codespar-project")).isEqualTo(PROJECT));
                });
    }

    @Test
    void bindsTheEnvironmentVariablesADeploymentSets(FakeCodeSpar fake) {
        Map<String, Object> variables = Map.of("CODESPAR_API_KEY", fake.apiKey(), "CODESPAR_BASE_URL",
                fake.baseUrl(), "CODESPAR_PROJECT_ID", PROJECT, "CODESPAR_MAX_RETRIES", "1", "CODESPAR_TIMEOUT", "1");
        Contexts.withEnvironment(variables)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(CodeSparProperties.class)).isEqualTo(new CodeSparProperties(
                            fake.apiKey(), fake.baseUrl(), PROJECT, 1, Duration.ofSeconds(1)));
                    CodeSparClient client = context.getBean(CodeSparClient.class);

                    // CODESPAR_TIMEOUT=1 is one second per attempt, CODESPAR_MAX_RETRIES=1 one retry of a GET
                    fake.injectNext(Fault.STALL).onPath("/v1/whoami");
                    fake.injectNext(Fault.STALL).onPath("/v1/whoami");
                    TimeoutError e = catchThrowableOfType(TimeoutError.class, () -> client.consumers().whoami());
                    assertThat(e.getAttempts()).isEqualTo(2);
                    assertThat(fake.journal().calls("GET", "/v1/whoami")).hasSize(2);
                });
    }

    @Test
    void blankVariablesCountAsUnset(FakeCodeSpar fake) {
        Map<String, Object> variables = Map.of("CODESPAR_API_KEY", fake.apiKey(), "CODESPAR_BASE_URL",
                fake.baseUrl(), "CODESPAR_PROJECT_ID", "", "CODESPAR_MAX_RETRIES", "", "CODESPAR_TIMEOUT", "");
        Contexts.withEnvironment(variables)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    CodeSparClient client = context.getBean(CodeSparClient.class);
                    assertThat(client.getProjectId()).isNull();

                    // the default two retries: three requests
                    fake.failTimes(3, "service_unavailable").onPath("/v1/whoami");
                    catchThrowableOfType(ServiceUnavailableError.class, () -> client.consumers().whoami());
                    assertThat(fake.journal().calls("GET", "/v1/whoami")).hasSize(3)
                            .allSatisfy(call -> assertThat(call.header("x-codespar-project")).isNull());
                });
    }

    @Test
    void theApplicationsOwnClientWins(FakeCodeSpar fake) {
        CodeSparClient own = fake.client();
        Contexts.starter()
                .withBean(CodeSparClient.class, () -> own)
                .run(context -> {
                    // no codespar.api-key is set: the starter built nothing and did not fail
                    assertThat(context).hasNotFailed().hasSingleBean(CodeSparClient.class);
                    assertThat(context.getBean(CodeSparClient.class)).isSameAs(own);
                });
    }

    @Test
    void theClientIsClosedWithTheContext(FakeCodeSpar fake) {
        CodeSparClient[] client = new CodeSparClient[1];
        Contexts.against(fake).run(context -> {
            client[0] = context.getBean(CodeSparClient.class);
            client[0].consumers().whoami();
        });
        int requests = fake.journal().size();

        ApiError e = catchThrowableOfType(ApiError.class, () -> client[0].consumers().whoami());

        assertThat(e.getCode()).isEqualTo("client_closed");
        assertThat(fake.journal().size()).isEqualTo(requests);
    }

    @Test
    void withoutAKeyTheContextFailsNamingTheProperty(FakeCodeSpar fake) {
        Contexts.starter().withPropertyValues("codespar.base-url=" + fake.baseUrl()).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ConfigError.class)
                    .hasMessageStartingWith("codespar.api-key is not set")
                    .hasMessageContaining("CODESPAR_API_KEY")
                    .hasMessageContaining(CodeSparAutoConfiguration.class.getName());
        });
        assertThat(fake.journal().size()).isZero();
    }

    @Test
    void aWrongSettingFailsWithTheSdksMessageAndNeverTheKey(FakeCodeSpar fake) {
        Contexts.against(fake).withPropertyValues("codespar.project-id=project-1").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ConfigError.class)
                    .hasMessageStartingWith("projectId must look like prj_");
            assertThat(context.getStartupFailure()).hasStackTraceContaining("projectId")
                    .satisfies(failure -> assertThat(stackTrace(failure)).doesNotContain(fake.apiKey()));
        });
    }

    @Test
    void thePropertiesNeverPrintTheKey(FakeCodeSpar fake) {
        CodeSparProperties properties = new CodeSparProperties("csk_test_secret0123456789", fake.baseUrl(), null, 2,
                null);

        assertThat(properties.toString()).doesNotContain("csk_test_secret0123456789")
                .isEqualTo("CodeSparProperties{apiKey=[redacted], baseUrl=" + fake.baseUrl()
                        + ", projectId=null, maxRetries=2, timeout=null}");
        assertThat(new CodeSparProperties(" ", null, null, null, null).toString())
                .startsWith("CodeSparProperties{apiKey=[not set],");
    }

    @Test
    void customizersRunAfterTheProperties(FakeCodeSpar fake) {
        Contexts.against(fake)
                .withPropertyValues("codespar.max-retries=2")
                .withBean(CodeSparClientCustomizer.class, () -> builder -> builder.maxRetries(0))
                .run(context -> {
                    fake.failNext("service_unavailable").onPath("/v1/whoami");
                    CodeSparClient client = context.getBean(CodeSparClient.class);

                    catchThrowableOfType(ServiceUnavailableError.class, () -> client.consumers().whoami());

                    assertThat(fake.journal().calls("GET", "/v1/whoami")).hasSize(1);
                });
    }

    private static String stackTrace(Throwable failure) {
        java.io.StringWriter out = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
