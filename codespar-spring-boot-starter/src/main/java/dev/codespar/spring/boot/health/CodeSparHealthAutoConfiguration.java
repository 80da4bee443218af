package dev.codespar.spring.boot.health;

import dev.codespar.CodeSparClient;
import dev.codespar.spring.boot.CodeSparAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the {@code codespar} health indicator for the client bean when the application has Spring Boot's health
 * support: {@link CodeSparHealthIndicator} on Boot 4 ({@code spring-boot-health}), {@link CodeSparBoot3HealthIndicator}
 * on Boot 3 ({@code spring-boot-actuator}). {@code management.health.codespar.enabled=false} turns it off; a bean
 * named {@code codesparHealthIndicator} replaces it.
 */
@AutoConfiguration(after = CodeSparAutoConfiguration.class)
@ConditionalOnBean(CodeSparClient.class)
public class CodeSparHealthAutoConfiguration {

    private static final String BEAN = "codesparHealthIndicator";

    /** Created by Spring. */
    public CodeSparHealthAutoConfiguration() {}

    /** Boot 4: {@code org.springframework.boot.health.contributor}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    @ConditionalOnEnabledHealthIndicator("codespar")
    static class Boot4 {

        @Bean(BEAN)
        @ConditionalOnMissingBean(name = BEAN)
        CodeSparHealthIndicator codesparHealthIndicator(CodeSparClient client) {
            return new CodeSparHealthIndicator(client);
        }
    }

    /** Boot 3: {@code org.springframework.boot.actuate.health}, and Boot 4's package absent. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    @ConditionalOnMissingClass("org.springframework.boot.health.contributor.HealthIndicator")
    @ConditionalOnProperty(prefix = "management.health.codespar", name = "enabled", matchIfMissing = true)
    static class Boot3 {

        @Bean(BEAN)
        @ConditionalOnMissingBean(name = BEAN)
        CodeSparBoot3HealthIndicator codesparHealthIndicator(CodeSparClient client) {
            return new CodeSparBoot3HealthIndicator(client);
        }
    }
}
