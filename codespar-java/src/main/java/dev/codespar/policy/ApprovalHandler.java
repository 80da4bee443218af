package dev.codespar.policy;

import java.util.concurrent.CompletionStage;

/**
 * Asks a human whether a tool call may go ahead: a message to an approver, a queue an operator works through, a
 * pre-approved list. The answer may take a while; the stage completes when it is known.
 *
 * <pre>{@code
 * ApprovalHandler slack = call -> approvals.ask("Pay " + call.argument("amount") + " to "
 *         + call.argument("recipient").asText() + "?");   // CompletionStage<Boolean>
 * }</pre>
 */
@FunctionalInterface
public interface ApprovalHandler {

    /**
     * Asks for approval.
     *
     * @param call the call waiting for it
     * @return {@code true} when approved; {@code false}, or a failed stage, denies the call
     */
    CompletionStage<Boolean> approve(ToolCall call);
}
