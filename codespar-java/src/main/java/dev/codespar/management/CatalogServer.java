package dev.codespar.management;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A server of the CodeSpar catalogue (a provider integration such as {@code asaas} or {@code nuvem-fiscal}).
 * Returned by {@link ServerService}.
 *
 * @param id the server id, as used in {@code SessionConfig.servers(...)}
 * @param name the display name, or {@code null}
 * @param description what the server does, or {@code null}
 * @param category e.g. {@code payments}, {@code fiscal}, or {@code null}
 * @param country the ISO country code it serves, e.g. {@code BR}, or {@code null}
 * @param authType how it authenticates: {@code oauth}, {@code api_key}, {@code cert}, {@code none},
 *     {@code path_secret}, {@code hmac_signed}, {@code jwt_ecdsa}, {@code two_header}... (kept as text: the list
 *     grows), or {@code null}
 * @param status the catalogue status as the server wrote it, or {@code null}
 * @param raw the object as the server sent it, with fields this SDK version does not read (tools, rate limits...)
 */
public record CatalogServer(
        String id,
        String name,
        String description,
        String category,
        String country,
        String authType,
        String status,
        JsonNode raw) {}
