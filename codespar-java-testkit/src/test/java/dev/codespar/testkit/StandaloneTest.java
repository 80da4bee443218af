package dev.codespar.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fake as a process: its options, the lines it prints, its scenario file and its control routes. */
class StandaloneTest {

    private static final MediaType JSON = MediaType.get("application/json");
    private final OkHttpClient http = new OkHttpClient();

    private static Map<String, String> lines(ByteArrayOutputStream out) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            env.put(line.substring(0, eq), line.substring(eq + 1).strip());
        }
        return env;
    }

    private String call(Request request) throws IOException {
        try (Response r = http.newCall(request).execute()) {
            return r.code() + " " + r.body().string();
        }
    }

    @Test
    void itPrintsALocalhostBaseUrlAndTheKeyAndAppliesTheScenario(@TempDir Path dir) throws IOException {
        Path scenario = dir.resolve("scenario.json");
        Files.writeString(scenario, "{\"dialect\":\"hosted\",\"api_key\":\"csk_test_polyglot_0001\","
                + "\"require_connection\":[\"melhor-envio\"],"
                + "\"stubs\":{\"codespar_pay\":{\"respond\":[{\"id\":\"pay_scenario\",\"status\":\"pending\"}]}},"
                + "\"failures\":[{\"code\":\"rate_limited\",\"times\":1,\"path\":\"/v1/sessions\","
                + "\"retry_after_ms\":0}],"
                + "\"mandates\":[{\"consumer_id\":\"cons_1\",\"agent_id\":\"agent_1\",\"currency\":\"BRL\","
                + "\"cap_minor\":5000,\"per_tx_cap_minor\":1000,\"payees\":[\"ana@example.com\"]}]}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        try (FakeCodeSpar fake = FakeCodeSparMain.start(new String[] {"--port", "0", "--scenario",
                scenario.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8))) {
            Map<String, String> env = lines(out);
            assertThat(env.keySet()).containsExactly("CODESPAR_BASE_URL", "CODESPAR_API_KEY", "FAKE_CODESPAR_DIALECT",
                    "FAKE_CODESPAR_READY");
            assertThat(env.get("CODESPAR_BASE_URL")).isEqualTo("http://localhost:" + fake.port());
            assertThat(env.get("CODESPAR_API_KEY")).isEqualTo("csk_test_polyglot_0001");
            String base = env.get("CODESPAR_BASE_URL");
            Request create = new Request.Builder().url(base + "/v1/sessions")
                    .header("Authorization", "Bearer " + env.get("CODESPAR_API_KEY"))
                    .post(RequestBody.create("{\"servers\":[\"asaas\"],\"user_id\":\"u\"}", JSON)).build();

            assertThat(call(create)).startsWith("429 ");
            String created = call(create);
            assertThat(created).startsWith("201 ");
            String session = Raw.JSON.readTree(created.substring(4)).get("id").asText();
            String paid = call(new Request.Builder().url(base + "/v1/sessions/" + session + "/execute")
                    .header("Authorization", "Bearer " + env.get("CODESPAR_API_KEY"))
                    .post(RequestBody.create("{\"tool\":\"codespar_pay\",\"input\":{}}", JSON)).build());
            assertThat(paid).contains("pay_scenario");
            assertThat(fake.consumers().available("cons_1", "BRL")).isEqualTo(5000);
        }
    }

    @Test
    void theControlRoutesDriveItOverHttp() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FakeCodeSpar fake = FakeCodeSparMain.start(new String[] {"--dialect", "hosted"},
                new PrintStream(out, true, StandardCharsets.UTF_8)); Raw raw = new Raw(fake)) {
            String session = raw.session("asaas");
            String toolCall = raw.post("/v1/sessions/" + session + "/execute", SessionsTest.G3_PAY).json()
                    .get("tool_call_id").asText();

            assertThat(call(new Request.Builder().url(fake.baseUrl() + "/_fake/payments/" + toolCall + "/settle")
                    .post(RequestBody.create("{\"status\":\"succeeded\"}", JSON)).build())).isEqualTo("204 ");
            assertThat(raw.get("/v1/tool-calls/" + toolCall + "/payment-status").json().get("payment_status")
                    .asText()).isEqualTo("succeeded");
            String advanced = call(new Request.Builder().url(fake.baseUrl() + "/_fake/clock/advance")
                    .post(RequestBody.create("{\"seconds\":3600}", JSON)).build());
            assertThat(advanced).startsWith("200 ");
            JsonNode journal = Raw.JSON.readTree(call(new Request.Builder().url(fake.baseUrl() + "/_fake/journal")
                    .build()).substring(4));
            assertThat(journal.get("requests")).extracting(r -> r.get("path").asText()).contains("/v1/sessions");
            assertThat(journal.toString()).doesNotContain(fake.apiKey());
            assertThat(call(new Request.Builder().url(fake.baseUrl() + "/_fake/reset")
                    .post(RequestBody.create("{}", JSON)).build())).isEqualTo("204 ");
            assertThat(fake.sessions()).isEmpty();
            assertThat(call(new Request.Builder().url(fake.baseUrl() + "/_fake/payments/nope/settle")
                    .post(RequestBody.create("{\"status\":\"x\"}", JSON)).build())).startsWith("404 ");
        }
        try (FakeCodeSpar inJvm = FakeCodeSpar.start(); Raw raw = new Raw(inJvm)) {
            assertThat(raw.post("/_fake/reset", "{}").code()).as("an in-JVM fake serves no control route")
                    .isEqualTo(404);
        }
    }

    @Test
    void badOptionsAreRefusedWithTheirName() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> FakeCodeSparMain.start(new String[] {"--colour", "red"}, sink))
                .hasMessage("unknown option --colour");
        assertThatThrownBy(() -> FakeCodeSparMain.start(new String[] {"--port"}, sink))
                .hasMessage("--port needs a value");
        assertThatThrownBy(() -> FakeCodeSparMain.start(new String[] {"--dialect", "cloud"}, sink))
                .hasMessageContaining("hosted or runtime");
        assertThatThrownBy(() -> FakeCodeSpar.builder().host("8.8.8.8")).hasMessageContaining("loopback");
    }
}
