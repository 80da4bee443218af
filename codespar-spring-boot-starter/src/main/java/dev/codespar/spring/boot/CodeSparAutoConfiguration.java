package dev.codespar.spring.boot;

import dev.codespar.CodeSparClient;
import dev.codespar.errors.ConfigError;
import dev.codespar.telemetry.CallObserver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Creates one {@link CodeSparClient} from {@link CodeSparProperties}, unless the application defines its own
 * {@code CodeSparClient} bean. The client is closed with the application context. Without {@code codespar.api-key}
 * (or {@code CODESPAR_API_KEY}) the context does not start: the failure is a {@link ConfigError} naming the property.
 * An application that has the starter but must run without a key excludes this class
 * ({@code spring.autoconfigure.exclude=dev.codespar.spring.boot.CodeSparAutoConfiguration}).
 *
 * <p>A unique {@link CallObserver} bean (the starter's Micrometer one, or the application's) is given to the builder,
 * then every {@link CodeSparClientCustomizer} bean.
 */
@AutoConfiguration
@EnableConfigurationProperties(CodeSparProperties.class)
public class CodeSparAutoConfiguration {

    /** Created by Spring. */
    public CodeSparAutoConfiguration() {}

    /**
     * The client.
     *
     * @param properties the {@code codespar.*} settings
     * @param observer the call observer, when exactly one is defined
     * @param customizers the builder customizers
     * @return the client, closed with the context
     * @throws ConfigError when the key is missing or a setting is wrong (the SDK's message, never the key)
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public CodeSparClient codeSparClient(CodeSparProperties properties, ObjectProvider<CallObserver> observer,
            ObjectProvider<CodeSparClientCustomizer> customizers) {
        if (!properties.hasApiKey()) {
            // the builder would read CODESPAR_API_KEY itself, but Spring's environment has already looked there
            throw new ConfigError("codespar.api-key is not set: set it in application.properties"
                    + " (codespar.api-key=csk_...) or the CODESPAR_API_KEY environment variable; to start without"
                    + " CodeSpar exclude " + CodeSparAutoConfiguration.class.getName());
        }
        CodeSparClient.Builder builder = CodeSparClient.builder().apiKey(properties.apiKey());
        // blank counts as unset, as in the SDK's own reading of CODESPAR_*: a deployment that exports an empty
        // CODESPAR_PROJECT_ID means the default project, not an invalid one
        if (isSet(properties.baseUrl())) {
            builder.baseUrl(properties.baseUrl());
        }
        if (isSet(properties.projectId())) {
            builder.projectId(properties.projectId());
        }
        if (properties.maxRetries() != null) {
            builder.maxRetries(properties.maxRetries());
        }
        if (properties.timeout() != null) {
            builder.timeout(properties.timeout());
        }
        observer.ifUnique(builder::callObserver);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
