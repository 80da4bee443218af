/**
 * Test the code that uses CodeSpar without the network: {@link dev.codespar.testkit.FakeCodeSpar}, a fake of the
 * CodeSpar API with test-mode mocks, the fourteen meta-tools, the management and consumer surfaces, canned answers,
 * injected errors and transport faults, and a request journal; {@link dev.codespar.testkit.CodeSparFake}, its JUnit 5
 * extension; {@link dev.codespar.testkit.Dialect}, to make it speak like the hosted API or the open-source runtime;
 * {@link dev.codespar.testkit.FakeCodeSparMain}, the same fake as a process for other languages.
 *
 * <pre>{@code
 * @CodeSparFake
 * class PaymentsTest {
 *     @Test
 *     void paysOnce(CodeSparClient client, FakeCodeSpar fake) {
 *         Session session = client.create("user_1", SessionConfig.builder().servers("asaas").build());
 *         session.execute("codespar_pay", Map.of("action", "pay", "amount", 1000, "currency", "BRL",
 *                 "description", "Order 42", "recipient", "ana@example.com"));
 *         fake.journal().assertExecutedOnce("codespar_pay");
 *     }
 * }
 * }</pre>
 *
 * <p>Everything under {@code dev.codespar.testkit.internal} is the fake's machinery, not API: it may change in any
 * release.
 */
package dev.codespar.testkit;
