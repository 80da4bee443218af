package dev.codespar.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.errors.ErrorDetails;
import dev.codespar.internal.json.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * The lenient parser of CodeSpar error answers. It understands every envelope seen on the wire (flat, nested,
 * top-level {@code code}, a sentence in {@code error}, a web framework's {@code statusCode}/{@code error} pair) and
 * never fails: HTML, plain text, empty, invalid UTF-8 or oversized bodies become a message, and the class is then
 * chosen by the HTTP status.
 */
public final class ErrorEnvelope {

    /** The most of an error body ever held in memory. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    /** How much of a non-JSON body is quoted in the message. */
    static final int MAX_QUOTED_CHARS = 300;

    /** The header the SDK moves a 503's {@code Retry-After} to, so that OkHttp does not re-send by itself. */
    static final String SHIELDED_RETRY_AFTER = "X-CodeSpar-Retry-After";

    private static final BigDecimal TEN_YEARS_SECONDS = BigDecimal.valueOf(315_360_000L);

    /** 9999-12-31T23:59:59Z. */
    private static final BigDecimal MAX_EPOCH_SECONDS = BigDecimal.valueOf(253_402_300_799L);

    private static final Pattern CODE_SHAPED = Pattern.compile("^[a-z][a-z0-9_.]*$");

    private ErrorEnvelope() {}

    /**
     * Reads a non-2xx answer into error details; reads at most {@link #MAX_BODY_BYTES} of the body.
     *
     * @param response the answer (not closed here)
     * @param nowMillis the current time, for HTTP-date and epoch hints
     * @return the details, with zero attempts
     */
    public static ErrorDetails read(Response response, long nowMillis) {
        byte[] bytes;
        boolean truncated = false;
        String readFailure = null;
        ResponseBody body = response.body();
        if (body == null) {
            bytes = new byte[0];
        } else {
            Buffer buffer = new Buffer();
            try {
                BufferedSource source = body.source();
                truncated = source.request(MAX_BODY_BYTES + 1L);
                long available = Math.min(source.getBuffer().size(), MAX_BODY_BYTES);
                source.read(buffer, available);
            } catch (IOException e) {
                readFailure = e.getClass().getSimpleName();
            }
            bytes = buffer.readByteArray();
        }
        // the content type is parsed only to describe a body that is not a JSON envelope
        return parse(response.code(), response.headers(), bytes, truncated,
                () -> body == null ? null : body.contentType(), readFailure, nowMillis);
    }

    /**
     * Parses an error body already in memory.
     *
     * @param status the HTTP status line
     * @param headers the answer's headers
     * @param bytes the body (at most {@link #MAX_BODY_BYTES})
     * @param truncated whether the body was longer than what {@code bytes} holds
     * @param type the declared content type, or {@code null}
     * @param readFailure the name of the I/O failure that cut the body short, or {@code null}
     * @param nowMillis the current time
     * @return the details, with zero attempts
     */
    public static ErrorDetails parse(int status, Headers headers, byte[] bytes, boolean truncated, MediaType type,
            String readFailure, long nowMillis) {
        return parse(status, headers, bytes, truncated, () -> type, readFailure, nowMillis);
    }

    private static ErrorDetails parse(int status, Headers headers, byte[] bytes, boolean truncated,
            Supplier<MediaType> type, String readFailure, long nowMillis) {
        JsonNode json = truncated ? null : tryParseObject(bytes);
        String code = null;
        String message = null;
        String requestId = null;
        Duration bodyRetryAfter = null;
        if (json != null) {
            JsonNode error = json.get("error");
            code = codeOf(json, error);
            message = messageOf(json, error);
            requestId = text(json.get("request_id"));
            if (requestId == null && error != null && error.isObject()) {
                requestId = text(error.get("request_id"));
            }
            bodyRetryAfter = seconds(json.get("retryAfter"));
        } else {
            message = describeNonJson(bytes, truncated, type.get());
        }
        if (status >= 300 && status < 400 && (json == null || message == null)) {
            message = redirectMessage(status, headers.get("Location"));
        }
        if (readFailure != null) {
            message = (message == null ? "" : message + " ") + "(the body was cut short: " + readFailure + ")";
        }
        if (requestId == null) {
            requestId = blankToNull(headers.get("X-Request-Id"));
        }
        Instant reset = rateLimitReset(headers.get("X-RateLimit-Reset"), nowMillis);
        Duration retryAfter = retryAfter(headers, nowMillis);
        if (retryAfter == null) {
            retryAfter = bodyRetryAfter;
        }
        if (retryAfter == null && reset != null) {
            retryAfter = nonNegative(Duration.ofMillis(reset.toEpochMilli() - nowMillis));
        }
        return new ErrorDetails(code, status, message, requestId, retryAfter, reset, json, 0);
    }

    /** The code: {@code error.code}, a code-shaped {@code error}, a top-level {@code code}, then {@code reason}. */
    private static String codeOf(JsonNode json, JsonNode error) {
        if (error != null && error.isObject()) {
            String nested = text(error.get("code"));
            if (nested != null) {
                return nested;
            }
        }
        String flat = text(error);
        if (flat != null && CODE_SHAPED.matcher(flat).matches()) {
            return flat;
        }
        String top = text(json.get("code"));
        if (top != null) {
            return top;
        }
        return text(json.get("reason"));
    }

    /** The message: {@code message}, {@code error.message}, or {@code error} when it is a sentence. */
    private static String messageOf(JsonNode json, JsonNode error) {
        String top = text(json.get("message"));
        if (top != null) {
            return top;
        }
        if (error != null && error.isObject()) {
            return text(error.get("message"));
        }
        String sentence = text(error);
        return sentence != null && !CODE_SHAPED.matcher(sentence).matches() ? sentence : null;
    }

    private static JsonNode tryParseObject(byte[] bytes) {
        int i = 0;
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) {
            i++;
        }
        if (i == bytes.length || bytes[i] != '{') {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(bytes);
            return node != null && node.isObject() ? node : null;
        } catch (IOException | RuntimeException e) {
            // not JSON after all (invalid UTF-8, too deep, malformed): the message quotes it instead
            return null;
        }
    }

    /** A redirect is not followed: the message says where it pointed, without the target's query. */
    private static String redirectMessage(int status, String location) {
        String target = location == null ? "no Location" : withoutQuery(location.strip());
        if (target.length() > MAX_QUOTED_CHARS) {
            target = target.substring(0, MAX_QUOTED_CHARS) + "...";
        }
        return "the server answered " + status + " redirecting to " + target + "; the SDK does not follow redirects"
                + " (a POST would be sent again, or turned into a GET): check baseUrl";
    }

    /**
     * A URL fit to print: its query (which may carry a token) and fragment are replaced by {@code ?...}.
     *
     * @param url a URL, or {@code null}
     * @return the URL without its query, or {@code null}
     */
    public static String withoutQuery(String url) {
        if (url == null) {
            return null;
        }
        int cut = url.indexOf('?');
        int hash = url.indexOf('#');
        if (cut < 0 || (hash >= 0 && hash < cut)) {
            cut = hash;
        }
        return cut < 0 ? url : url.substring(0, cut) + "?...";
    }

    private static String describeNonJson(byte[] bytes, boolean truncated, MediaType type) {
        if (bytes.length == 0) {
            return null;
        }
        String kind = type == null ? "no content type" : type.type() + "/" + type.subtype();
        String text = new String(bytes, 0, Math.min(bytes.length, MAX_QUOTED_CHARS * 4), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ")
                .strip();
        if (text.length() > MAX_QUOTED_CHARS) {
            text = text.substring(0, MAX_QUOTED_CHARS) + "...";
        }
        String size = truncated ? "over " + MAX_BODY_BYTES + " bytes" : bytes.length + " bytes";
        return "the error body was not a JSON envelope (" + kind + ", " + size + "): " + text;
    }

    private static Duration retryAfter(Headers headers, long nowMillis) {
        String value = headers.get("Retry-After");
        if (value == null) {
            value = headers.get(SHIELDED_RETRY_AFTER);
        }
        value = blankToNull(value);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal secs = new BigDecimal(value).min(TEN_YEARS_SECONDS);
            return secs.signum() < 0 ? Duration.ZERO : Duration.ofMillis(secs.movePointRight(3).longValue());
        } catch (NumberFormatException | ArithmeticException notSeconds) {
            try {
                ZonedDateTime date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                return nonNegative(Duration.ofMillis(date.toInstant().toEpochMilli() - nowMillis));
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    /**
     * {@code X-RateLimit-Reset} is epoch seconds; a small value is read as seconds from now. A negative value or one
     * past the year 9999 is ignored (it would overflow the arithmetic of the wait).
     */
    private static Instant rateLimitReset(String value, long nowMillis) {
        value = blankToNull(value);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal seconds = new BigDecimal(value);
            if (seconds.signum() < 0 || seconds.compareTo(MAX_EPOCH_SECONDS) > 0) {
                return null;
            }
            long n = seconds.longValue();
            return n < 1_000_000_000L ? Instant.ofEpochMilli(nowMillis + n * 1000) : Instant.ofEpochSecond(n);
        } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
            return null;
        }
    }

    private static Duration seconds(JsonNode node) {
        if (node == null || !node.isNumber() || node.asDouble() < 0 || node.asDouble() > 86_400 * 365) {
            return null;
        }
        return Duration.ofMillis((long) (node.asDouble() * 1000));
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? blankToNull(node.asText()) : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
