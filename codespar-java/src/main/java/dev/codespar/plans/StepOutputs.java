package dev.codespar.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.codespar.ToolResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the steps run so far produced, by step name: what a step's condition and input function read. Steps are
 * named, so skipping one never shifts what a later step reads (as indexes would).
 *
 * <pre>{@code
 * .step("pay", "codespar_pay", done -> Map.of(
 *         "amount", 1000, "currency", "BRL", "method", "pix",
 *         "customer_id", done.data("customer").path("id").asText()))
 * .when(done -> done.succeeded("customer"))
 * }</pre>
 */
public final class StepOutputs {

    private final Map<String, StepResult> byName;
    private final List<StepResult> inOrder;

    StepOutputs(Map<String, StepResult> byName, List<StepResult> inOrder) {
        this.byName = byName;
        this.inOrder = inOrder;
    }

    /**
     * Whether a step has succeeded.
     *
     * @param step the step's name
     * @return {@code true} when it ran and its tool answered success
     */
    public boolean succeeded(String step) {
        StepResult r = byName.get(step);
        return r != null && r.succeeded();
    }

    /**
     * The data of a step that succeeded.
     *
     * @param step the step's name
     * @return its {@link ToolResult#data()}; a missing node (whose {@code path(...)} reads are missing too) when the
     *     step did not succeed, is not known, or has not run yet
     */
    public JsonNode data(String step) {
        StepResult r = byName.get(step);
        return r != null && r.succeeded() ? r.result().map(ToolResult::data).orElse(MissingNode.getInstance())
                : MissingNode.getInstance();
    }

    /**
     * The result a step's tool answered, successful or not.
     *
     * @param step the step's name
     * @return the result; empty when the step has not run, was skipped, or its call threw
     */
    public Optional<ToolResult> result(String step) {
        StepResult r = byName.get(step);
        return r == null ? Optional.empty() : r.result();
    }

    /**
     * How a step ended.
     *
     * @param step the step's name
     * @return its status; {@link StepStatus#NOT_RUN} for a step not reached yet or not in the plan
     */
    public StepStatus status(String step) {
        StepResult r = byName.get(step);
        return r == null ? StepStatus.NOT_RUN : r.status();
    }

    /**
     * The steps run so far, in plan order (skipped ones included, not-run ones not).
     *
     * @return the results
     */
    public List<StepResult> steps() {
        return inOrder;
    }
}
