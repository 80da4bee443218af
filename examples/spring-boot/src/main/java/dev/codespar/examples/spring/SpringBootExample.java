package dev.codespar.examples.spring;

import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.ToolResult;
import dev.codespar.errors.ApiError;
import dev.codespar.spring.boot.observation.ObservationCallObserver;
import dev.codespar.testkit.FakeCodeSpar;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A Spring Boot application with {@code codespar-spring-boot-starter} and the actuator: the starter builds the
 * {@link CodeSparClient} bean from {@code codespar.*}, the application opens a session and pays R$ 10,00 by Pix, then
 * prints the {@code codespar} health and the {@value ObservationCallObserver#NAME} timers Micrometer recorded. Without
 * {@code CODESPAR_API_KEY} it runs against the embedded {@link FakeCodeSpar}, whose address it sets as
 * {@code codespar.base-url}.
 *
 * <pre>
 * mvn -B -q -DskipTests -Pexample -pl examples/spring-boot -am package
 * </pre>
 */
@SpringBootApplication
public class SpringBootExample {

    static final Map<String, Object> PIX = Map.of("action", "pay", "amount", 1000, "currency", "BRL",
            "method", "pix", "description", "Order 42", "recipient", "ana@example.com");

    /**
     * Runs the application once and exits non-zero when the payment did not go through.
     *
     * @param args Spring Boot arguments ({@code --codespar.project-id=...})
     */
    public static void main(String[] args) {
        String key = System.getenv("CODESPAR_API_KEY");
        int status;
        if (key == null || key.isBlank()) {
            try (FakeCodeSpar fake = FakeCodeSpar.start()) {
                System.out.println("CODESPAR_API_KEY is not set: running against the embedded fake at "
                        + fake.baseUrl());
                status = run(Map.of("codespar.api-key", fake.apiKey(), "codespar.base-url", fake.baseUrl()), args,
                        System.out);
            }
        } else {
            // Spring reads CODESPAR_API_KEY (and CODESPAR_BASE_URL, ...) from the environment itself
            status = run(Map.of(), args, System.out);
        }
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Starts the application, pays, prints the health and the observations, and stops it.
     *
     * @param overrides properties that win over every other source (the fake's key and address, or none)
     * @param args Spring Boot arguments
     * @param out where the transcript goes
     * @return 0 when the payment succeeded, else 1
     */
    static int run(Map<String, Object> overrides, String[] args, PrintStream out) {
        SpringApplication application = new SpringApplication(SpringBootExample.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        // first, over the environment: a blank CODESPAR_API_KEY (unset, to the SDK) must not hide the fake's key
        application.addInitializers(context -> context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("codespar-example", overrides)));
        try (ConfigurableApplicationContext context = application.run(args)) {
            return payAndReport(context, out);
        } catch (ApiError e) {
            // the SDK's message names the code, the status and the request id, never the key
            out.println("FAILED: " + e.getMessage());
            out.println("request id: " + e.getRequestId());
            return 1;
        }
    }

    private static int payAndReport(ConfigurableApplicationContext context, PrintStream out) {
        CodeSparClient client = context.getBean(CodeSparClient.class);
        out.println("client     " + client);
        ToolResult paid;
        try (Session session = client.create("user_42", SessionConfig.builder().servers("asaas").build())) {
            out.println("session    " + session.getId() + " " + session.getServers());
            paid = session.execute("codespar_pay", PIX);
            out.println("pay        success=" + paid.success() + " data=" + paid.data());
        }

        Health health = context.getBean("codesparHealthIndicator", HealthIndicator.class).health();
        Map<String, Object> details = new LinkedHashMap<>(health.getDetails());
        out.println("health     " + health.getStatus().getCode() + " " + details);

        out.println("observations (" + ObservationCallObserver.NAME + ")");
        context.getBean(MeterRegistry.class).find(ObservationCallObserver.NAME).timers().stream()
                .sorted(Comparator.comparing(SpringBootExample::tags))
                .forEach(timer -> out.println("  " + tags(timer) + " count=" + timer.count()));
        if (!paid.success() || !"UP".equals(health.getStatus().getCode())) {
            out.println("FAILED: the payment or the health check did not succeed");
            return 1;
        }
        out.println("OK");
        return 0;
    }

    private static String tags(Timer timer) {
        Timer.Id id = timer.getId();
        return id.getTag("method") + " " + id.getTag("uri") + " status=" + id.getTag("status") + " outcome="
                + id.getTag("outcome") + " error=" + id.getTag("error");
    }
}
