package dev.codespar.springai;

import static dev.codespar.springai.ScriptedChatModel.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.SessionTool;
import dev.codespar.testkit.FakeCodeSpar;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

/** The tool definitions Spring AI gets from the provider, compared with what the fake publishes. */
class ToolDefinitionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeCodeSpar fake;
    private CodeSparClient client;
    private Session session;
    private List<SessionTool> published;

    @BeforeEach
    void start() {
        fake = FakeCodeSpar.start();
        client = fake.client();
        session = client.create("user_1", SessionConfig.builder().servers("asaas").build());
        published = session.connections().tools();
    }

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    @Test
    void eachToolIsACallbackWithItsNameDescriptionAndPublishedSchema() throws Exception {
        ToolCallback[] callbacks = CodeSparToolCallbacks.from(session).getToolCallbacks();

        assertThat(published).extracting(SessionTool::name).contains("codespar_pay", "codespar_charge");
        assertThat(callbacks).hasSize(published.size());
        for (int i = 0; i < callbacks.length; i++) {
            SessionTool source = published.get(i);
            ToolDefinition definition = callbacks[i].getToolDefinition();
            assertThat(definition.name()).isEqualTo(source.name());
            assertThat(definition.description()).isEqualTo(source.description());
            assertThat(JSON.readTree(definition.inputSchema())).isEqualTo(source.inputSchema());
            assertThat(callbacks[i].getToolMetadata().returnDirect()).isFalse();
        }
    }

    @Test
    void thePaySchemaIsTheObjectSchemaTheModelFillsIn() throws Exception {
        ToolDefinition pay = Arrays.stream(CodeSparToolCallbacks.from(session).getToolCallbacks())
                .map(ToolCallback::getToolDefinition).filter(d -> d.name().equals("codespar_pay")).findFirst()
                .orElseThrow();

        JsonNode schema = JSON.readTree(pay.inputSchema());
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.path("properties").has("amount")).isTrue();
        assertThat(schema.path("properties").has("currency")).isTrue();
        assertThat(pay.description()).isNotBlank();
    }

    @Test
    void theModelIsSentTheSameDefinitionsThroughChatClient() {
        ScriptedChatModel model = new ScriptedChatModel(conversation -> text("Nothing to do."));
        CodeSparToolCallbacks tools = CodeSparToolCallbacks.from(session);

        String answer = ScriptedChatModel.prompt(model, tools).user("hello").call().content();

        assertThat(answer).isEqualTo("Nothing to do.");
        assertThat(model.toolDefinitions(0)).extracting(ToolDefinition::name)
                .containsExactlyElementsOf(published.stream().map(SessionTool::name).toList());
        assertThat(model.toolDefinitions(0))
                .containsExactlyElementsOf(Arrays.stream(tools.getToolCallbacks())
                        .map(ToolCallback::getToolDefinition).toList());
        fake.journal().assertNotExecuted("codespar_pay");
    }

    @Test
    void theFilterDecidesWhichToolsTheModelSees() {
        ToolCallback[] callbacks = CodeSparToolCallbacks.builder(session)
                .filter(tool -> tool.toolName().equals("codespar_pay") || tool.toolName().equals("codespar_charge"))
                .build().getToolCallbacks();

        assertThat(callbacks).extracting(callback -> callback.getToolDefinition().name())
                .containsExactly(published.stream().map(SessionTool::name)
                        .filter(name -> name.equals("codespar_pay") || name.equals("codespar_charge"))
                        .toArray(String[]::new));
    }

    @Test
    void theToolsAreReadFromTheSessionOnce() {
        CodeSparToolCallbacks tools = CodeSparToolCallbacks.from(session);
        int before = fake.journal().calls("GET", "/v1/sessions/*/connections").size();

        tools.getToolCallbacks();
        tools.getToolCallbacks();

        assertThat(fake.journal().calls("GET", "/v1/sessions/*/connections")).hasSize(before + 1);
    }
}
