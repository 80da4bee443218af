/**
 * Test the code that uses the CodeSpar Java SDK without the network: {@link dev.codespar.testkit.FakeCodeSpar}, an
 * in-JVM fake of the CodeSpar API with test-mode mocks, canned answers, injected errors and transport faults, and a
 * request journal; {@link dev.codespar.testkit.CodeSparFake}, its JUnit 5 extension.
 *
 * <pre>{@code
 * @CodeSparFake
 * class PaymentsTest {
 *     @Test
 *     void paysOnce(CodeSparClient client, FakeCodeSpar fake) {
 *         Session session = client.create("user_1", SessionConfig.builder().servers("asaas").build());
 *         session.execute("codespar_pay", Map.of("amount", 1000, "currency", "BRL", "method", "pix"));
 *         fake.journal().assertExecutedOnce("codespar_pay");
 *     }
 * }
 * }</pre>
 */
package dev.codespar.testkit;
