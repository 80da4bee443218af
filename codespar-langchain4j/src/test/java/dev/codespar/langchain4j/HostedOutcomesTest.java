package dev.codespar.langchain4j;

import static dev.codespar.langchain4j.ScriptedChatModel.answerWithToolResult;
import static dev.codespar.langchain4j.ScriptedChatModel.callTools;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codespar.CodeSparClient;
import dev.codespar.SessionConfig;
import dev.codespar.errors.ConfigError;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.ToolErrorContext;
import dev.langchain4j.service.tool.ToolExecutionErrorHandler;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * What the fake cannot answer: the hosted API's {@code approval_required} result (served by MockWebServer in its wire
 * shape), and a {@code ConfigError} reaching the error handler.
 */
class HostedOutcomesTest {

    private static final String KEY = "csk_test_SECRET0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    interface Assistant {
        String chat(String message);
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody(body);
    }

    @Test
    void approvalRequiredKeepsItsApprovalIdForTheModel() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(json(201, "{\"id\":\"ses_1\",\"servers\":[\"asaas\"],\"status\":\"active\"}"));
            server.enqueue(json(200, "{\"servers\":[{\"id\":\"asaas\",\"connected\":true}],\"tools\":[{\"name\":"
                    + "\"codespar_pay\",\"description\":\"Pay\",\"input_schema\":{\"type\":\"object\",\"properties\":"
                    + "{\"amount\":{\"type\":\"number\"}}}}]}"));
            server.enqueue(json(200, "{\"success\":false,\"error\":\"approval_required\",\"data\":{\"code\":"
                    + "\"approval_required\",\"approval_id\":\"apr_1\",\"expires_at\":\"2026-05-02T11:00:00Z\","
                    + "\"message\":\"over the agent's limit\"},\"tool_call_id\":\"tc_1\"}"));
            server.start();
            try (CodeSparClient client = CodeSparClient.builder().apiKey(KEY).baseUrl(server.url("/").toString())
                    .maxRetries(0).build()) {
                CodeSparTools tools = CodeSparTools.from(client.create("user_1",
                        SessionConfig.builder().servers("asaas").build()));
                ScriptedChatModel model = ScriptedChatModel.of(
                        callTools("call_1", "codespar_pay", "{\"amount\":90000}"), answerWithToolResult());

                AiServices.builder(Assistant.class).chatModel(model).toolProvider(tools)
                        .toolExecutionErrorHandler(CodeSparTools.errorHandler()).build().chat("Pay R$ 900,00");

                RecordedRequest create = server.takeRequest(5, TimeUnit.SECONDS);
                RecordedRequest connections = server.takeRequest(5, TimeUnit.SECONDS);
                RecordedRequest execute = server.takeRequest(5, TimeUnit.SECONDS);
                assertThat(create.getPath()).isEqualTo("/v1/sessions");
                assertThat(connections.getPath()).isEqualTo("/v1/sessions/ses_1/connections");
                assertThat(execute.getPath()).isEqualTo("/v1/sessions/ses_1/execute");
                assertThat(JSON.readTree(execute.getBody().readUtf8()).path("input"))
                        .isEqualTo(JSON.readTree("{\"amount\":90000}"));
                assertThat(server.getRequestCount()).isEqualTo(3);
                ToolExecutionResultMessage result = model.toolResultsSeen().get(0);
                assertThat(result.isError()).isTrue();
                assertThat(model.everythingSeen()).doesNotContain(KEY);
                JsonNode seen = JSON.readTree(result.text());
                assertThat(seen.path("error").asText()).isEqualTo("approval_required");
                assertThat(seen.path("approval_id").asText()).isEqualTo("apr_1");
                assertThat(seen.path("expires_at").asText()).isEqualTo("2026-05-02T11:00:00Z");
                assertThat(seen.path("message").asText()).contains("a person must approve")
                        .contains("over the agent's limit");
            }
        }
    }

    @Test
    void theErrorHandlerThrowsAConfigErrorAndAnswersAnyOtherFailureWithItsMessage() {
        ToolExecutionErrorHandler handler = CodeSparTools.errorHandler();
        ToolExecutionRequest call = ToolExecutionRequest.builder().id("c").name("codespar_pay").arguments("{}")
                .build();
        ConfigError config = new ConfigError("the client is misconfigured");
        RuntimeException wrapped = new RuntimeException("wrapper", config);

        assertThatThrownBy(() -> handler.handle(config, context(call, config))).isSameAs(config);
        // AI Services pass the cause and keep the exception as the raw error: either way it is thrown
        assertThatThrownBy(() -> handler.handle(config, context(call, wrapped))).isSameAs(config);
        IllegalStateException own = new IllegalStateException("my own tool broke");
        assertThat(handler.handle(own, context(call, own)).text()).isEqualTo("my own tool broke");
        IllegalStateException silent = new IllegalStateException();
        assertThat(handler.handle(silent, context(call, silent)).text())
                .isEqualTo(IllegalStateException.class.getName());
    }

    private static ToolErrorContext context(ToolExecutionRequest call, Exception raw) {
        return ToolErrorContext.builder().toolExecutionRequest(call).rawError(raw)
                .invocationContext(InvocationContext.builder().chatMemoryId("default").build()).build();
    }
}
