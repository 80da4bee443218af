package dev.codespar.mandate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.mandate.MandateFormatException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Token text → {@link Mandate}. The order of the checks, and the reason each failure gets, follow the official
 * decoders: whole token, then {@code format_version}, then the signed fields, then {@code signature}. Where the
 * official decoders do not look at a type (a purpose that is not a string, a {@code max_amount} that is a number)
 * this one refuses it as {@code invalid_payload}: such a token has no agreed signing string.
 */
final class MandateDecoder {

    private static final Set<String> TYPES = Set.of("payment", "subscription", "delegation");

    private MandateDecoder() {}

    static Mandate decode(String token) {
        if (token == null) {
            throw new NullPointerException("token");
        }
        byte[] json;
        try {
            json = Base64Url.decode(token.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(null, "the token is not base64url text (RFC 4648 section 5: A-Z a-z 0-9 - _)");
        }
        JsonNode root;
        try {
            root = StrictJson.read(json);
        } catch (IllegalArgumentException e) {
            throw invalid(null, "the decoded token " + e.getMessage());
        }
        if (!root.isObject()) {
            throw invalid(null, "the decoded token is JSON but not an object");
        }

        JsonNode version = root.get("format_version");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() < 2) {
            throw new MandateFormatException(Reason.MANDATE_FORMAT_UNSUPPORTED, "format_version",
                    "must be an integer of at least 2, got " + describe(version));
        }
        int formatVersion = version.intValue();

        String id = requiredString(root, "id");
        String agentId = requiredString(root, "agent_id");
        String type = requiredString(root, "type");
        if (!TYPES.contains(type)) {
            throw invalid("type", "must be payment, subscription or delegation");
        }
        String amount = requiredString(root, "amount");
        String currency = requiredString(root, "currency");
        JsonNode purposesNode = root.get("purposes");
        if (purposesNode == null || !purposesNode.isArray()) {
            throw invalid("purposes", "must be an array of strings, got " + describe(purposesNode));
        }
        long expiresAt = requiredInteger(root, "expires_at");
        long secretVersion = requiredInteger(root, "secret_version");
        String principalKycRef;
        String agentKid;
        if (formatVersion == 3) {
            principalKycRef = requiredString(root, "principal_kyc_ref");
            agentKid = requiredString(root, "agent_kid");
        } else {
            principalKycRef = optionalString(root, "principal_kyc_ref");
            agentKid = optionalString(root, "agent_kid");
        }
        List<String> purposes = new ArrayList<>(purposesNode.size());
        for (JsonNode purpose : purposesNode) {
            if (!purpose.isTextual()) {
                throw invalid("purposes", "must hold only strings, got " + describe(purpose));
            }
            purposes.add(purpose.textValue());
        }
        String maxAmount = optionalString(root, "max_amount");
        String parentId = optionalString(root, "parent_id");
        String denomination = optionalString(root, "denomination");

        JsonNode signature = root.get("signature");
        if (signature == null || !signature.isTextual()) {
            throw invalid("signature", "must be a string (the organisation HMAC), got " + describe(signature));
        }
        // The official decoders keep an envelope member only when it is a string and otherwise act as if it were
        // absent; so does this one.
        return new Mandate(formatVersion, id, agentId, type, amount, currency, purposes, expiresAt, maxAmount,
                parentId, denomination, secretVersion, principalKycRef, agentKid, signature.textValue(),
                envelopeString(root, "agent_sig"), envelopeString(root, "issuer_sig"), envelopeString(root, "kid"));
    }

    private static String requiredString(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual()) {
            throw invalid(field, "must be a string, got " + describe(node));
        }
        return node.textValue();
    }

    private static String optionalString(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalid(field, "must be a string or null, got " + describe(node));
        }
        return node.textValue();
    }

    private static long requiredInteger(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw invalid(field, "must be an integer, got " + describe(node));
        }
        return node.longValue();
    }

    private static String envelopeString(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    /** The JSON type of a node (never its value, which may be part of the credential). */
    private static String describe(JsonNode node) {
        if (node == null) {
            return "nothing (the field is missing)";
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? "the integer " + node.longValue() : "an integer out of range";
        }
        return switch (node.getNodeType()) {
            case NULL -> "null";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number with a fraction or exponent";
            case STRING -> "a string";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static MandateFormatException invalid(String field, String detail) {
        return new MandateFormatException(Reason.INVALID_PAYLOAD, field, detail);
    }
}
