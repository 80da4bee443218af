package dev.codespar.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.TestSupport;
import dev.codespar.errors.NetworkError;
import dev.codespar.policy.ToolPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapters' shared core: tool shapes, the path of a model's call, duplicate protection, error translation. */
class ToolDispatcherTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOOLS = "{\"servers\":[{\"id\":\"asaas\",\"connected\":true}],\"tools\":["
            + "{\"name\":\"codespar_pay\",\"description\":\"Pay via Pix\",\"server\":\"codespar\",\"input_schema\":"
            + "{\"type\":\"object\",\"properties\":{\"amount\":{\"type\":\"number\"}},\"required\":[\"amount\"]}},"
            + "{\"name\":\"asaas/create_payment\",\"description\":\"Asaas payment\",\"server\":\"asaas\"},"
            + "{\"name\":\"codespar_ship\",\"description\":\"Ship\",\"input_schema\":{\"properties\":{}}}]}";

    private MockWebServer server;
    private CodeSparClient client;
    private Session session;
    private final List<String> executes = new CopyOnWriteArrayList<>();
    private volatile MockResponse answer = TestSupport.toolOk();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean hold;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                String path = request.getPath();
                if (path.equals("/v1/sessions")) {
                    return TestSupport.json(201, "{\"id\":\"ses_1\",\"servers\":[\"asaas\"],\"status\":\"active\"}");
                }
                if (path.endsWith("/connections")) {
                    return TestSupport.json(200, TOOLS);
                }
                executes.add(request.getBody().readUtf8());
                if (hold) {
                    release.await(10, TimeUnit.SECONDS);
                }
                return answer;
            }
        });
        server.start();
        client = CodeSparClient.builder().apiKey(TestSupport.KEY).baseUrl(server.url("/").toString()).maxRetries(0)
                .build();
        session = client.create("u", SessionConfig.builder().servers("asaas").build());
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        client.close();
        server.shutdown();
    }

    private static JsonNode content(ToolCallAnswer answer) throws Exception {
        assertThat(answer.content()).doesNotContain(TestSupport.KEY).doesNotContain("Bearer");
        return JSON.readTree(answer.content());
    }

    @Test
    void toolsHaveNamesEveryFrameworkAcceptsAndObjectSchemas() {
        List<AgentTool> tools = ToolDispatcher.of(session).tools();
        assertThat(tools).extracting(AgentTool::name)
                .containsExactly("codespar_pay", "asaas__create_payment", "codespar_ship");
        assertThat(tools).extracting(AgentTool::toolName)
                .containsExactly("codespar_pay", "asaas/create_payment", "codespar_ship");
        assertThat(tools.get(0).parameters().path("required").get(0).asText()).isEqualTo("amount");
        assertThat(tools.get(1).parameters().toString()).isEqualTo("{\"type\":\"object\",\"properties\":{}}");
        assertThat(tools.get(2).parameters().path("type").asText()).isEqualTo("object");
        assertThat(ToolNames.frameworkName("nuvem-fiscal/nfse.emit")).isEqualTo("nuvem-fiscal__nfse_emit");
        String longName = "server/" + "x".repeat(80);
        assertThat(ToolNames.frameworkName(longName)).hasSize(64).matches("^[a-zA-Z0-9_-]{1,64}$")
                .isNotEqualTo(ToolNames.frameworkName(longName + "y"));
    }

    @Test
    void aCallRunsThroughTheSessionAndAnswersWithTheData() throws Exception {
        ToolCallAnswer a = ToolDispatcher.of(session).dispatch("call_1", "asaas__create_payment", "{\"value\":10}");
        assertThat(a.error()).isFalse();
        assertThat(a.callId()).isEqualTo("call_1");
        assertThat(a.toolResult()).isPresent();
        JsonNode json = content(a);
        assertThat(json.path("success").asBoolean()).isTrue();
        assertThat(json.path("data").path("id").asText()).isEqualTo("pay_1");
        assertThat(json.path("tool_call_id").asText()).isEqualTo("tc_42");
        assertThat(executes).singleElement().satisfies(body ->
                assertThat(body).isEqualTo("{\"tool\":\"asaas/create_payment\",\"input\":{\"value\":10}}"));
    }

    @Test
    void aRepeatedCallIdExecutesOnceEvenWhenTheRepeatsRace() throws Exception {
        ToolDispatcher tools = ToolDispatcher.of(session);
        hold = true;
        List<CompletableFuture<ToolCallAnswer>> repeats = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            repeats.add(tools.dispatchAsync("call_pay", "codespar_pay", "{\"amount\":1000}"));
        }
        release.countDown();
        for (CompletableFuture<ToolCallAnswer> r : repeats) {
            assertThat(r.get(10, TimeUnit.SECONDS).content()).isEqualTo(repeats.get(0).get().content());
        }
        assertThat(tools.dispatch("call_pay", "codespar_pay", "{\"amount\":999}").content())
                .as("the first answer, whatever the repeat says").isEqualTo(repeats.get(0).get().content());
        tools.dispatch("call_other", "codespar_pay", "{\"amount\":1000}");
        assertThat(executes).hasSize(2);
    }

    @Test
    void aToolTheDispatcherDoesNotOfferIsNeverExecuted() throws Exception {
        ToolDispatcher payOnly = ToolDispatcher.builder(session).filter(t -> t.toolName().equals("codespar_pay"))
                .build();
        assertThat(payOnly.tools()).extracting(AgentTool::name).containsExactly("codespar_pay");
        ToolCallAnswer hidden = payOnly.dispatch("c1", "asaas__create_payment", "{}");
        assertThat(hidden.error()).isTrue();
        assertThat(content(hidden).path("error").asText()).isEqualTo("unknown_tool");
        ToolCallAnswer bad = payOnly.dispatch("c2", "codespar_pay", "{not json");
        assertThat(content(bad).path("error").asText()).isEqualTo("invalid_arguments");
        ToolCallAnswer array = payOnly.dispatch("c3", "codespar_pay", "[1]");
        assertThat(content(array).path("message").asText()).contains("got array");
        assertThat(executes).isEmpty();
    }

    @Test
    void aDispatcherPolicyAddsToTheSessionsAndDeniesWithoutARequest() throws Exception {
        Session guarded = session.withPolicy(ToolPolicy.deny("codespar_ship"));
        ToolDispatcher tools = ToolDispatcher.builder(guarded).policy(ToolPolicy.maxAmountPerCall("BRL", 500)).build();
        ToolCallAnswer ship = tools.dispatch("c1", "codespar_ship", "{}");
        ToolCallAnswer big = tools.dispatch("c2", "codespar_pay", "{\"amount\":501,\"currency\":\"BRL\"}");
        for (ToolCallAnswer denied : List.of(ship, big)) {
            assertThat(denied.error()).isTrue();
            assertThat(content(denied).path("error").asText()).isEqualTo("policy_denied");
        }
        assertThat(content(ship).path("rule_id").asText()).isEqualTo("tool_denied");
        assertThat(content(big).path("rule_id").asText()).isEqualTo("amount_cap");
        assertThat(content(big).path("message").asText()).contains("do not try to get around it");
        assertThat(executes).isEmpty();
    }

    @Test
    void outcomesBecomeAnswersTheModelCanActOn() throws Exception {
        ToolDispatcher tools = ToolDispatcher.of(session);
        answer = TestSupport.json(422, "{\"error\":\"needs_connection\",\"message\":\"Connect asaas first\","
                + "\"connect_url\":\"https://connect.codespar.dev/c/abc\",\"request_id\":\"req_nc\"}");
        JsonNode needs = content(tools.dispatch("a", "codespar_pay", "{}"));
        assertThat(needs.path("connect_url").asText()).isEqualTo("https://connect.codespar.dev/c/abc");
        assertThat(needs.path("message").asText()).contains("send them this link")
                .contains("https://connect.codespar.dev/c/abc");
        assertThat(needs.path("request_id").asText()).isEqualTo("req_nc");

        answer = TestSupport.json(429, "{\"error\":\"rate_limited\"}").setHeader("Retry-After", "7");
        JsonNode limited = content(tools.dispatch("b", "codespar_pay", "{}"));
        assertThat(limited.path("retry_after_seconds").asInt()).isEqualTo(7);
        assertThat(limited.path("message").asText()).contains("wait 7 seconds");

        answer = TestSupport.json(200, "{\"success\":false,\"error\":\"approval_required\",\"data\":{\"code\":"
                + "\"approval_required\",\"approval_id\":\"apr_1\",\"expires_at\":\"2026-05-02T11:00:00Z\","
                + "\"message\":\"over the agent's limit\"}}");
        ToolCallAnswer approval = tools.dispatch("c", "codespar_pay", "{}");
        assertThat(approval.error()).isTrue();
        assertThat(content(approval).path("approval_id").asText()).isEqualTo("apr_1");
        assertThat(content(approval).path("message").asText()).contains("a person must approve");

        answer = TestSupport.json(200, "{\"success\":false,\"error\":\"no_eligible_providers\"}");
        JsonNode refused = content(tools.dispatch("d", "codespar_pay", "{}"));
        assertThat(refused.path("error").asText()).isEqualTo("no_eligible_providers");

        answer = TestSupport.json(500, "{\"error\":\"internal_error\",\"message\":\"boom\"}");
        JsonNode unknown = content(tools.dispatch("e", "codespar_pay", "{}"));
        assertThat(unknown.path("outcome_unknown").asBoolean()).isTrue();
        assertThat(unknown.path("message").asText()).contains("Do not call it again");

        answer = TestSupport.json(400, "{\"error\":\"invalid_request\",\"message\":\"amount must be positive\"}");
        JsonNode rejected = content(tools.dispatch("f", "codespar_pay", "{}"));
        assertThat(rejected.path("message").asText()).contains("the server refused the arguments")
                .contains("did not go through").contains("amount must be positive");
        answer = TestSupport.json(503, "{\"error\":\"service_unavailable\",\"message\":\"busy\"}");
        JsonNode busy = content(tools.dispatch("g", "codespar_pay", "{}"));
        assertThat(busy.path("message").asText()).contains("did not go through").contains("nothing was done");
        assertThat(executes).hasSize(7);
    }

    @Test
    void aClosedClientIsTheApplicationsFailureNotTheTools() {
        ToolDispatcher tools = ToolDispatcher.of(session);
        tools.tools();
        client.close();
        assertThatThrownBy(() -> tools.dispatch("x", "codespar_pay", "{}"))
                .isInstanceOfSatisfying(NetworkError.class, e -> assertThat(e.isClientClosed()).isTrue());
    }
}
