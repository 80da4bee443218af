package dev.codespar.spring.boot.health;

import dev.codespar.CodeSparClient;
import java.util.Objects;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The {@code codespar} health indicator on Spring Boot 3, whose health API is
 * {@code org.springframework.boot.actuate.health}: the same probe and details as {@link CodeSparHealthIndicator}.
 */
public final class CodeSparBoot3HealthIndicator implements HealthIndicator {

    private final CodeSparClient client;

    /**
     * An indicator probing a client.
     *
     * @param client the client to probe
     */
    public CodeSparBoot3HealthIndicator(CodeSparClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public Health health() {
        HealthProbe.Report report = HealthProbe.check(client);
        return (report.up() ? Health.up() : Health.down()).withDetails(report.details()).build();
    }
}
