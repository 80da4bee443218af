package dev.codespar.metatools;

import dev.codespar.ToolResult;
import dev.codespar.ToolResultCode;
import java.util.Optional;

/**
 * The result of a typed meta-tool call ({@link MetaTools#charge}, {@link MetaTools#ship}, ...): the typed output when
 * the tool succeeded, and the full {@link ToolResult} either way.
 *
 * <p>A tool-level failure ({@code success: false}) is not an exception, as for {@link dev.codespar.Session#execute}: an
 * {@code approval_required} or a {@code policy_denied} outcome is an ordinary answer to act on, and the
 * {@link #toolCallId()} is what the payment and verification status endpoints need.
 *
 * <pre>{@code
 * TypedToolResult<ChargeResult> r = MetaTools.of(session).charge(ChargeParams.pix(new BigDecimal("125.00"), "BRL",
 *         "Order 42", ChargeParams.Buyer.named("Ana")));
 * r.output().ifPresentOrElse(
 *         charge -> sendToBuyer(charge.pixCopyPaste()),
 *         () -> log.warn("charge refused: {} {} request_id={}", r.code(), r.error(), r.requestId()));
 * }</pre>
 *
 * @param <T> the output type
 */
public final class TypedToolResult<T> {

    private final ToolResult result;
    private final T output;

    TypedToolResult(ToolResult result, T output) {
        this.result = result;
        this.output = output;
    }

    /**
     * The typed output.
     *
     * @return the output, empty when the tool failed or returned no data
     */
    public Optional<T> output() {
        return Optional.ofNullable(output);
    }

    /**
     * The untyped result: data, error, duration, server, tool call id, request id and tool-result code.
     *
     * @return the result
     */
    public ToolResult result() {
        return result;
    }

    /**
     * Whether the tool did its work.
     *
     * @return {@link ToolResult#success()}
     */
    public boolean success() {
        return result.success();
    }

    /**
     * The tool-level error.
     *
     * @return {@link ToolResult#error()}, {@code null} on success
     */
    public String error() {
        return result.error();
    }

    /**
     * The tool-result code (approval required, policy denied, test-mode codes).
     *
     * @return {@link ToolResult#code()}
     */
    public ToolResultCode code() {
        return result.code();
    }

    /**
     * The id of this call, for {@link dev.codespar.ToolCalls#paymentStatus(String)} and {@link dev.codespar.ToolCalls#verificationStatus(String)}.
     *
     * @return {@link ToolResult#toolCallId()}, may be {@code null}
     */
    public String toolCallId() {
        return result.toolCallId();
    }

    /**
     * The request id of the HTTP answer, for support tickets.
     *
     * @return {@link ToolResult#requestId()}, may be {@code null}
     */
    public String requestId() {
        return result.requestId();
    }

    @Override
    public String toString() {
        return "TypedToolResult{success=" + result.success() + ", tool=" + result.tool() + ", error=" + result.error()
                + ", toolCallId=" + result.toolCallId() + ", output=" + output + "}";
    }
}
