package dev.codespar.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Model;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolUnion;
import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.SessionTool;
import dev.codespar.testkit.FakeCodeSpar;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tool definitions anthropic-java sends: written by its own mapper, compared with what the fake publishes. */
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

    @Test
    void toolsAreCustomToolsWithThePublishedInputSchemaKeywordForKeyword() {
        List<ToolUnion> tools = CodeSparAnthropic.from(session).tools();

        assertThat(published).extracting(SessionTool::name).contains("codespar_pay", "codespar_charge");
        assertThat(tools).hasSize(published.size()).allMatch(ToolUnion::isTool);
        for (int i = 0; i < tools.size(); i++) {
            SessionTool source = published.get(i);
            JsonNode written = AnthropicWire.written(tools.get(i));
            assertThat(written.fieldNames()).toIterable()
                    .containsExactlyInAnyOrder("name", "description", "input_schema");
            assertThat(written.path("name").asText()).isEqualTo(source.name());
            assertThat(written.path("description").asText()).isEqualTo(source.description());
            assertThat(written.path("input_schema")).as(source.name()).isEqualTo(source.inputSchema());
        }
    }

    @Test
    void theTypedFieldsOfTheSchemaAreFilledIn() {
        Tool pay = CodeSparAnthropic.from(session).tools().stream().map(ToolUnion::asTool)
                .filter(tool -> tool.name().equals("codespar_pay")).findFirst().orElseThrow();
        JsonNode source = published.stream().filter(tool -> tool.name().equals("codespar_pay")).findFirst()
                .orElseThrow().inputSchema();

        List<String> required = new java.util.ArrayList<>();
        source.path("required").forEach(name -> required.add(name.asText()));
        List<String> properties = new java.util.ArrayList<>();
        source.path("properties").fieldNames().forEachRemaining(properties::add);

        assertThat(pay.inputSchema()._type().asString()).hasValue("object");
        assertThat(required).contains("action");
        assertThat(pay.inputSchema().required()).hasValue(required);
        assertThat(pay.inputSchema().properties().orElseThrow()._additionalProperties().keySet())
                .containsExactlyElementsOf(properties);
    }

    @Test
    void theRequestBodyCarriesTheDefinitions() {
        MessageCreateParams params = MessageCreateParams.builder().model(Model.CLAUDE_SONNET_4_6).maxTokens(1024)
                .tools(CodeSparAnthropic.from(session).tools()).addUserMessage("Pay R$10 to ana@example.com")
                .build();

        JsonNode body = AnthropicWire.written(params._body());

        assertThat(body.path("tools")).hasSize(published.size());
        assertThat(body.at("/tools/0/input_schema")).isEqualTo(published.get(0).inputSchema());
        assertThat(body.at("/tools/0/name").asText()).isEqualTo(published.get(0).name());
    }

    @Test
    void theFilterDecidesWhatTheModelSees() {
        CodeSparAnthropic codespar = CodeSparAnthropic.builder(session)
                .filter(tool -> tool.toolName().equals("codespar_pay")).build();

        assertThat(codespar.tools()).extracting(tool -> tool.asTool().name()).containsExactly("codespar_pay");
        assertThat(codespar.offers("codespar_pay")).isTrue();
        assertThat(codespar.offers("codespar_charge")).isFalse();
    }

    @Test
    void theToolsAreReadOnceAndKept() {
        CodeSparAnthropic codespar = CodeSparAnthropic.from(session);
        int before = fake.journal().calls("GET", "/v1/sessions/*/connections").size();

        codespar.tools();
        codespar.tools();
        codespar.offers("codespar_pay");

        assertThat(fake.journal().calls("GET", "/v1/sessions/*/connections")).hasSize(before + 1);
    }

    @Test
    void aMissingSessionIsRefusedAtOnce() {
        assertThatThrownBy(() -> CodeSparAnthropic.from((Session) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("session");
        assertThatThrownBy(() -> CodeSparAnthropic.from((dev.codespar.agent.ToolDispatcher) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dispatcher");
    }
}
