package dev.codespar.spring.boot;

import dev.codespar.spring.boot.health.CodeSparBoot3HealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.ApplicationContext;

/** What the shared tests need from Spring Boot 3's own types; the starter's src/test/boot4 has the Boot 4 twin. */
final class BootLine {

    static final String VERSION_PREFIX = "3.5.";

    static final Class<?> INDICATOR = CodeSparBoot3HealthIndicator.class;

    private BootLine() {}

    static HealthView health(ApplicationContext context) {
        Health health = context.getBean("codesparHealthIndicator", HealthIndicator.class).health();
        return new HealthView(health.getStatus().getCode(), health.getDetails());
    }
}
