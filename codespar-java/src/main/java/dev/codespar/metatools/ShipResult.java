package dev.codespar.metatools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The outcome of a {@code codespar_ship} call: a quote, a label or a tracking status.
 *
 * @param id the shipment or quote id
 * @param status the carrier's status
 * @param trackingCode the tracking code, or {@code null}
 * @param labelUrl the printable label, or {@code null}
 * @param carrier the chosen carrier, or {@code null}
 * @param estimatedDelivery the estimated delivery as the carrier states it, or {@code null}
 * @param costMinor the price in minor units, or {@code null}
 * @param raw the provider's raw answer, or {@code null}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ShipResult(
        String id,
        String status,
        String trackingCode,
        String labelUrl,
        String carrier,
        String estimatedDelivery,
        Long costMinor,
        JsonNode raw) {}
