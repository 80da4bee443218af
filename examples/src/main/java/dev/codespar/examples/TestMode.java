package dev.codespar.examples;

import dev.codespar.Session;
import dev.codespar.ToolResult;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the examples need from a test-mode server: the mocks their flows call, and the way round a server that does
 * not register the platform's meta-tools. A test-mode server answers a tool only from the mock its session declared
 * under the tool's name; the open-source runtime answers a bare meta-tool ({@code codespar_pay}) with
 * {@code Tool not registered} and mocks only {@code server/tool} calls, so there the examples make the same payment
 * through the provider's own tool, {@code asaas/create_payment}, answered from its mock.
 */
final class TestMode {

    /** The provider tool a payment falls back to where the meta-tools are not registered. */
    static final String PIX_TOOL = "asaas/create_payment";

    /** Its input: an Asaas Pix charge of R$ 10.00. */
    static final Map<String, Object> PIX_INPUT = Map.of("customer", "cus_1", "billingType", "PIX", "value", 10,
            "description", "Order 42");

    /** The Pix "copia e cola" code the mocked charges carry. */
    static final String PIX_CODE = "00020126580014br.gov.bcb.pix0136ana@example.com520400005303986540510.00";

    /** The prefix of the error a server answers for a tool it does not have. */
    static final String NOT_REGISTERED = "Tool not registered";

    private static final Map<String, Map<String, Object>> MOCKS = Map.of(
            "codespar_pay", Map.of("id", "pay_test_42", "status", "pending", "amount", 1000, "currency", "BRL",
                    "method", "pix"),
            "codespar_charge", Map.of("id", "ch_test_42", "status", "pending", "amount", new BigDecimal("10.00"),
                    "currency", "BRL", "method", "pix", "pix_copy_paste", PIX_CODE),
            PIX_TOOL, Map.of("id", "pay_test_42", "status", "PENDING", "billingType", "PIX", "value", 10,
                    "pixCopyPaste", PIX_CODE));

    private TestMode() {}

    /**
     * The session mocks for some tools, in the order given (the create body keeps it).
     *
     * @param tools tool names this class has a mock for
     * @return the mocks
     */
    static Map<String, Object> mocks(String... tools) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String tool : tools) {
            Map<String, Object> mock = MOCKS.get(tool);
            if (mock == null) {
                throw new IllegalArgumentException("no example mock for " + tool);
            }
            out.put(tool, mock);
        }
        return out;
    }

    /**
     * Whether a failed result says the server has no such tool (as opposed to a tool that ran and refused).
     *
     * @param result the result
     * @return {@code true} for {@code Tool not registered}
     */
    static boolean notRegistered(ToolResult result) {
        return !result.success() && result.error() != null && result.error().startsWith(NOT_REGISTERED);
    }

    /**
     * Says that the server does not have {@code metaTool} and that the payment goes through {@link #PIX_TOOL}.
     *
     * @param refused the meta-tool's answer
     * @param metaTool the meta-tool the server does not register
     * @param out where to explain
     */
    static void explainMissing(ToolResult refused, String metaTool, PrintStream out) {
        out.println("   the server answered \"" + refused.error() + "\" (server " + refused.server() + "): it does not"
                + " register the meta-tool " + metaTool + ", and in test mode it answers only mocked server/tool"
                + " calls; paying through " + PIX_TOOL + " from the session's mock");
    }

    /**
     * Makes the Pix payment through {@link #PIX_TOOL} after the server said it has no {@code metaTool}, saying so.
     *
     * @param session the session, created with {@link #mocks(String...)} of {@link #PIX_TOOL}
     * @param refused the meta-tool's answer
     * @param metaTool the meta-tool the server does not register
     * @param out where to explain
     * @return the provider tool's answer
     */
    static ToolResult payThroughProvider(Session session, ToolResult refused, String metaTool, PrintStream out) {
        explainMissing(refused, metaTool, out);
        return session.execute(PIX_TOOL, PIX_INPUT);
    }

    /**
     * A note for an answer served from a mock.
     *
     * @param result the answer
     * @return {@code " (answered from the session's mock)"}, or nothing for an answer the server computed
     */
    static String mockNote(ToolResult result) {
        return "mock".equals(result.server()) ? " (answered from the session's mock)" : "";
    }
}
