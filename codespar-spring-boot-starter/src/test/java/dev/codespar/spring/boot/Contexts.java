package dev.codespar.spring.boot;

import dev.codespar.testkit.FakeCodeSpar;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Application contexts as an application gets them: the starter's auto-configurations, read from its imports file. */
final class Contexts {

    private Contexts() {}

    static ApplicationContextRunner starter() {
        List<Class<?>> ours = ImportCandidates.load(AutoConfiguration.class, Contexts.class.getClassLoader())
                .getCandidates().stream()
                .filter(name -> name.startsWith("dev.codespar."))
                .<Class<?>>map(Contexts::load)
                .toList();
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ours.toArray(Class<?>[]::new)));
    }

    static ApplicationContextRunner against(FakeCodeSpar fake) {
        return starter().withPropertyValues("codespar.api-key=" + fake.apiKey(), "codespar.base-url=" + fake.baseUrl());
    }

    /** The starter with these environment variables in place of the process's, read the way Spring reads them. */
    static ApplicationContextRunner withEnvironment(Map<String, Object> variables) {
        String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        return starter().withInitializer(context -> context.getEnvironment().getPropertySources()
                .replace(name, new SystemEnvironmentPropertySource(name, variables)));
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An observation registry that keeps every stopped observation's context. */
    static final class RecordingRegistry {

        final ObservationRegistry registry = ObservationRegistry.create();
        final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

        RecordingRegistry() {
            registry.observationConfig().observationHandler(new ObservationHandler<>() {
                @Override
                public boolean supportsContext(Observation.Context context) {
                    return true;
                }

                @Override
                public void onStop(Observation.Context context) {
                    stopped.add(context);
                }
            });
        }
    }
}
