package dev.codespar.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/** The canned wire traffic every benchmark uses, on the SDK and the raw side alike. */
public final class Fixtures {

    private Fixtures() {}

    /** The API key both sides send. */
    public static final String API_KEY = "csk_test_benchmark0000000000";
    /** The session the canned create answer names. */
    public static final String SESSION_ID = "ses_HZb4d5yxIAxLawb4";
    /** A session whose execute is always answered 429 {@code rate_limited}. */
    public static final String LIMITED_SESSION_ID = "ses_rateLimited0001";
    /** The user id of every create. */
    public static final String USER_ID = "user_bench_1";
    /** A create for this user is answered with {@link #LIMITED_SESSION_ID}. */
    public static final String LIMITED_USER_ID = "user_limited";
    /** The tool of every execute. */
    public static final String TOOL = "codespar_pay";

    /** The tool input of every execute. */
    public static Map<String, Object> toolInput() {
        return INPUT;
    }

    private static final Map<String, Object> INPUT = Map.of(
            "action", "pay", "amount", 1000, "currency", "BRL", "method", "pix", "recipient", "ana@example.com");

    /** The servers of every create. */
    public static final List<String> SERVERS = List.of("asaas", "nuvem-fiscal");

    /** {@code POST /v1/sessions}: 201. */
    public static final byte[] SESSION_JSON = utf8("{\"id\":\"" + SESSION_ID + "\",\"user_id\":\"" + USER_ID
            + "\",\"servers\":[\"asaas\",\"nuvem-fiscal\"],\"status\":\"active\","
            + "\"created_at\":\"2025-05-01T12:00:00.000Z\"}");

    /** {@code POST /v1/sessions} for {@link #LIMITED_USER_ID}: 201. */
    public static final byte[] LIMITED_SESSION_JSON = utf8("{\"id\":\"" + LIMITED_SESSION_ID + "\",\"user_id\":\""
            + LIMITED_USER_ID + "\",\"servers\":[\"asaas\"],\"status\":\"active\"}");

    /** {@code POST /v1/sessions/{id}/execute}: 200, a Pix charge. */
    public static final byte[] TOOL_RESULT_JSON = utf8("{\"success\":true,\"data\":{\"id\":\"pay_8f2k1Lq\","
            + "\"status\":\"pending\",\"amount\":1000,\"currency\":\"BRL\",\"method\":\"pix\",\"pix\":{\"qr_code\":"
            + "\"00020126580014br.gov.bcb.pix0136a629532e-7693-4846-852d-1bbff817b5a8520400005303986540510.005802BR\","
            + "\"expires_at\":\"2025-05-01T12:30:00Z\"}},\"error\":null,\"duration\":182,\"server\":\"asaas\","
            + "\"tool\":\"codespar_pay\",\"tool_call_id\":\"tc_01HZX3KQ7W\",\"called_at\":\"2025-05-01T12:00:01.234Z\"}");

    /** A 429 {@code rate_limited} envelope. */
    public static final byte[] RATE_LIMITED_JSON = utf8("{\"error\":\"rate_limited\",\"message\":\"Too many requests,"
            + " slow down\",\"status\":429,\"request_id\":\"req_bench_429\"}");

    /** The request id header of every answer. */
    public static final String REQUEST_ID = "req_bench_01HZX3";

    // ---------------------------------------------------------------- server-sent events

    private static final byte[] TEXT = utf8("event: assistant_text\ndata: {\"type\":\"assistant_text\","
            + "\"content\":\"Cobran\u00e7a Pix de R$ 10,00 criada para ana@example.com\",\"iteration\":0}\n\n");
    private static final byte[] TOOL_USE = utf8("event: tool_use\ndata: {\"type\":\"tool_use\",\"id\":\"tu_01\","
            + "\"name\":\"codespar_pay\",\"input\":{\"amount\":1000,\"currency\":\"BRL\",\"method\":\"pix\"},"
            + "\"iteration\":0}\n\n");
    private static final byte[] TOOL_RESULT = utf8(": keep-alive\nevent: tool_result\ndata: {\"type\":\"tool_result\","
            + "\"toolCall\":{\"id\":\"tc_01\",\"tool_name\":\"codespar_pay\",\"server_id\":\"asaas\",\"status\":"
            + "\"success\",\"duration_ms\":182,\"input\":{\"amount\":1000},\"output\":{\"id\":\"pay_1\"}}}\n\n");
    private static final byte[] DONE = utf8("event: done\ndata: {\"type\":\"done\",\"result\":{\"message\":\"Pronto\","
            + "\"iterations\":1,\"tool_calls\":[]}}\n\n");

    /**
     * Event {@code i} of a send stream of {@code total} events (TypeScript dialect): eight texts, a tool use and a
     * tool result (after a comment line) in every ten, the last one {@code done}.
     */
    public static byte[] event(long i, long total) {
        if (i == total - 1) {
            return DONE;
        }
        int k = (int) (i % 10);
        return k < 8 ? TEXT : k == 8 ? TOOL_USE : TOOL_RESULT;
    }

    /** A whole send stream of {@code total} events in memory. */
    public static byte[] stream(int total) {
        Buffer buffer = new Buffer();
        for (int i = 0; i < total; i++) {
            buffer.write(event(i, total));
        }
        return buffer.readByteArray();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
