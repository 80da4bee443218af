package dev.codespar.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/** The servers the fake knows, with what {@code GET /v1/sessions/{id}/connections} says about each. */
final class Catalog {

    /** One server of the catalogue. */
    record Server(String id, String name, String category, String country, String authType) {}

    /** Categories meta-tools are routed by. */
    static final String PAYMENTS = "payments";
    static final String FISCAL = "fiscal";
    static final String SHIPPING = "shipping";
    static final String MESSAGING = "messaging";
    static final String ERP = "erp";

    private final Map<String, Server> servers = new LinkedHashMap<>();

    Catalog() {
        add("zoop", "Zoop", PAYMENTS, "BR", "api_key");
        add("asaas", "Asaas", PAYMENTS, "BR", "api_key");
        add("pagarme", "Pagar.me", PAYMENTS, "BR", "api_key");
        add("mercado-pago", "Mercado Pago", PAYMENTS, "BR", "oauth");
        add("conekta", "Conekta", PAYMENTS, "MX", "api_key");
        add("wompi", "Wompi", PAYMENTS, "CO", "api_key");
        add("stripe", "Stripe", PAYMENTS, "US", "api_key");
        add("nuvem-fiscal", "Nuvem Fiscal", FISCAL, "BR", "api_key");
        add("facturapi", "Facturapi", FISCAL, "MX", "api_key");
        add("afip", "AFIP", FISCAL, "AR", "cert");
        add("siigo", "Siigo", FISCAL, "CO", "api_key");
        add("melhor-envio", "Melhor Envio", SHIPPING, "BR", "oauth");
        add("skydropx", "Skydropx", SHIPPING, "MX", "api_key");
        add("andreani", "Andreani", SHIPPING, "AR", "api_key");
        add("coordinadora", "Coordinadora", SHIPPING, "CO", "api_key");
        add("z-api", "Z-API", MESSAGING, "BR", "api_key");
        add("omie", "Omie", ERP, "BR", "api_key");
    }

    void add(String id, String name, String category, String country, String authType) {
        servers.put(id, new Server(id, name, category, country, authType));
    }

    Server get(String id) {
        return servers.get(id);
    }

    boolean contains(String id) {
        return servers.containsKey(id);
    }

    /** The category a meta-tool is routed by, or {@code null} when any server of the session will do. */
    static String categoryOf(String tool) {
        switch (tool) {
            case "codespar_pay":
            case "codespar_charge":
            case "codespar_kyc":
            case "codespar_crypto_pay":
                return PAYMENTS;
            case "codespar_invoice":
                return FISCAL;
            case "codespar_ship":
                return SHIPPING;
            case "codespar_notify":
                return MESSAGING;
            default:
                return null;
        }
    }
}
