package dev.codespar.mandate;

import java.util.Base64;

/**
 * Base64url (RFC 4648 section 5) with optional padding, and nothing else: no standard-alphabet {@code +}/{@code /},
 * no whitespace, no line breaks.
 */
final class Base64Url {

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Base64Url() {}

    /**
     * Decodes base64url text.
     *
     * @throws IllegalArgumentException when the text is not base64url
     */
    static byte[] decode(String text) {
        return DECODER.decode(text);
    }

    /**
     * Decodes base64url text only when it is the one canonical spelling of its bytes (unused trailing bits zero,
     * padding either absent or complete), so that every changed character of the text is a changed value.
     *
     * @return the bytes, or {@code null} when the text is not canonical base64url
     */
    static byte[] decodeCanonical(String text) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '=') {
            end--;
        }
        return ENCODER.encodeToString(bytes).contentEquals(text.subSequence(0, end)) ? bytes : null;
    }

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }
}
