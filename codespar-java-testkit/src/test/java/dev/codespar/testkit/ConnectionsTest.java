package dev.codespar.testkit;

import static dev.codespar.testkit.SessionsTest.catchApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.errors.NeedsConnectionError;
import java.util.Map;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connections, Connect Links and proxy_execute. */
class ConnectionsTest {

    private FakeCodeSpar fake;
    private CodeSparClient client;
    private Raw raw;

    @BeforeEach
    void start() {
        fake = FakeCodeSpar.builder().requireConnection("melhor-envio").start();
        client = fake.client();
        raw = new Raw(fake);
    }

    @AfterEach
    void stop() {
        raw.close();
        client.close();
        fake.close();
    }

    private JsonNode connections(String session) {
        return raw.get("/v1/sessions/" + session + "/connections").json();
    }

    @Test
    void connectionsListServersAndTools() {
        String session = raw.session("asaas", "melhor-envio");

        JsonNode body = connections(session);

        JsonNode asaas = body.get("servers").get(0);
        assertThat(asaas.fieldNames()).toIterable().containsExactly("id", "name", "category", "country",
                "auth_type", "connected");
        assertThat(asaas.get("id").asText()).isEqualTo("asaas");
        assertThat(asaas.get("connected").asBoolean()).isTrue();
        JsonNode shipping = body.get("servers").get(1);
        assertThat(shipping.get("auth_type").asText()).isEqualTo("oauth");
        assertThat(shipping.get("connected").asBoolean()).isFalse();
        JsonNode tool = body.get("tools").get(0);
        assertThat(tool.fieldNames()).toIterable().containsExactly("name", "description", "input_schema", "server");
        assertThat(body.get("tools")).extracting(t -> t.get("name").asText())
                .contains("codespar_pay", "codespar_ship", "codespar_discover");
    }

    @Test
    void aPendingServerNeedsAConnectionUntilTheLinkIsOpened() {
        Session session = client.create("user_1", SessionConfig.builder().servers("asaas", "melhor-envio").build());

        NeedsConnectionError e = (NeedsConnectionError) catchApi(
                () -> session.execute("codespar_ship", Inputs.SHIP_QUOTE));
        Raw.Reply opened = raw.call(new Request.Builder().url(e.getConnectUrl()).build());

        assertThat(e.getStatus()).isEqualTo(422);
        assertThat(e.getServerMessage()).isEqualTo("Connect melhor-envio first");
        assertThat(opened.code()).isEqualTo(200);
        assertThat(connections(session.getId()).get("servers").get(1).get("connected").asBoolean()).isTrue();
        assertThat(session.execute("codespar_ship", Inputs.SHIP_QUOTE).server()).isEqualTo("melhor-envio");
    }

    @Test
    void connectAndCompleteConnectLinkAreTheProgrammaticWays() {
        String first = raw.session("melhor-envio");
        String second = raw.session("melhor-envio");

        fake.connect(first, "melhor-envio");

        assertThat(fake.session(first).orElseThrow().connections()).containsEntry("melhor-envio", true);
        assertThat(fake.session(second).orElseThrow().connections()).containsEntry("melhor-envio", false);
        String url = raw.post("/v1/sessions/" + second + "/execute", "{\"tool\":\"codespar_ship\",\"input\":{}}")
                .json().get("connect_url").asText();
        fake.completeConnectLink(url);
        assertThat(fake.session(second).orElseThrow().connections()).containsEntry("melhor-envio", true);
        assertThatThrownBy(() -> fake.connect(first, "asaas")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fake.completeConnectLink("lnk_nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void connectAfterPollsConnectsWhileTheAppWaits() {
        try (FakeCodeSpar polling = FakeCodeSpar.builder().requireConnection("melhor-envio").connectAfterPolls(3)
                .start(); Raw r = new Raw(polling)) {
            String session = r.session("asaas", "melhor-envio");
            String path = "/v1/sessions/" + session + "/connections";

            assertThat(r.get(path).json().get("servers").get(1).get("connected").asBoolean()).isFalse();
            assertThat(r.get(path).json().get("servers").get(1).get("connected").asBoolean()).isFalse();
            assertThat(r.get(path).json().get("servers").get(1).get("connected").asBoolean()).isTrue();
        }
    }

    @Test
    void connectStartIssuesALinkThatConnectsTheUsersSessions() {
        String session = raw.session("melhor-envio");

        Raw.Reply r = raw.post("/v1/connect/start",
                "{\"server_id\":\"melhor-envio\",\"user_id\":\"user_1\",\"redirect_uri\":\"https://app.example.com/ok\"}");

        assertThat(r.code()).isEqualTo(200);
        JsonNode link = r.json();
        assertThat(link.fieldNames()).toIterable().containsExactly("link_token", "authorize_url", "expires_at");
        assertThat(link.get("link_token").asText()).startsWith("lnk_");
        assertThat(link.get("authorize_url").asText()).isEqualTo(fake.baseUrl() + "/connect/"
                + link.get("link_token").asText());
        assertThat(java.time.Instant.parse(link.get("expires_at").asText())).isAfter(fake.now());
        raw.call(new Request.Builder().url(link.get("authorize_url").asText()).build());
        assertThat(connections(session).get("servers").get(0).get("connected").asBoolean()).isTrue();
    }

    @Test
    void connectStartValidatesItsBody() {
        assertThat(raw.post("/v1/connect/start", "{\"server_id\":\"asaas\",\"user_id\":\"u\"}").json()
                .get("message").asText()).isEqualTo("Missing required field: redirect_uri");
        assertThat(raw.post("/v1/connect/start",
                "{\"server_id\":\"nope\",\"user_id\":\"u\",\"redirect_uri\":\"https://a.b/c\"}").json()
                .get("error").asText()).isEqualTo("unknown_servers");
        assertThat(raw.post("/v1/connect/start",
                "{\"server_id\":\"asaas\",\"user_id\":\"u\",\"redirect_uri\":\"not a url\"}").code()).isEqualTo(400);
    }

    @Test
    void anExpiredLinkNoLongerConnects() {
        String url = raw.post("/v1/connect/start",
                "{\"server_id\":\"asaas\",\"user_id\":\"u\",\"redirect_uri\":\"https://a.b/c\"}").json()
                .get("authorize_url").asText();
        fake.advanceTime(java.time.Duration.ofMinutes(31));

        Raw.Reply r = raw.call(new Request.Builder().url(url).build());

        assertThat(r.code()).isEqualTo(404);
        assertThat(r.json().get("message").asText()).isEqualTo("Connect link expired");
    }

    @Test
    void manageConnectionsInitiateGivesALiveConnectUrl() {
        Session session = client.create("user_1", SessionConfig.builder().servers("melhor-envio").build());

        JsonNode init = session.execute("codespar_manage_connections",
                Map.of("action", "initiate", "server_id", "melhor-envio")).data().get("initiate");
        raw.call(new Request.Builder().url(init.get("connect_url").asText()).build());

        assertThat(init.get("auth_type").asText()).isEqualTo("oauth");
        assertThat(fake.session(session.getId()).orElseThrow().connections()).containsEntry("melhor-envio", true);
    }

    @Test
    void proxyExecuteEchoesByDefaultAndAnswersStubs() {
        String session = raw.session("asaas");
        fake.onProxy("asaas", "POST", "/v3/payments").respond(201, Map.of("id", "pay_1"))
                .header("x-provider", "asaas");

        JsonNode echo = raw.post("/v1/sessions/" + session + "/proxy_execute",
                "{\"server\":\"asaas\",\"endpoint\":\"/v3/customers\",\"method\":\"GET\",\"params\":{\"limit\":1}}")
                .json();
        JsonNode stubbed = raw.post("/v1/sessions/" + session + "/proxy_execute",
                "{\"server\":\"asaas\",\"endpoint\":\"/v3/payments\",\"method\":\"POST\",\"body\":{\"value\":10}}")
                .json();

        assertThat(echo.fieldNames()).toIterable().containsExactly("status", "data", "headers", "duration",
                "proxy_call_id");
        assertThat(echo.get("status").asInt()).isEqualTo(200);
        assertThat(echo.get("data").get("echo").get("params").get("limit").asInt()).isEqualTo(1);
        assertThat(echo.get("proxy_call_id").asText()).startsWith("pc_");
        assertThat(stubbed.get("status").asInt()).isEqualTo(201);
        assertThat(stubbed.get("data").get("id").asText()).isEqualTo("pay_1");
        assertThat(stubbed.get("headers").get("x-provider").asText()).isEqualTo("asaas");
    }

    @Test
    void proxyExecuteChecksServerMethodAndConnection() {
        String session = raw.session("asaas", "melhor-envio");
        String path = "/v1/sessions/" + session + "/proxy_execute";

        assertThat(raw.post(path, "{\"endpoint\":\"/x\",\"method\":\"GET\"}").json().get("message").asText())
                .isEqualTo("Missing required field: server");
        assertThat(raw.post(path, "{\"server\":\"asaas\",\"endpoint\":\"/x\",\"method\":\"TRACE\"}").code())
                .isEqualTo(400);
        assertThat(raw.post(path, "{\"server\":\"zoop\",\"endpoint\":\"/x\",\"method\":\"GET\"}").code())
                .isEqualTo(400);
        Raw.Reply pending = raw.post(path, "{\"server\":\"melhor-envio\",\"endpoint\":\"/x\",\"method\":\"GET\"}");
        assertThat(pending.code()).isEqualTo(422);
        assertThat(pending.json().get("connect_url").asText()).startsWith(fake.baseUrl() + "/connect/");
    }
}
