package dev.codespar.spring.boot.health;

import dev.codespar.CodeSparClient;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code codespar} health indicator on Spring Boot 4: {@code UP} when {@code GET /v1/whoami} answers the client's
 * key (details: {@code baseUrl}, {@code organization}, {@code project}, {@code keyEnvironment}), else {@code DOWN}
 * with {@code error} (the code), {@code status}, {@code requestId} and {@code message}. One attempt, 10 s at most;
 * the key never appears.
 */
public final class CodeSparHealthIndicator implements HealthIndicator {

    private final CodeSparClient client;

    /**
     * An indicator probing a client.
     *
     * @param client the client to probe
     */
    public CodeSparHealthIndicator(CodeSparClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public Health health() {
        HealthProbe.Report report = HealthProbe.check(client);
        return (report.up() ? Health.up() : Health.down()).withDetails(report.details()).build();
    }
}
