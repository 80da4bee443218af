package dev.codespar.langchain4j;

import static dev.codespar.langchain4j.ScriptedChatModel.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.SessionTool;
import dev.codespar.agent.ToolDispatcher;
import dev.codespar.testkit.FakeCodeSpar;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.langchain4j.service.AiServices;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tool specifications LangChain4j hands the model, compared with the tools the fake publishes. */
class ToolSpecificationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    interface Assistant {
        String chat(String message);
    }

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

    /** What the model receives: the tool specifications of the first request of a real AI Service call. */
    private List<ToolSpecification> seenByTheModel(CodeSparTools tools) {
        ScriptedChatModel model = ScriptedChatModel.of(answer("Hello."));
        Assistant assistant = AiServices.builder(Assistant.class).chatModel(model).toolProvider(tools).build();
        assertThat(assistant.chat("Hi")).isEqualTo("Hello.");
        return model.requests().get(0).toolSpecifications();
    }

    /** The parameters as LangChain4j writes them into a provider's request (the OpenAI and Anthropic mappers). */
    private static JsonNode written(ToolSpecification specification) {
        return JSON.valueToTree(JsonSchemaElementUtils.toMap(specification.parameters()));
    }

    @Test
    void theModelSeesEverySessionToolWithItsNameDescriptionAndSchema() {
        List<ToolSpecification> specifications = seenByTheModel(CodeSparTools.from(session));

        assertThat(published).extracting(SessionTool::name).contains("codespar_pay", "codespar_charge", "codespar_shop");
        assertThat(specifications).extracting(ToolSpecification::name)
                .containsExactlyElementsOf(published.stream().map(SessionTool::name).toList());
        for (int i = 0; i < specifications.size(); i++) {
            SessionTool source = published.get(i);
            ToolSpecification specification = specifications.get(i);
            assertThat(specification.description()).as(source.name()).isEqualTo(source.description());
            assertThat(written(specification)).as(source.name()).isEqualTo(expectedWritten(source.inputSchema()));
        }
    }

    @Test
    void codesparPayIsWrittenBackKeywordForKeyword() {
        ToolSpecification pay = CodeSparTools.from(session).toolSpecifications().stream()
                .filter(tool -> tool.name().equals("codespar_pay")).findFirst().orElseThrow();
        SessionTool source = published.stream().filter(tool -> tool.name().equals("codespar_pay")).findFirst()
                .orElseThrow();

        JsonObjectSchema parameters = pay.parameters();
        assertThat(parameters.required()).containsExactly("action");
        assertThat(parameters.properties()).containsOnlyKeys(iterable(source.inputSchema().path("properties")));
        assertThat(parameters.properties().get("amount")).isInstanceOfSatisfying(JsonNumberSchema.class,
                amount -> assertThat(amount.description()).contains("minor units"));
        assertThat(parameters.properties().get("currency")).isInstanceOf(JsonStringSchema.class);
        // only string and number properties: what LangChain4j writes is the published schema itself
        assertThat(written(pay)).isEqualTo(source.inputSchema());
    }

    @Test
    void theFilterDecidesWhatTheModelSees() {
        CodeSparTools tools = CodeSparTools.builder(session).filter(tool -> tool.toolName().equals("codespar_pay"))
                .build();

        assertThat(seenByTheModel(tools)).extracting(ToolSpecification::name).containsExactly("codespar_pay");
    }

    @Test
    void theToolsAreReadOnceForEveryCallOfTheService() {
        CodeSparTools tools = CodeSparTools.from(session);
        int before = fake.journal().calls("GET", "/v1/sessions/*/connections").size();

        seenByTheModel(tools);
        seenByTheModel(tools);
        tools.toolSpecifications();

        assertThat(fake.journal().calls("GET", "/v1/sessions/*/connections")).hasSize(before + 1);
        assertThat(tools.isDynamic()).isFalse();
    }

    @Test
    void aMissingSessionOrDispatcherIsRefusedAtOnce() {
        assertThatThrownBy(() -> CodeSparTools.from((Session) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("session");
        assertThatThrownBy(() -> CodeSparTools.from((ToolDispatcher) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dispatcher");
        assertThatThrownBy(() -> CodeSparTools.from(session).execute(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("request");
    }

    /**
     * The published schema as LangChain4j's writer spells it: an object always has {@code properties} and
     * {@code required} (empty when none were published), an array always has {@code items} (empty: any item).
     */
    private static JsonNode expectedWritten(JsonNode schema) {
        ObjectNode out = schema.deepCopy();
        normalise(out);
        return out;
    }

    private static void normalise(ObjectNode schema) {
        String type = schema.path("type").asText();
        if (type.equals("object") && !schema.has("properties")) {
            schema.putObject("properties");
        }
        if (type.equals("object") && !schema.has("required")) {
            schema.putArray("required");
        }
        if (type.equals("array") && !schema.has("items")) {
            schema.putObject("items");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            normalise((ObjectNode) it.next().getValue());
        }
        if (schema.path("items").isObject() && schema.path("items").size() > 0) {
            normalise((ObjectNode) schema.get("items"));
        }
    }

    private static Iterable<String> iterable(JsonNode object) {
        return object::fieldNames;
    }
}
