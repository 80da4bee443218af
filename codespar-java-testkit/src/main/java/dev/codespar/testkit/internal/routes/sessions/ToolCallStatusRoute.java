package dev.codespar.testkit.internal.routes.sessions;

import dev.codespar.testkit.internal.routes.Exchange;
import dev.codespar.testkit.internal.state.ToolCallRecord;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.stream.LiveStatusStream;
import dev.codespar.testkit.internal.wire.Answer;

/**
 * {@code GET /v1/tool-calls/{id}/payment-status} and {@code .../verification-status}, and their {@code /stream}
 * forms.
 */
public final class ToolCallStatusRoute {

    private final World world;

    /**
     * The route.
     *
     * @param world the state
     */
    public ToolCallStatusRoute(World world) {
        this.world = world;
    }

    /**
     * The request.
     *
     * @param ex the request
     * @return the payment envelope
     */
    public Answer payment(Exchange ex) {
        return status(ex, ToolCallRecord.Kind.PAYMENT, false);
    }

    /**
     * The request.
     *
     * @param ex the request
     * @return the payment status stream
     */
    public Answer paymentStream(Exchange ex) {
        return status(ex, ToolCallRecord.Kind.PAYMENT, true);
    }

    /**
     * The request.
     *
     * @param ex the request
     * @return the verification envelope
     */
    public Answer verification(Exchange ex) {
        return status(ex, ToolCallRecord.Kind.VERIFICATION, false);
    }

    /**
     * The request.
     *
     * @param ex the request
     * @return the verification status stream
     */
    public Answer verificationStream(Exchange ex) {
        return status(ex, ToolCallRecord.Kind.VERIFICATION, true);
    }

    private Answer status(Exchange ex, ToolCallRecord.Kind view, boolean stream) {
        String id = ex.param("id");
        ToolCallRecord rec = world.toolCall(id);
        if (rec == null) {
            throw Answer.notFound(ex, "Tool call not found: " + id);
        }
        return stream ? Answer.stream(new LiveStatusStream(world, id, view)) : Answer.json(200, rec.envelope(view));
    }
}
