package dev.codespar.spring.boot;

import dev.codespar.CodeSparClient;

/**
 * Changes the builder of the auto-configured client after the {@code codespar.*} properties were applied, for the
 * settings that have no property (a retry policy, an {@code OkHttpClient}, stream idle timeouts). Every customizer
 * bean is applied, in {@link org.springframework.core.annotation.Order} order.
 *
 * <pre>{@code
 * @Bean
 * CodeSparClientCustomizer patientRetries() {
 *     return builder -> builder.retryOnInternalError(true).maxRetryWait(Duration.ofSeconds(10));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface CodeSparClientCustomizer {

    /**
     * Changes the builder.
     *
     * @param builder the builder, with the properties already applied
     */
    void customize(CodeSparClient.Builder builder);
}
