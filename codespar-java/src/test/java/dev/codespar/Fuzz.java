package dev.codespar;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import okhttp3.Headers;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;

/**
 * Seeded generators of hostile server input for the fuzz tests: JSON of every shape the SDK reads (known keys with
 * wrong types, deep nesting, huge numbers, lone surrogates), non-JSON and invalid UTF-8 bodies, random headers, and
 * sources that hand bytes out in random splits. Deterministic for a seed: {@code -Dcodespar.fuzz.seed=N} replays a
 * run, {@code -Dcodespar.fuzz.count=N} changes how many inputs each property gets.
 */
final class Fuzz {

    /** The seed of every generator; a failure message names it together with the input. */
    static final long SEED = Long.getLong("codespar.fuzz.seed", 0xC0DE5A5AL);

    /** Keys the SDK's parsers look up (collected from the main sources): the fuzz hits them with every type. */
    static final String[] KEYS = {
        "approval_id", "auth_type", "authorize_url", "called_at", "category", "closed_at", "code", "connected",
        "connections", "content", "country", "created_at", "data", "description", "details", "display_name",
        "duration", "duration_ms", "environment", "error", "error_code", "event", "event_type", "events",
        "expires_at", "headers", "hosted_url", "id", "idempotency_key", "input", "input_schema", "is_error",
        "iteration", "iterations", "link_token", "message", "name", "next_before", "occurred_at", "offset",
        "original_status", "output", "payment_id", "payment_status", "project_id", "provider", "provider_action",
        "proxy_call_id", "reason", "received_at", "request_id", "result", "retryAfter", "rule_id", "ruleId",
        "server", "server_id", "servers", "session_id", "status", "statusCode", "success", "timestamp", "tool",
        "toolCall", "tool_call", "tool_call_id", "tool_calls", "tool_name", "tool_use_id", "tools", "total", "type",
        "user_id", "verification_id", "verification_status", "connect_url", "amount", "@class", "@type",
    };

    /** Error codes of the reference, a few unknown ones and code-shaped sentences. */
    static final String[] CODES = {
        "invalid_request", "slug_invalid", "slug_reserved", "unauthorized", "forbidden", "not_found", "slug_conflict",
        "webhook_url_conflict", "needs_connection", "provider_unavailable", "rate_limited", "quota_exceeded",
        "internal_error", "provider_error", "service_unavailable", "gateway_timeout", "network_error", "timeout",
        "policy_denied", "approval_required", "mocks_exhausted", "tool_not_mocked", "mcp.unknown_server",
        "brand_new_code", "Too Many Requests", "", " ", "null",
    };

    private static final String[] NUMBERS = {
        "0", "-0", "1", "-1", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "-9223372036854775809", "1e999999999", "-1e999999999", "1e-999999999", "1E308", "1.7976931348623157e309",
        "4.9e-325", "0.1", "123456789.123456789", "1e400", "-1e-400", "86400", "31536001", "1.5",
        "1e99999999999", "-7E31464496382", "1e-2147483649", "1.5e2147483648", "0e9999999999",
    };

    private static final String[] STRINGS = {
        "", " ", "2026-05-02T10:00:00Z", "2026-05-02T10:00:00+03:00", "2026-13-45T99:99:99Z", "not a date",
        "1777716000000", "-1", "NaN", "Infinity", "success", "pending", "succeeded", "failed", "UNKNOWN", "active",
        "text/event-stream", "req_a1b2", "ses_1", "tc_1", "\\u0000", "\\ud800", "\\udfff\\ud800", "\\u00e7\\u00e3o",
        "caf\u00e9 \u2603 \ud83d\udcb8", "<html>", "Bearer x", "\\\"quoted\\\"", "line\\nbreak", "tab\\t",
    };

    private final Random random;

    Fuzz(long seed) {
        this.random = new Random(seed);
    }

    /** How many inputs a property gets: {@code -Dcodespar.fuzz.count}, else the default given. */
    static int count(int defaultCount) {
        return Integer.getInteger("codespar.fuzz.count", defaultCount);
    }

    Random random() {
        return random;
    }

    int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    // ---------------------------------------------------------------- JSON

    /** A random JSON value (valid JSON text) of at most the given depth. */
    String json(int depth) {
        int kind = random.nextInt(depth <= 0 ? 5 : 8);
        switch (kind) {
            case 0:
                return "null";
            case 1:
                return random.nextBoolean() ? "true" : "false";
            case 2:
                return number();
            case 3:
            case 4:
                return string();
            case 5:
            case 6:
                return object(depth - 1);
            default:
                return array(depth - 1);
        }
    }

    String number() {
        switch (random.nextInt(4)) {
            case 0:
                return pick(NUMBERS);
            case 1:
                return Long.toString(random.nextLong());
            case 2:
                return random.nextGaussian() * Math.pow(10, between(-30, 30)) + "";
            default:
                // long digit strings, some past the parser's 1000-character number limit
                StringBuilder digits = new StringBuilder(random.nextBoolean() ? "-" : "").append(between(1, 9));
                int n = chance(20) ? between(990, 1500) : between(1, 60);
                for (int i = 0; i < n; i++) {
                    digits.append(random.nextInt(10));
                }
                if (chance(30)) {
                    digits.append('.').append(random.nextInt(1000));
                }
                if (chance(30)) {
                    digits.append('e').append(random.nextBoolean() ? "-" : "")
                            .append(chance(80) ? random.nextInt(2_000_000_000) : Math.abs(random.nextLong()));
                }
                return digits.toString();
        }
    }

    String string() {
        if (chance(40)) {
            return "\"" + pick(STRINGS) + "\"";
        }
        if (chance(20)) {
            return "\"" + pick(CODES) + "\"";
        }
        int length = chance(5) ? between(1000, 5000) : between(0, 30);
        StringBuilder sb = new StringBuilder(length + 2).append('"');
        for (int i = 0; i < length; i++) {
            int c = chance(80) ? between(0x20, 0x7e) : between(0xa0, 0x2fff);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append((char) c);
        }
        return sb.append('"').toString();
    }

    String object(int depth) {
        int n = between(0, 7);
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String key = chance(80) ? pick(KEYS) : string().replace("\"", "");
            sb.append('"').append(key.replace("\\", "")).append("\":").append(json(depth));
        }
        return sb.append('}').toString();
    }

    String array(int depth) {
        int n = between(0, 5);
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(json(depth));
        }
        return sb.append(']').toString();
    }

    /** Nesting past Jackson's 1000-level limit (or just under it). */
    String deep() {
        int n = chance(50) ? between(900, 1100) : between(2000, 20_000);
        boolean arrays = random.nextBoolean();
        StringBuilder sb = new StringBuilder(n * 6 + 16);
        if (!arrays) {
            sb.append("{\"error\":");
        }
        for (int i = 0; i < n; i++) {
            sb.append(arrays ? "[" : "{\"data\":");
        }
        sb.append("1");
        if (chance(80)) {
            for (int i = 0; i < n; i++) {
                sb.append(arrays ? "]" : "}");
            }
            if (!arrays) {
                sb.append('}');
            }
        }
        return sb.toString();
    }

    /** An object built from an envelope shape the SDK knows, with some fields of the wrong type. */
    String envelope() {
        StringBuilder sb = new StringBuilder("{");
        String[] fields = {"error", "message", "code", "request_id", "retryAfter", "status", "success", "data",
            "tool_call_id", "duration", "called_at", "result", "servers", "tools", "payment_status", "events",
            "tool_calls", "iterations", "connect_url"};
        int n = between(1, fields.length);
        for (int i = 0; i < n; i++) {
            String field = fields[random.nextInt(fields.length)];
            if (i > 0) {
                sb.append(',');
            }
            String value;
            if (field.equals("error") && chance(50)) {
                value = chance(50) ? "\"" + pick(CODES) + "\""
                        : "{\"code\":" + (chance(70) ? "\"" + pick(CODES) + "\"" : json(1)) + ",\"message\":" + json(1)
                                + ",\"request_id\":" + json(0) + ",\"details\":" + json(2) + "}";
            } else {
                value = json(3);
            }
            sb.append('"').append(field).append("\":").append(value);
        }
        return sb.append('}').toString();
    }

    // ---------------------------------------------------------------- bodies

    /** A hostile body: valid JSON of many shapes, broken JSON, invalid UTF-8, HTML, binary, empty. */
    byte[] body() {
        switch (random.nextInt(12)) {
            case 0:
            case 1:
            case 2:
                return utf8(envelope());
            case 3:
                return utf8(object(4));
            case 4:
                return utf8(json(3));
            case 5:
                return utf8(deep());
            case 6:
                return mutate(utf8(envelope()));
            case 7:
                return truncate(utf8(envelope()));
            case 8:
                return randomBytes(between(0, 512));
            case 9:
                return utf8(pick(new String[] {"", " ", "\n\t", "<html><body>502 Bad Gateway</body></html>",
                    "null", "[]", "\"just a string\"", "{", "}", "{\"a\":}", "\ufeff{\"error\":\"rate_limited\"}",
                    "{\"error\":\"rate_limited\"}{\"error\":\"x\"}", "{\"error\":\"rate_limited\"} trailing"}));
            case 10:
                return invalidUtf8(utf8(envelope()));
            default:
                return chance(50) ? padded(utf8(envelope()), between(60_000, 70_000)) : utf8(envelope());
        }
    }

    /** Random bytes flipped, inserted or deleted. */
    byte[] mutate(byte[] in) {
        Buffer out = new Buffer().write(in);
        byte[] bytes = out.readByteArray();
        int edits = between(1, 8);
        for (int i = 0; i < edits && bytes.length > 0; i++) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    byte[] truncate(byte[] in) {
        return in.length == 0 ? in : java.util.Arrays.copyOf(in, random.nextInt(in.length));
    }

    /** Invalid UTF-8 sequences spliced in: overlong forms, lone continuation bytes, encoded surrogates, 0xFF. */
    byte[] invalidUtf8(byte[] in) {
        byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xC0, (byte) 0xAF}, {(byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, 0}};
        Buffer out = new Buffer();
        int at = in.length == 0 ? 0 : random.nextInt(in.length);
        out.write(in, 0, at).write(pick(bad)).write(in, at, in.length - at);
        return out.readByteArray();
    }

    byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    /** The body with a long string field, to push it over the 64 KiB error-body cap. */
    byte[] padded(byte[] in, int size) {
        String padding = "x".repeat(Math.max(0, size - in.length));
        return utf8("{\"message\":\"" + padding + "\",\"inner\":" + new String(in, StandardCharsets.UTF_8) + "}");
    }

    // ---------------------------------------------------------------- headers

    /** Random values of the headers the SDK reads. */
    Headers headers() {
        Headers.Builder h = new Headers.Builder();
        if (chance(50)) {
            h.add("Retry-After", headerValue());
        }
        if (chance(30)) {
            h.add("X-RateLimit-Reset", headerValue());
        }
        if (chance(60)) {
            h.add("X-Request-Id", chance(70) ? "req_" + Long.toHexString(random.nextLong()) : headerValue());
        }
        if (chance(15)) {
            h.add("Location", "http://example.com/" + Long.toHexString(random.nextLong()) + "?token=x");
        }
        return h.build();
    }

    String headerValue() {
        switch (random.nextInt(6)) {
            case 0:
                return pick(NUMBERS);
            case 1:
                return Integer.toString(between(-5, 100));
            case 2:
                return pick(new String[] {"Wed, 21 Oct 2015 07:28:00 GMT", "Sat, 02 May 2026 10:00:05 GMT",
                    "Fri, 31 Dec 9999 23:59:59 GMT", "yesterday", "", " ", "1.5", "0x10", "+5", "1,2"});
            case 3:
                return Long.toString(random.nextLong());
            case 4:
                return "1" + "0".repeat(between(10, 400));
            default:
                StringBuilder sb = new StringBuilder();
                int n = between(0, 40);
                for (int i = 0; i < n; i++) {
                    sb.append((char) between(0x20, 0x7e));
                }
                return sb.toString();
        }
    }

    String contentType() {
        return pick(new String[] {"application/json", "application/json; charset=utf-8", "text/html",
            "text/plain", "text/event-stream", "application/problem+json", "application/octet-stream", "",
            "application/json; charset=iso-8859-1", "garbage"});
    }

    // ---------------------------------------------------------------- byte splits

    /** The bytes as a source that hands them out in random splits (1 byte to a few KiB per read). */
    BufferedSource split(byte[] bytes) {
        Buffer all = new Buffer().write(bytes);
        long seed = random.nextLong();
        return Okio.buffer(new Source() {
            private final Random splits = new Random(seed);

            @Override
            public long read(Buffer sink, long byteCount) {
                if (all.size() == 0) {
                    return -1;
                }
                int max = splits.nextInt(10) < 7 ? 1 + splits.nextInt(16) : 1 + splits.nextInt(4096);
                long n = Math.min(Math.min(max, byteCount), all.size());
                sink.write(all, n);
                return n;
            }

            @Override
            public Timeout timeout() {
                return Timeout.NONE;
            }

            @Override
            public void close() {}
        });
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The input as a failure message can quote it: the seed, the index and the first bytes in hex. */
    static String describe(long seed, int index, byte[] input) {
        byte[] head = java.util.Arrays.copyOf(input, Math.min(input.length, 400));
        return "seed=" + seed + " input #" + index + " (" + input.length + " bytes): "
                + HexFormat.of().formatHex(head) + (input.length > head.length ? "..." : "");
    }
}
