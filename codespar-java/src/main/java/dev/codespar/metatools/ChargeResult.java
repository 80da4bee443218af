package dev.codespar.metatools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;

/**
 * The charge a {@code codespar_charge} call created. It settles asynchronously: follow it with
 * {@link dev.codespar.ToolCalls#paymentStatus(String)} or {@link dev.codespar.ToolCalls#paymentStatusStream(String)} and the call's
 * {@code toolCallId}.
 *
 * @param id the provider's charge id
 * @param status the provider's status, e.g. {@code pending}
 * @param amount the amount in major units
 * @param currency ISO-4217 code
 * @param method the payment method
 * @param chargeUrl the hosted payment page, or {@code null}
 * @param pixQrCode the Pix QR code image (base64), or {@code null}
 * @param pixCopyPaste the Pix "copia e cola" code, or {@code null}
 * @param raw the provider's raw answer, or {@code null}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChargeResult(
        String id,
        String status,
        BigDecimal amount,
        String currency,
        String method,
        String chargeUrl,
        String pixQrCode,
        String pixCopyPaste,
        JsonNode raw) {}
