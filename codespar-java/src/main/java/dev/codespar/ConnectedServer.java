package dev.codespar;

/**
 * A server of a session and whether the user's connection to it is ready ({@code GET /v1/sessions/{id}/connections}).
 *
 * @param id the server id, e.g. {@code asaas}
 * @param name the display name, or {@code null}
 * @param category e.g. {@code payments}, or {@code null}
 * @param country e.g. {@code BR}, or {@code null}
 * @param authType {@code oauth}, {@code api_key}, {@code cert}, {@code none} or a newer kind; may be {@code null}
 * @param connected whether the connection is ready
 */
public record ConnectedServer(String id, String name, String category, String country, String authType,
        boolean connected) {}
