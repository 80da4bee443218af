package dev.codespar.spring.boot.observation;

import dev.codespar.spring.boot.CodeSparAutoConfiguration;
import dev.codespar.telemetry.CallObserver;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Gives the auto-configured client an {@link ObservationCallObserver} when the application has an
 * {@link ObservationRegistry} bean (Spring Boot creates one with {@code spring-boot-starter-actuator}). An application
 * {@link CallObserver} bean replaces it.
 */
@AutoConfiguration(before = CodeSparAutoConfiguration.class, afterName = {
        // Boot 4, then Boot 3: where the ObservationRegistry bean comes from
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration"})
@ConditionalOnClass(ObservationRegistry.class)
public class CodeSparObservationAutoConfiguration {

    /** Created by Spring. */
    public CodeSparObservationAutoConfiguration() {}

    /**
     * The observer.
     *
     * @param registry the application's observation registry
     * @return an observer recording every call into it
     */
    @Bean
    @ConditionalOnBean(ObservationRegistry.class)
    @ConditionalOnMissingBean(CallObserver.class)
    public ObservationCallObserver codeSparCallObserver(ObservationRegistry registry) {
        return new ObservationCallObserver(registry);
    }
}
