package dev.codespar.testkit;

import java.util.List;
import java.util.Map;

/** Tool inputs that satisfy the fake's tool definitions, shared by the tests. */
final class Inputs {

    /** A Pix payment of R$10, as golden example G3 sends it. */
    static final Map<String, Object> PAY = Map.of("action", "pay", "amount", 1000, "currency", "BRL",
            "method", "pix", "description", "Order 42", "recipient", "ana@example.com");

    /** A shipping quote of one 500 g parcel. */
    static final Map<String, Object> SHIP_QUOTE = Map.of("action", "quote",
            "origin", Map.of("postal_code", "01310-100"), "destination", Map.of("postal_code", "20040-002"),
            "items", List.of(Map.of("weight_g", 500)));

    /** An NF-e for one line. */
    static final Map<String, Object> INVOICE = Map.of("type", "nfe",
            "recipient", Map.of("name", "Ana", "document", "11144477735"),
            "items", List.of(Map.of("description", "Starter Kit", "quantity", 1, "unitPrice", 149)));

    /** A boleto charge of R$10.50. */
    static final Map<String, Object> CHARGE = Map.of("amount", 10.5, "currency", "BRL", "method", "boleto",
            "description", "Order 42", "buyer", Map.of("name", "Ana"));

    /** An identity check. */
    static final Map<String, Object> KYC = Map.of("check_type", "identity", "buyer",
            Map.of("email", "ana@example.com"));

    /** A WhatsApp message. */
    static final Map<String, Object> NOTIFY = Map.of("channel", "whatsapp", "to", "+5511999999999",
            "message", "Order received.");

    private Inputs() {}

    /** {@link #PAY} with other values. */
    static Map<String, Object> pay(long amount) {
        return Map.of("action", "pay", "amount", amount, "currency", "BRL", "method", "pix",
                "description", "Order " + amount, "recipient", "ana@example.com");
    }
}
