package dev.codespar.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a {@link FakeCodeSpar} for a JUnit 5 test class and injects it, a {@link dev.codespar.CodeSparClient} wired
 * to it, and its {@link RequestJournal} into constructors, test methods and lifecycle methods.
 *
 * <pre>{@code
 * @CodeSparFake
 * class CheckoutTest {
 *     @Test
 *     void retriesARateLimitedPayment(CodeSparClient client, FakeCodeSpar fake) {
 *         fake.failNext("rate_limited").onTool("codespar_pay").retryAfter(Duration.ZERO);
 *         new Checkout(client).pay("user_1", 1000);
 *         fake.journal().assertExecutedTimes("codespar_pay", 2);
 *     }
 * }
 * }</pre>
 *
 * <p>One fake (and one client) per test class, started lazily and stopped after the class. Unless
 * {@link #resetBetweenTests()} is {@code false}, the fake is {@link FakeCodeSpar#reset() reset} before each test,
 * before {@code @BeforeEach} methods run: program it in the test or in {@code @BeforeEach}. To build the fake with
 * custom settings, register {@link FakeCodeSparExtension} with {@code @RegisterExtension} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FakeCodeSparExtension.class)
public @interface CodeSparFake {

    /**
     * Whether to reset the fake (sessions, stubs, injections, journal) before each test.
     *
     * @return {@code true} by default
     */
    boolean resetBetweenTests() default true;

    /**
     * The {@code maxRetries} of the injected client.
     *
     * @return 2 by default, as the SDK
     */
    int maxRetries() default 2;
}
