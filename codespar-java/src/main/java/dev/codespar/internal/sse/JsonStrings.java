package dev.codespar.internal.sse;

import java.nio.charset.StandardCharsets;

/** The strings of {@link FrameJson}: the shared payload keys, and text decoded only when it is well-formed UTF-8. */
final class JsonStrings {

    /**
     * The keys of the stream payloads, shared instead of decoded per document (a shared {@code String} also keeps
     * its hash), as Jackson's symbol table shares them; indexed by length.
     */
    private static final String[][] KEYS = keysByLength("type", "content", "iteration", "id", "name", "input",
            "toolCall", "tool_call", "tool_name", "server_id", "status", "duration_ms", "output", "error_code",
            "result", "message", "iterations", "tool_calls", "tool_use_id", "is_error", "error", "code",
            "request_id", "payment_status", "verification_status", "tool_call_id", "amount", "currency");
    private static final byte[][][] KEY_BYTES = new byte[KEYS.length][][];

    static {
        for (int length = 0; length < KEYS.length; length++) {
            KEY_BYTES[length] = new byte[KEYS[length].length][];
            for (int k = 0; k < KEYS[length].length; k++) {
                KEY_BYTES[length][k] = KEYS[length][k].getBytes(StandardCharsets.US_ASCII);
            }
        }
    }

    private static String[][] keysByLength(String... keys) {
        int longest = 0;
        for (String key : keys) {
            longest = Math.max(longest, key.length());
        }
        String[][] byLength = new String[longest + 1][];
        for (int length = 0; length <= longest; length++) {
            final int n = length;
            byLength[length] = java.util.Arrays.stream(keys).filter(k -> k.length() == n).toArray(String[]::new);
        }
        return byLength;
    }

    /**
     * The shared instance of the key starting at {@code start} (after its opening quote), whose
     * closing quote follows it at once, when it is one of {@link #KEYS}; else {@code null}.
     */
    static String knownKey(byte[] b, int start, int end) {
        int close = start;
        int limit = Math.min(end, start + KEYS.length);
        while (close < limit && b[close] != '"') {
            close++;
        }
        int length = close - start;
        if (close >= limit || b[close] != '"') {
            return null;
        }
        byte[][] candidates = KEY_BYTES[length];
        for (int k = 0; k < candidates.length; k++) {
            if (sameBytes(b, start, candidates[k])) {
                return KEYS[length][k];
            }
        }
        return null;
    }

    static String decode(byte[] b, int from, int to, boolean ascii) {
        if (ascii) {
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        }
        String latin1 = latin1(b, from, to);
        return latin1 != null ? latin1 : utf8(b, from, to);
    }

    /**
     * Decodes {@code b[from, to)} when every character is below U+0100 (Portuguese and Spanish text), the cheapest
     * form a {@code String} takes; {@code null} when a character is above, and {@link #utf8} decodes it instead.
     */
    private static String latin1(byte[] b, int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        int i = from;
        while (i < to) {
            byte c = b[i];
            if (c >= 0) {
                out[n++] = c;
                i++;
                continue;
            }
            if ((c != (byte) 0xC2 && c != (byte) 0xC3) || i + 1 >= to) {
                return null;
            }
            out[n++] = (byte) ((c & 0x1F) << 6 | continuation(b, i + 1, 0x80, 0xBF));
            i += 2;
        }
        return new String(out, 0, n, StandardCharsets.ISO_8859_1);
    }

    /**
     * Decodes {@code b[from, to)}, giving up unless it is well-formed UTF-8 (RFC 3629: no overlong form, no
     * surrogate, nothing past U+10FFFF), where Jackson and {@code new String} read the same characters. One pass
     * that checks and decodes, instead of a check and then the JDK's decoder.
     */
    private static String utf8(byte[] b, int from, int to) {
        char[] chars = new char[to - from];
        int n = 0;
        int i = from;
        while (i < to) {
            int c = b[i];
            if (c >= 0) {
                chars[n++] = (char) c;
                i++;
                continue;
            }
            c &= 0xFF;
            if (c >= 0xC2 && c <= 0xDF) {
                if (i + 1 >= to) {
                    throw FrameJson.GIVE_UP;
                }
                chars[n++] = (char) ((c & 0x1F) << 6 | continuation(b, i + 1, 0x80, 0xBF));
                i += 2;
            } else if (c >= 0xE0 && c <= 0xEF) {
                if (i + 2 >= to) {
                    throw FrameJson.GIVE_UP;
                }
                int second = continuation(b, i + 1, c == 0xE0 ? 0xA0 : 0x80, c == 0xED ? 0x9F : 0xBF);
                chars[n++] = (char) ((c & 0x0F) << 12 | second << 6 | continuation(b, i + 2, 0x80, 0xBF));
                i += 3;
            } else if (c >= 0xF0 && c <= 0xF4) {
                if (i + 3 >= to) {
                    throw FrameJson.GIVE_UP;
                }
                int second = continuation(b, i + 1, c == 0xF0 ? 0x90 : 0x80, c == 0xF4 ? 0x8F : 0xBF);
                int codePoint = (c & 0x07) << 18 | second << 12 | continuation(b, i + 2, 0x80, 0xBF) << 6
                        | continuation(b, i + 3, 0x80, 0xBF);
                chars[n++] = Character.highSurrogate(codePoint);
                chars[n++] = Character.lowSurrogate(codePoint);
                i += 4;
            } else {
                throw FrameJson.GIVE_UP;
            }
        }
        return new String(chars, 0, n);
    }

    /** The six payload bits of the continuation byte at {@code i}, which must lie in {@code [low, high]}. */
    private static int continuation(byte[] b, int i, int low, int high) {
        int c = b[i] & 0xFF;
        if (c < low || c > high) {
            throw FrameJson.GIVE_UP;
        }
        return c & 0x3F;
    }

    /** Whether the key at {@code start} is {@code name}; keys are short, so a plain loop beats a vectorized compare. */
    static boolean sameBytes(byte[] b, int start, byte[] name) {
        for (int k = 0; k < name.length; k++) {
            if (b[start + k] != name[k]) {
                return false;
            }
        }
        return true;
    }

    private JsonStrings() {}
}
