package dev.codespar.spring.boot;

import dev.codespar.spring.boot.health.CodeSparHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationContext;

/** What the shared tests need from Spring Boot 4's own types; the Boot 3.5 module has its own twin. */
final class BootLine {

    static final String VERSION_PREFIX = "4.0.";

    static final Class<?> INDICATOR = CodeSparHealthIndicator.class;

    private BootLine() {}

    static HealthView health(ApplicationContext context) {
        Health health = context.getBean("codesparHealthIndicator", HealthIndicator.class).health();
        return new HealthView(health.getStatus().getCode(), health.getDetails());
    }
}
