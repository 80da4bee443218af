package dev.codespar.testkit.internal.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.state.Consumers;
import dev.codespar.testkit.internal.state.Mandate;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.wire.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The agentic receipt of a mandate spend: the mandate, the payment, no quote or delivery yet; {@code chain} is the
 * SHA-256 of the records' JSON, {@code receipt_sig} an HMAC of it with the fake's consumer secret.
 */
final class AgenticReceipts {

    private static final byte[] CONSUMER_SECRET = "fake-codespar-consumer-secret".getBytes(StandardCharsets.UTF_8);

    private AgenticReceipts() {}

    static ObjectNode of(World world, Consumers.Movement spend) {
        Mandate m = world.consumers.mandate(spend.mandateId());
        ObjectNode r = Json.object();
        r.put("receipt_id", spend.receiptId());
        r.put("state", "paid");
        ObjectNode mandate = r.putObject("mandate");
        mandate.put("id", spend.mandateId());
        mandate.put("nonce", spend.id());
        mandate.put("scope", m == null ? "" : m.purpose);
        mandate.put("currency", spend.currency());
        mandate.put("sig", hmac(spend.mandateId()));
        r.putNull("quote");
        ObjectNode payment = r.putObject("payment");
        payment.put("rail", spend.rail());
        payment.put("provider", spend.rail().contains("usdc") ? "cdp" : "celcoin");
        payment.put("tx_id", spend.id());
        payment.put("amount_minor", spend.amountMinor());
        payment.put("attempt_id", spend.id() + "-1");
        payment.put("money_moved", true);
        payment.put("at", Json.iso(spend.createdAt()));
        r.putNull("delivery");
        String chain = sha256(Json.text(mandate) + Json.text(payment));
        r.put("chain", chain);
        r.put("receipt_sig", hmac(chain));
        r.putArray("exceptions");
        return r;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(CONSUMER_SECRET, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
