/**
 * Tool plans: a fixed sequence of tool calls on a session, with conditions and arguments computed from earlier steps,
 * stopping at the first failure by default, reporting each step's result and duration, and resumable from the step
 * that failed. A step that may have moved money is never called again, neither by the plan's retries nor by a
 * resumption.
 *
 * <pre>{@code
 * ToolPlan plan = ToolPlan.builder()
 *         .step("pay", "codespar_pay", Map.of("amount", 1000, "currency", "BRL", "method", "pix"))
 *         .step("notify", "codespar_notify", done -> Map.of("channel", "whatsapp", "to", "+5511999990000",
 *                 "message", "Paid: " + done.data("pay").path("id").asText()))
 *         .retries(2, Duration.ofSeconds(1))
 *         .build();
 * PlanResult result = plan.run(session);
 * }</pre>
 *
 * @see dev.codespar.plans.ToolPlan
 */
package dev.codespar.plans;
