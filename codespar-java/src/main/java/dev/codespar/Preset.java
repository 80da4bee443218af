package dev.codespar;

import java.util.List;

/**
 * Named server bundles, expanded on the client into the {@code servers} of a new session (the same lists as the
 * official TypeScript and Python SDKs; the preset name itself is never sent).
 *
 * <pre>{@code
 * Session s = client.create("user_123", SessionConfig.builder().preset(Preset.BRAZILIAN).build());
 * }</pre>
 */
public enum Preset {
    /** Zoop, Nuvem Fiscal, Melhor Envio, Z-API and Omie: payments, NF-e, shipping, WhatsApp and ERP in Brazil. */
    BRAZILIAN("zoop", "nuvem-fiscal", "melhor-envio", "z-api", "omie"),
    /** Conekta, Facturapi and Skydropx for Mexico. */
    MEXICAN("conekta", "facturapi", "skydropx"),
    /** AFIP and Andreani for Argentina. */
    ARGENTINIAN("afip", "andreani"),
    /** Wompi, Siigo and Coordinadora for Colombia. */
    COLOMBIAN("wompi", "siigo", "coordinadora"),
    /** The servers of every country preset that the official SDKs bundle together. */
    ALL("zoop", "nuvem-fiscal", "melhor-envio", "z-api", "omie", "conekta", "facturapi", "afip", "wompi");

    /** Servers of a session created with neither servers nor a preset. */
    static final List<String> DEFAULT_SERVERS = List.of("zoop", "nuvem-fiscal");

    private final List<String> servers;

    Preset(String... servers) {
        this.servers = List.of(servers);
    }

    /**
     * The servers this preset expands to, in the order they are sent.
     *
     * @return an immutable list
     */
    public List<String> servers() {
        return servers;
    }
}
