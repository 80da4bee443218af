package dev.codespar.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionTool;
import com.openai.models.responses.Tool;
import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.SessionTool;
import dev.codespar.testkit.FakeCodeSpar;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tool definitions openai-java sends: written by its own mapper, compared with what the fake publishes. */
class ToolDefinitionsTest {

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

    private SessionTool published(String name) {
        return published.stream().filter(tool -> tool.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void chatToolsAreFunctionsWithThePublishedSchemaKeywordForKeyword() {
        List<ChatCompletionTool> tools = CodeSparOpenAi.from(session).tools();

        assertThat(published).extracting(SessionTool::name).contains("codespar_pay", "codespar_charge");
        assertThat(tools).hasSize(published.size());
        for (int i = 0; i < tools.size(); i++) {
            SessionTool source = published.get(i);
            JsonNode written = OpenAiWire.written(tools.get(i));
            assertThat(written.fieldNames()).toIterable().containsExactly("function", "type");
            assertThat(written.path("type").asText()).isEqualTo("function");
            JsonNode function = written.path("function");
            assertThat(function.path("name").asText()).isEqualTo(source.name());
            assertThat(function.path("description").asText()).isEqualTo(source.description());
            assertThat(function.has("strict")).isFalse();
            assertThat(function.path("parameters")).as(source.name()).isEqualTo(source.inputSchema());
        }
        JsonNode pay = OpenAiWire.written(tools.get(names(tools).indexOf("codespar_pay")));
        assertThat(pay.at("/function/parameters/required")).isEqualTo(published("codespar_pay").inputSchema()
                .path("required"));
        assertThat(pay.at("/function/parameters/properties/amount/description").asText()).contains("minor units");
    }

    @Test
    void theRequestBodyCarriesTheDefinitions() {
        CodeSparOpenAi codespar = CodeSparOpenAi.from(session);
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model(ChatModel.GPT_4_1)
                .tools(codespar.tools()).addUserMessage("Pay R$10 to ana@example.com").build();

        JsonNode body = OpenAiWire.written(params._body());

        assertThat(body.path("tools")).hasSize(published.size());
        assertThat(body.at("/tools/0/function/parameters")).isEqualTo(published.get(0).inputSchema());
    }

    @Test
    void responsesToolsAreFunctionToolsWithStrictOff() {
        List<Tool> tools = CodeSparOpenAi.from(session).responseTools();

        assertThat(tools).hasSize(published.size()).allMatch(Tool::isFunction);
        for (int i = 0; i < tools.size(); i++) {
            SessionTool source = published.get(i);
            JsonNode written = OpenAiWire.written(tools.get(i));
            assertThat(written.path("type").asText()).isEqualTo("function");
            assertThat(written.path("name").asText()).isEqualTo(source.name());
            assertThat(written.path("description").asText()).isEqualTo(source.description());
            assertThat(written.path("strict").asBoolean(true)).isFalse();
            assertThat(written.path("parameters")).as(source.name()).isEqualTo(source.inputSchema());
        }
    }

    @Test
    void theFilterDecidesWhatTheModelSees() {
        CodeSparOpenAi codespar = CodeSparOpenAi.builder(session)
                .filter(tool -> tool.toolName().equals("codespar_pay")).build();

        assertThat(names(codespar.tools())).containsExactly("codespar_pay");
        assertThat(codespar.offers("codespar_pay")).isTrue();
        assertThat(codespar.offers("codespar_charge")).isFalse();
        assertThat(codespar.responseTools()).extracting(tool -> tool.asFunction().name())
                .containsExactly("codespar_pay");
    }

    @Test
    void theToolsAreReadOnceAndKept() {
        CodeSparOpenAi codespar = CodeSparOpenAi.from(session);
        int before = fake.journal().calls("GET", "/v1/sessions/*/connections").size();

        codespar.tools();
        codespar.responseTools();
        codespar.offers("codespar_pay");

        assertThat(fake.journal().calls("GET", "/v1/sessions/*/connections")).hasSize(before + 1);
    }

    @Test
    void aMissingSessionIsRefusedAtOnce() {
        assertThatThrownBy(() -> CodeSparOpenAi.from((Session) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("session");
        assertThatThrownBy(() -> CodeSparOpenAi.from((dev.codespar.agent.ToolDispatcher) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dispatcher");
    }

    private static List<String> names(List<ChatCompletionTool> tools) {
        return tools.stream().map(tool -> tool.asFunction().function().name()).toList();
    }
}
