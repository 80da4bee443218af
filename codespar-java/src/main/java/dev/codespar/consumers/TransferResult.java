package dev.codespar.consumers;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A planned or executed move between two currencies of a wallet, from
 * {@link ConsumerService#transfer(String, TransferParams)}. A plan says how it would go ({@link #route()},
 * {@link #engine()}, {@link #executable()}); an executed transfer also has its {@link #transactionId()} and
 * {@link #status()}, and is followed on the wallet ({@link #settleVia()}).
 *
 * @param consumerId the consumer
 * @param route e.g. {@code onramp}, {@code offramp}
 * @param converts whether the move converts currencies ({@code false} when not said)
 * @param engine the ramp provider, or {@code null}
 * @param executable whether it can be executed now ({@code false} when not said)
 * @param executed whether it was executed ({@code false} when not said)
 * @param transactionId the transaction of an executed transfer, or {@code null}
 * @param status its status, e.g. {@code processing}, or {@code null}
 * @param settleVia where to follow it, or {@code null}
 * @param from the source side, or {@code null}
 * @param to the target side, or {@code null}
 * @param note the server's explanation, or {@code null}
 * @param moneyMoved whether money moved already ({@code money_moved}), or {@code null} when not said
 * @param pixCopyPaste a Pix code to pay the source debit with, or {@code null}
 * @param destinationAddress an address to send the source funds to, or {@code null}
 * @param raw the answer as the server sent it
 */
public record TransferResult(String consumerId, String route, boolean converts, String engine, boolean executable,
        boolean executed, String transactionId, String status, String settleVia, TransferLeg from, TransferLeg to,
        String note, Boolean moneyMoved, String pixCopyPaste, String destinationAddress, JsonNode raw) {}
