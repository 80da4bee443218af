package dev.codespar.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codespar.errors.ApiError;
import dev.codespar.errors.BadRequestError;
import dev.codespar.errors.ErrorDetails;
import dev.codespar.errors.ForbiddenError;
import dev.codespar.errors.NotFoundError;
import dev.codespar.errors.ProviderError;
import dev.codespar.errors.ServerError;
import dev.codespar.errors.TooManyRequestsError;
import dev.codespar.errors.UnauthorizedError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import okhttp3.Headers;
import okhttp3.MediaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every error envelope shape the servers send parses, and nothing a server sends crashes the parser. */
class ErrorEnvelopeTest {

    private static final long NOW = 1_777_716_000_000L;
    private static final MediaType JSON = MediaType.get("application/json");

    private static ErrorDetails parse(int status, String body) {
        return parse(status, Headers.of(), body, JSON);
    }

    private static ErrorDetails parse(int status, Headers headers, String body, MediaType type) {
        return ErrorEnvelope.parse(status, headers, body.getBytes(StandardCharsets.UTF_8), false, type, null, NOW);
    }

    @Test
    void flatSeedEnvelope() {
        ErrorDetails d = parse(400, "{\"error\":\"invalid_request\",\"message\":\"Missing required field: amount\","
                + "\"status\":400,\"request_id\":\"req_a1b2c3d4\"}");
        assertThat(d.code()).isEqualTo("invalid_request");
        assertThat(d.message()).isEqualTo("Missing required field: amount");
        assertThat(d.requestId()).isEqualTo("req_a1b2c3d4");
        assertThat(d.status()).isEqualTo(400);
    }

    @Test
    void nestedEnvelope() {
        ErrorDetails d = parse(404, "{\"error\":{\"code\":\"not_found\",\"message\":\"Session not found\","
                + "\"details\":{\"id\":\"ses_1\"}},\"request_id\":\"req_e5f6\"}");
        assertThat(d.code()).isEqualTo("not_found");
        assertThat(d.message()).isEqualTo("Session not found");
        assertThat(d.requestId()).isEqualTo("req_e5f6");
        assertThat(d.body().path("error").path("details").path("id").asText()).isEqualTo("ses_1");
    }

    @Test
    void testModeTopLevelCodeKeepsExtras() {
        ErrorDetails d = parse(400, "{\"code\":\"mocks_invalid\",\"field\":\"/mocks/asaas~1create_payment\","
                + "\"message\":\"mock value must be an object or an array of objects\"}");
        assertThat(d.code()).isEqualTo("mocks_invalid");
        assertThat(d.message()).startsWith("mock value must be");
        assertThat(d.body().path("field").asText()).isEqualTo("/mocks/asaas~1create_payment");
        assertThat(ApiError.from(d)).isExactlyInstanceOf(BadRequestError.class);
    }

    @Test
    void webFrameworkShapeTakesCodeAndMessage() {
        ErrorDetails d = parse(400, "{\"statusCode\":400,\"code\":\"FST_ERR_VALIDATION\",\"error\":\"Bad Request\","
                + "\"message\":\"body must have required property 'tool'\"}");
        assertThat(d.code()).isEqualTo("FST_ERR_VALIDATION");
        assertThat(d.message()).isEqualTo("body must have required property 'tool'");
    }

    @Test
    void bareSentenceBecomesTheMessageWithNoCode() {
        ErrorDetails d = parse(404, "{\"error\":\"Session not found or closed\"}");
        assertThat(d.code()).isNull();
        assertThat(d.message()).isEqualTo("Session not found or closed");
        ApiError e = ApiError.from(d);
        assertThat(e).isExactlyInstanceOf(NotFoundError.class);
        assertThat(e.getMessage()).isEqualTo("HTTP 404: Session not found or closed");
    }

    @Test
    void bareCodeHasNoMessage() {
        ErrorDetails d = parse(401, "{\"error\":\"unauthorized\"}");
        assertThat(d.code()).isEqualTo("unauthorized");
        assertThat(d.message()).isNull();
        assertThat(ApiError.from(d).getMessage()).isEqualTo("unauthorized (401)");
    }

    @Test
    void dottedRuntimeCodesAreCodeShaped() {
        assertThat(parse(500, "{\"error\":\"mcp.close_failed\"}").code()).isEqualTo("mcp.close_failed");
        ErrorDetails sentence = parse(500, "{\"error\":\"mcp.close_failed: child exited\"}");
        assertThat(sentence.code()).isNull();
        assertThat(sentence.message()).isEqualTo("mcp.close_failed: child exited");
    }

    @Test
    void policyDenialReasonIsTheCode() {
        ErrorDetails d = parse(403, "{\"reason\":\"budget_exceeded\",\"ruleType\":\"budget\",\"ruleId\":\"rule_1\"}");
        assertThat(d.code()).isEqualTo("budget_exceeded");
        assertThat(ApiError.from(d)).isExactlyInstanceOf(ForbiddenError.class);
        assertThat(d.body().path("ruleId").asText()).isEqualTo("rule_1");
    }

    @Test
    void nonStringCodeIsSkipped() {
        ErrorDetails d = parse(400, "{\"code\":42,\"message\":\"numbers are not codes\"}");
        assertThat(d.code()).isNull();
        assertThat(d.message()).isEqualTo("numbers are not codes");
    }

    @Test
    void runtime429WithRetryAfterInBody() {
        ErrorDetails d = parse(429, "{\"error\":\"Too Many Requests\",\"retryAfter\":12}");
        assertThat(d.code()).isNull();
        assertThat(d.message()).isEqualTo("Too Many Requests");
        assertThat(d.retryAfter()).isEqualTo(Duration.ofSeconds(12));
        assertThat(ApiError.from(d)).isExactlyInstanceOf(TooManyRequestsError.class);
    }

    @Test
    void htmlProxyPageIsQuotedNotParsed() {
        String html = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body><h1>502 Bad Gateway</h1></body></html>";
        ErrorDetails d = parse(502, Headers.of("X-Request-Id", "req_edge"), html, MediaType.get("text/html"));
        assertThat(d.code()).isNull();
        assertThat(d.body()).isNull();
        assertThat(d.requestId()).isEqualTo("req_edge");
        assertThat(d.message()).startsWith("the error body was not a JSON envelope (text/html, ")
                .contains("<title>502 Bad Gateway</title>");
        assertThat(ApiError.from(d)).isExactlyInstanceOf(ProviderError.class);
    }

    @Test
    void emptyBodyHasNoMessage() {
        ErrorDetails d = parse(503, Headers.of(), "", null);
        assertThat(d.code()).isNull();
        assertThat(d.message()).isNull();
        assertThat(ApiError.from(d).getMessage()).isEqualTo("HTTP 503");
    }

    @Test
    void jsonWithTheWrongContentTypeIsStillParsed() {
        ErrorDetails d = parse(401, Headers.of(), "{\"error\":\"unauthorized\",\"message\":\"bad key\"}",
                MediaType.get("text/plain"));
        assertThat(d.code()).isEqualTo("unauthorized");
        assertThat(ApiError.from(d)).isExactlyInstanceOf(UnauthorizedError.class);
    }

    @Test
    void plainTextIsQuoted() {
        ErrorDetails d = parse(500, Headers.of(), "upstream connect error or disconnect/reset before headers",
                MediaType.get("text/plain"));
        assertThat(d.message()).contains("text/plain").contains("upstream connect error");
    }

    @Test
    void oversizedBodyIsNotParsedAndTheQuoteIsShort() {
        String big = "{\"error\":\"internal_error\",\"message\":\"" + "x".repeat(200_000) + "\"}";
        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        byte[] kept = java.util.Arrays.copyOf(bytes, ErrorEnvelope.MAX_BODY_BYTES);
        ErrorDetails d = ErrorEnvelope.parse(500, Headers.of(), kept, true, JSON, null, NOW);
        assertThat(d.body()).isNull();
        assertThat(d.message()).contains("over " + ErrorEnvelope.MAX_BODY_BYTES + " bytes");
        assertThat(d.message().length()).isLessThan(1_000);
        assertThat(ApiError.from(d)).isInstanceOf(ServerError.class);
    }

    @Test
    void invalidUtf8AndMalformedJsonNeverThrow() {
        byte[] bad = {'{', '"', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        ErrorDetails d = ErrorEnvelope.parse(400, Headers.of(), bad, false, JSON, null, NOW);
        assertThat(d.status()).isEqualTo(400);
        assertThat(d.message()).isNotNull();

        ErrorDetails truncated = parse(400, "{\"error\":\"invalid_req");
        assertThat(truncated.code()).isNull();
        assertThat(truncated.message()).contains("{\"error\":\"invalid_req");

        ErrorDetails deep = parse(400, "{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}");
        assertThat(deep.status()).isEqualTo(400);
    }

    @Test
    void nonObjectJsonIsQuoted() {
        ErrorDetails d = parse(400, "[\"invalid_request\"]");
        assertThat(d.code()).isNull();
        assertThat(d.body()).isNull();
        assertThat(d.message()).contains("[\"invalid_request\"]");
    }

    @Test
    void retryAfterInSecondsFractionsAndHttpDate() {
        assertThat(parse(429, Headers.of("Retry-After", "3"), "{}", JSON).retryAfter())
                .isEqualTo(Duration.ofSeconds(3));
        assertThat(parse(429, Headers.of("Retry-After", "1.5"), "{}", JSON).retryAfter())
                .isEqualTo(Duration.ofMillis(1500));
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(Instant.ofEpochMilli(NOW).plusSeconds(20), ZoneOffset.UTC));
        assertThat(parse(503, Headers.of("Retry-After", date), "{}", JSON).retryAfter())
                .isEqualTo(Duration.ofSeconds(20));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(Instant.ofEpochMilli(NOW).minusSeconds(20), ZoneOffset.UTC));
        assertThat(parse(503, Headers.of("Retry-After", past), "{}", JSON).retryAfter()).isEqualTo(Duration.ZERO);
        assertThat(parse(503, Headers.of("Retry-After", "soon"), "{}", JSON).retryAfter()).isNull();
        assertThat(parse(503, Headers.of("Retry-After", "-4"), "{}", JSON).retryAfter()).isEqualTo(Duration.ZERO);
    }

    @Test
    void rateLimitResetIsEpochSecondsAndFeedsRetryAfter() {
        long reset = NOW / 1000 + 42;
        ErrorDetails d = parse(429, Headers.of("X-RateLimit-Reset", String.valueOf(reset)), "{}", JSON);
        assertThat(d.rateLimitReset()).isEqualTo(Instant.ofEpochSecond(reset));
        assertThat(d.retryAfter()).isEqualTo(Duration.ofSeconds(42));

        ErrorDetails both = parse(429, Headers.of("X-RateLimit-Reset", String.valueOf(reset), "Retry-After", "5"),
                "{}", JSON);
        assertThat(both.retryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(both.rateLimitReset()).isEqualTo(Instant.ofEpochSecond(reset));

        assertThat(parse(429, Headers.of("X-RateLimit-Reset", "garbage"), "{}", JSON).rateLimitReset()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775807", "9999999999999999", "1e999999999", "253402300800", "-1",
        "100000000000000000000"})
    void anAbsurdRateLimitResetIsIgnoredInsteadOfOverflowing(String value) {
        ErrorDetails d = parse(429, Headers.of("X-RateLimit-Reset", value), "{\"error\":\"rate_limited\"}", JSON);
        assertThat(d.rateLimitReset()).isNull();
        assertThat(d.retryAfter()).isNull();
        assertThat(d.code()).isEqualTo("rate_limited");
        assertThat(parse(429, Headers.of("X-RateLimit-Reset", "253402300799"), "{}", JSON).rateLimitReset())
                .isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
    }

    @Test
    void shieldedRetryAfterOf503IsRead() {
        ErrorDetails d = parse(503, Headers.of(ErrorEnvelope.SHIELDED_RETRY_AFTER, "0"), "{}", JSON);
        assertThat(d.retryAfter()).isEqualTo(Duration.ZERO);
    }

    @Test
    void readFailureIsNamedInTheMessage() {
        ErrorDetails d = ErrorEnvelope.parse(502, Headers.of(), new byte[0], false, null, "SocketException", NOW);
        assertThat(d.message()).contains("cut short").contains("SocketException");
    }
}
