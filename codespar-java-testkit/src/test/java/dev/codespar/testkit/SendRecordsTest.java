package dev.codespar.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tool-call records of a hosted {@code send}: a refused call's {@code output} is the code object the official
 * guards read ({@code isToolNotMocked}: {@code code}, {@code tool_name}, {@code message} strings;
 * {@code isMocksExhausted}: {@code code}, {@code message}), a {@code needs_connection} keeps its link, and
 * {@code server_id} is always a string.
 */
class SendRecordsTest {

    /** The official guard's rule: a non-array object, the code, and every listed sibling a string. */
    private static boolean guard(JsonNode output, String code, String... siblings) {
        if (output == null || !output.isObject() || !code.equals(output.path("code").asText(null))) {
            return false;
        }
        for (String s : siblings) {
            if (!output.path(s).isTextual()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void refusedCallsCarryCodeObjectsTheOfficialGuardsRead() {
        try (FakeCodeSpar fake = FakeCodeSpar.builder().requireConnection("melhor-envio").start();
                Raw raw = new Raw(fake)) {
            String session = raw.post("/v1/sessions", "{\"servers\":[\"asaas\",\"melhor-envio\"],\"user_id\":\"u\","
                    + "\"mocks\":{\"asaas/get_payment\":[{\"status\":\"PENDING\"}]}}").json().get("id").asText();
            fake.onSend().callTool("asaas/get_payment", Map.of()).callTool("asaas/get_payment", Map.of())
                    .callTool("asaas/refund_payment", Map.of());

            JsonNode calls = raw.post("/v1/sessions/" + session + "/send", "{\"message\":\"go\"}").json()
                    .get("tool_calls");

            assertThat(calls.get(0).get("status").asText()).isEqualTo("success");
            JsonNode exhausted = calls.get(1);
            assertThat(exhausted.get("error_code").asText()).isEqualTo("mocks_exhausted");
            assertThat(guard(exhausted.get("output"), "mocks_exhausted", "message")).isTrue();
            JsonNode notMocked = calls.get(2);
            assertThat(guard(notMocked.get("output"), "tool_not_mocked", "tool_name", "message")).isTrue();
            assertThat(notMocked.at("/output/tool_name").asText()).isEqualTo("asaas/refund_payment");
            for (JsonNode c : calls) {
                assertThat(c.get("server_id").isTextual()).isTrue();
                assertThat(c.get("id").asText()).startsWith("tc_");
            }
        }
    }

    @Test
    void aNeedsConnectionRecordKeepsItsConnectUrlAndAnUnroutedToolItsServer() {
        try (FakeCodeSpar fake = FakeCodeSpar.builder().requireConnection("melhor-envio").start();
                Raw raw = new Raw(fake)) {
            String session = raw.session("melhor-envio");
            fake.onSend().callTool("codespar_ship", Inputs.SHIP_QUOTE).callTool("codespar_pay", Inputs.PAY);

            JsonNode calls = raw.post("/v1/sessions/" + session + "/send", "{\"message\":\"go\"}").json()
                    .get("tool_calls");

            JsonNode ship = calls.get(0);
            assertThat(ship.get("error_code").asText()).isEqualTo("needs_connection");
            assertThat(ship.get("server_id").asText()).isEqualTo("melhor-envio");
            String url = ship.at("/output/connect_url").asText();
            assertThat(url).startsWith(fake.baseUrl() + "/connect/lnk_");
            JsonNode pay = calls.get(1);
            assertThat(pay.get("error_code").asText()).isEqualTo("no_eligible_providers");
            assertThat(pay.get("server_id").asText()).isEqualTo("codespar");
            raw.call(new okhttp3.Request.Builder().url(url).build());
            assertThat(fake.session(session).orElseThrow().connections()).containsEntry("melhor-envio", true);
        }
    }
}
