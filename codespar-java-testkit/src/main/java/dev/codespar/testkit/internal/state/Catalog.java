package dev.codespar.testkit.internal.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The servers the fake knows, with their raw tools; meta-tools are routed by a server's category. */
public final class Catalog {

    /**
     * One server of the catalogue.
     *
     * @param id the server id
     * @param name its display name
     * @param category what meta-tools it serves ({@code payments}, {@code fiscal}...)
     * @param country ISO country
     * @param authType how it is connected
     * @param tools its raw tool names, without the {@code server/} prefix
     */
    public record Server(String id, String name, String category, String country, String authType,
            List<String> tools) {

        /**
         * The description the catalogue shows.
         *
         * @return one sentence
         */
        public String description() {
            return name + " (" + category + ", " + country + ")";
        }
    }

    /** Payments servers. */
    public static final String PAYMENTS = "payments";
    /** Fiscal servers. */
    public static final String FISCAL = "fiscal";
    /** Shipping servers. */
    public static final String SHIPPING = "shipping";
    /** Messaging servers. */
    public static final String MESSAGING = "messaging";
    /** ERP servers. */
    public static final String ERP = "erp";
    /** Crypto servers. */
    public static final String CRYPTO = "crypto";
    /** Identity (KYC) servers. */
    public static final String IDENTITY = "identity";
    /** Commerce (shop) servers. */
    public static final String COMMERCE = "commerce";
    /** Ledger servers. */
    public static final String LEDGER = "ledger";
    /** Card-issuing servers. */
    public static final String CARDS = "cards";

    private static final Map<String, List<String>> TOOLS = Map.of(
            PAYMENTS, List.of("create_payment", "get_payment", "refund_payment", "create_customer"),
            FISCAL, List.of("issue_invoice", "get_invoice", "cancel_invoice"),
            SHIPPING, List.of("quote_shipment", "create_label", "track_shipment"),
            MESSAGING, List.of("send_message", "send_template"),
            ERP, List.of("create_order", "list_products"),
            CRYPTO, List.of("create_charge", "send_payout"),
            IDENTITY, List.of("create_inquiry", "get_inquiry"),
            COMMERCE, List.of("search_products", "create_checkout"),
            LEDGER, List.of("create_transaction", "get_balance"),
            CARDS, List.of("create_card", "update_card"));

    private final Map<String, Server> servers = new LinkedHashMap<>();

    /** The built-in catalogue: the preset servers and a few more. */
    public Catalog() {
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
        add("unblockpay", "UnblockPay", CRYPTO, "BR", "api_key");
        add("persona", "Persona", IDENTITY, "US", "api_key");
        add("vtex", "VTEX", COMMERCE, "BR", "none");
        add("midaz", "Lerian Midaz", LEDGER, "BR", "path_secret");
        add("pomelo", "Pomelo", CARDS, "AR", "two_header");
    }

    /**
     * Adds (or replaces) a server.
     *
     * @param id the id
     * @param name the display name
     * @param category the category
     * @param country the country
     * @param authType the auth type
     */
    public void add(String id, String name, String category, String country, String authType) {
        servers.put(id, new Server(id, name, category, country, authType,
                TOOLS.getOrDefault(category, List.of("call"))));
    }

    /**
     * A server.
     *
     * @param id the id
     * @return it, or {@code null}
     */
    public Server get(String id) {
        return servers.get(id);
    }

    /**
     * Whether the catalogue has a server.
     *
     * @param id the id
     * @return {@code true} when it does
     */
    public boolean contains(String id) {
        return servers.containsKey(id);
    }

    /**
     * Every server, in catalogue order.
     *
     * @return an unmodifiable view
     */
    public Collection<Server> all() {
        return Collections.unmodifiableCollection(servers.values());
    }

    /**
     * A copy, so a builder can keep adding to its own.
     *
     * @return the copy
     */
    public Catalog copy() {
        Catalog c = new Catalog();
        c.servers.clear();
        c.servers.putAll(servers);
        return c;
    }

    /**
     * Every raw tool, {@code server/tool}, in catalogue order.
     *
     * @return the names
     */
    public List<String> rawTools() {
        List<String> all = new ArrayList<>();
        for (Server s : servers.values()) {
            for (String t : s.tools()) {
                all.add(s.id() + "/" + t);
            }
        }
        return all;
    }

    /**
     * The categories of server a meta-tool runs on, in order of preference.
     *
     * @param tool a meta-tool name
     * @return the categories; empty when the platform itself answers
     */
    public static List<String> categoriesOf(String tool) {
        switch (tool) {
            case "codespar_pay":
            case "codespar_charge":
            case "codespar_checkout":
                return List.of(PAYMENTS);
            case "codespar_crypto_pay":
                return List.of(CRYPTO, PAYMENTS);
            case "codespar_kyc":
                return List.of(IDENTITY, PAYMENTS);
            case "codespar_invoice":
                return List.of(FISCAL);
            case "codespar_ship":
                return List.of(SHIPPING);
            case "codespar_notify":
                return List.of(MESSAGING);
            case "codespar_shop":
                return List.of(COMMERCE);
            case "codespar_ledger":
                return List.of(LEDGER);
            case "codespar_issue":
                return List.of(CARDS);
            default:
                return List.of();
        }
    }

    /**
     * Whether the platform answers a meta-tool itself when the session has no server of its kind (the shop rails,
     * the wallet, the books and the cards are the platform's own; a payment needs a payment provider).
     *
     * @param tool a meta-tool name
     * @return {@code true} when no provider is needed
     */
    public static boolean platformServes(String tool) {
        switch (tool) {
            case "codespar_shop":
            case "codespar_wallet":
            case "codespar_ledger":
            case "codespar_issue":
            case "codespar_discover":
            case "codespar_manage_connections":
            case "codespar_list_tools":
                return true;
            default:
                return false;
        }
    }
}
