package dev.codespar.testkit;

import dev.codespar.CodeSparClient;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link CodeSparFake}: one {@link FakeCodeSpar} and one {@link CodeSparClient} per test
 * class, injected as parameters of type {@link FakeCodeSpar}, {@link CodeSparClient} or {@link RequestJournal}, and
 * closed after the class.
 *
 * <p>Register it yourself to customise the fake:
 *
 * <pre>{@code
 * class ConnectionFlowTest {
 *     @RegisterExtension
 *     static final FakeCodeSparExtension CODESPAR = new FakeCodeSparExtension(
 *             FakeCodeSpar.builder().requireConnection("melhor-envio").heartbeatInterval(Duration.ofMillis(50)));
 *
 *     @Test
 *     void asksTheUserToConnect(CodeSparClient client) { ... }
 * }
 * }</pre>
 */
public final class FakeCodeSparExtension implements BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FakeCodeSparExtension.class);

    private final FakeCodeSparBuilder builder;
    private final Boolean reset;
    private final Integer maxRetries;

    /** The extension with the default fake; {@link CodeSparFake} uses this one. */
    public FakeCodeSparExtension() {
        this.builder = null;
        this.reset = null;
        this.maxRetries = null;
    }

    /**
     * The extension with a customised fake; it is reset before each test.
     *
     * @param builder the settings of the fake (started once per test class)
     */
    public FakeCodeSparExtension(FakeCodeSparBuilder builder) {
        this(builder, true, 2);
    }

    /**
     * The extension with a customised fake and client.
     *
     * @param builder the settings of the fake
     * @param resetBetweenTests whether to reset the fake before each test
     * @param maxRetries the {@code maxRetries} of the injected client
     */
    public FakeCodeSparExtension(FakeCodeSparBuilder builder, boolean resetBetweenTests, int maxRetries) {
        this.builder = Objects.requireNonNull(builder, "builder");
        this.reset = resetBetweenTests;
        this.maxRetries = maxRetries;
    }

    /**
     * The fake of the test class running in this context, started if needed.
     *
     * @param context any context of the test class
     * @return the fake
     */
    public FakeCodeSpar fake(ExtensionContext context) {
        return resources(context).fake;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (resetBetweenTests(context)) {
            resources(context).fake.reset();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == FakeCodeSpar.class || type == CodeSparClient.class || type == RequestJournal.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Resources r = resources(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == FakeCodeSpar.class) {
            return r.fake;
        }
        if (type == CodeSparClient.class) {
            return r.client;
        }
        if (type == RequestJournal.class) {
            return r.fake.journal();
        }
        throw new ParameterResolutionException("FakeCodeSparExtension cannot resolve " + type);
    }

    /** The resources of the class: stored on the class-level context, so they close when the class is done. */
    private Resources resources(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(Resources.class,
                key -> start(classContext), Resources.class);
    }

    private Resources start(ExtensionContext classContext) {
        FakeCodeSpar fake = (builder != null ? builder : FakeCodeSpar.builder()).start();
        try {
            CodeSparClient client = fake.clientBuilder().maxRetries(maxRetries(classContext)).build();
            return new Resources(fake, client);
        } catch (RuntimeException e) {
            fake.close();
            throw e;
        }
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    private boolean resetBetweenTests(ExtensionContext context) {
        if (reset != null) {
            return reset;
        }
        return annotation(context).map(CodeSparFake::resetBetweenTests).orElse(true);
    }

    private int maxRetries(ExtensionContext context) {
        if (maxRetries != null) {
            return maxRetries;
        }
        return annotation(context).map(CodeSparFake::maxRetries).orElse(2);
    }

    private static Optional<CodeSparFake> annotation(ExtensionContext context) {
        Optional<ExtensionContext> c = Optional.of(context);
        while (c.isPresent()) {
            Optional<Class<?>> type = c.get().getTestClass();
            if (type.isPresent()) {
                Optional<CodeSparFake> found = AnnotationSupport.findAnnotation(type.get(), CodeSparFake.class);
                if (found.isPresent()) {
                    return found;
                }
            }
            c = c.get().getParent();
        }
        return Optional.empty();
    }

    /** The fake and client of one test class; closed by JUnit with the class's store. */
    private static final class Resources implements ExtensionContext.Store.CloseableResource {
        final FakeCodeSpar fake;
        final CodeSparClient client;

        Resources(FakeCodeSpar fake, CodeSparClient client) {
            this.fake = fake;
            this.client = client;
        }

        @Override
        public void close() {
            try {
                client.close();
            } finally {
                fake.close();
            }
        }
    }
}
