package dev.codespar.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON Schema into LangChain4j's schema types, one keyword family at a time, and the two fallbacks. */
class ToolSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static JsonObjectSchema parameters(String schema) throws Exception {
        return ToolSchemas.parameters("test_tool", json(schema));
    }

    private static Map<String, JsonSchemaElement> properties(String schema) throws Exception {
        return parameters(schema).properties();
    }

    @Test
    void everyTypeBecomesItsElementWithItsDescription() throws Exception {
        Map<String, JsonSchemaElement> p = properties("{'type':'object','properties':{"
                + "'s':{'type':'string','description':'a string'},"
                + "'n':{'type':'number','description':'a number'},"
                + "'i':{'type':'integer','description':'an integer'},"
                + "'b':{'type':'boolean','description':'a flag'},"
                + "'z':{'type':'null'}}}");

        assertThat(p).containsOnlyKeys("s", "n", "i", "b", "z");
        assertThat(p.get("s")).isEqualTo(JsonStringSchema.builder().description("a string").build());
        assertThat(p.get("n")).isEqualTo(JsonNumberSchema.builder().description("a number").build());
        assertThat(p.get("i")).isEqualTo(JsonIntegerSchema.builder().description("an integer").build());
        assertThat(p.get("b")).isEqualTo(JsonBooleanSchema.builder().description("a flag").build());
        assertThat(p.get("z")).isInstanceOf(JsonNullSchema.class);
    }

    @Test
    void requiredAndTheTopLevelDescriptionAreKept() throws Exception {
        JsonObjectSchema schema = parameters("{'type':'object','description':'the arguments','properties':{"
                + "'a':{'type':'string'},'b':{'type':'string'}},'required':['a'],'additionalProperties':false}");

        assertThat(schema.description()).isEqualTo("the arguments");
        assertThat(schema.required()).containsExactly("a");
        assertThat(schema.additionalProperties()).isFalse();
        assertThat(schema.properties()).containsOnlyKeys("a", "b");
    }

    @Test
    void stringEnumsBecomeEnumSchemas() throws Exception {
        Map<String, JsonSchemaElement> p = properties("{'type':'object','properties':{"
                + "'method':{'type':'string','enum':['pix','card','boleto'],'description':'how to pay'}}}");

        assertThat(p.get("method")).isEqualTo(JsonEnumSchema.builder().enumValues("pix", "card", "boleto")
                .description("how to pay").build());
    }

    @Test
    void nestedObjectsAndArraysAreTranslatedAllTheWayDown() throws Exception {
        Map<String, JsonSchemaElement> p = properties("{'type':'object','properties':{"
                + "'buyer':{'type':'object','description':'who pays','properties':{"
                + "  'name':{'type':'string'},'address':{'type':'object','properties':{'cep':{'type':'string'}},"
                + "  'required':['cep']}},'required':['name']},"
                + "'items':{'type':'array','description':'lines','items':{'type':'object','properties':{"
                + "  'sku':{'type':'string'},'quantity':{'type':'integer'}},'required':['sku']}},"
                + "'tags':{'type':'array','items':{'type':'string'}},"
                + "'anything':{'type':'array'}}}");

        JsonObjectSchema buyer = (JsonObjectSchema) p.get("buyer");
        assertThat(buyer.description()).isEqualTo("who pays");
        assertThat(buyer.required()).containsExactly("name");
        JsonObjectSchema address = (JsonObjectSchema) buyer.properties().get("address");
        assertThat(address.required()).containsExactly("cep");
        assertThat(address.properties().get("cep")).isInstanceOf(JsonStringSchema.class);

        JsonArraySchema items = (JsonArraySchema) p.get("items");
        assertThat(items.description()).isEqualTo("lines");
        JsonObjectSchema line = (JsonObjectSchema) items.items();
        assertThat(line.required()).containsExactly("sku");
        assertThat(line.properties().get("quantity")).isInstanceOf(JsonIntegerSchema.class);
        assertThat(((JsonArraySchema) p.get("tags")).items()).isInstanceOf(JsonStringSchema.class);
        assertThat(((JsonArraySchema) p.get("anything")).items()).isNull();
    }

    @Test
    void anyOfOneOfAndTypeListsBecomeAnyOf() throws Exception {
        Map<String, JsonSchemaElement> p = properties("{'type':'object','properties':{"
                + "'id':{'anyOf':[{'type':'string'},{'type':'integer'}],'description':'an id'},"
                + "'ref':{'oneOf':[{'type':'string'},{'type':'object','properties':{'id':{'type':'string'}}}]},"
                + "'note':{'type':['string','null'],'description':'optional note'}}}");

        JsonAnyOfSchema id = (JsonAnyOfSchema) p.get("id");
        assertThat(id.description()).isEqualTo("an id");
        assertThat(id.anyOf()).hasExactlyElementsOfTypes(JsonStringSchema.class, JsonIntegerSchema.class);
        assertThat(((JsonAnyOfSchema) p.get("ref")).anyOf())
                .hasExactlyElementsOfTypes(JsonStringSchema.class, JsonObjectSchema.class);
        JsonAnyOfSchema note = (JsonAnyOfSchema) p.get("note");
        assertThat(note.description()).isEqualTo("optional note");
        assertThat(note.anyOf()).hasExactlyElementsOfTypes(JsonStringSchema.class, JsonNullSchema.class);
    }

    @Test
    void constraintsWithoutAFieldAreAppendedToTheDescription() throws Exception {
        Map<String, JsonSchemaElement> p = properties("{'type':'object','properties':{"
                + "'amount':{'type':'integer','description':'in centavos','minimum':1,'maximum':100000},"
                + "'email':{'type':'string','format':'email'},"
                + "'code':{'type':'string','pattern':'^[A-Z]{3}$','default':'BRL'},"
                + "'extra':{'type':'object','additionalProperties':{'type':'string'}}}}");

        assertThat(p.get("amount").description()).isEqualTo("in centavos (minimum: 1; maximum: 100000)");
        assertThat(p.get("email").description()).isEqualTo("format: \"email\"");
        assertThat(p.get("code").description()).isEqualTo("pattern: \"^[A-Z]{3}$\"; default: \"BRL\"");
        assertThat(p.get("extra").description()).isEqualTo("additionalProperties: {\"type\":\"string\"}");
    }

    @Test
    void shapesTheTypesCannotHoldArePassedOnAsPublished() throws Exception {
        String ref = "{'$ref':'#/$defs/money'}";
        String allOf = "{'allOf':[{'type':'string'},{'minLength':1}]}";
        String numbers = "{'type':'integer','enum':[1,2,3]}";
        String untyped = "{'description':'any value'}";
        String tuple = "{'type':'array','items':[{'type':'string'},{'type':'number'}]}";
        String constant = "{'const':'pay'}";
        Map<String, JsonSchemaElement> p = properties("{'type':'object','properties':{'ref':" + ref + ",'all':"
                + allOf + ",'numbers':" + numbers + ",'untyped':" + untyped + ",'tuple':" + tuple
                + ",'constant':" + constant + ",'notAnObject':true}}");

        assertThat(p.get("ref")).isEqualTo(JsonRawSchema.from(json(ref).toString()));
        assertThat(p.get("all")).isEqualTo(JsonRawSchema.from(json(allOf).toString()));
        assertThat(p.get("numbers")).isEqualTo(JsonRawSchema.from(json(numbers).toString()));
        assertThat(p.get("untyped")).isEqualTo(JsonRawSchema.from(json(untyped).toString()));
        assertThat(p.get("tuple")).isEqualTo(JsonRawSchema.from(json(tuple).toString()));
        assertThat(p.get("constant")).isEqualTo(JsonRawSchema.from(json(constant).toString()));
        assertThat(p.get("notAnObject")).isEqualTo(JsonRawSchema.from("true"));
    }

    @Test
    void whatLangChain4jWritesForAFallbackIsThePublishedFragment() throws Exception {
        JsonObjectSchema schema = parameters("{'type':'object','properties':{"
                + "'numbers':{'type':'integer','enum':[1,2,3],'description':'a choice'},"
                + "'name':{'type':'string'}},'required':['numbers']}");

        JsonNode written = JSON.valueToTree(JsonSchemaElementUtils.toMap(schema));

        assertThat(written).isEqualTo(json("{'type':'object','properties':{"
                + "'numbers':{'type':'integer','enum':[1,2,3],'description':'a choice'},"
                + "'name':{'type':'string'}},'required':['numbers']}"));
    }

    @Test
    void aTopLevelWithoutPropertiesIsAnEmptyObject() throws Exception {
        JsonObjectSchema schema = parameters("{'type':'object','properties':{}}");

        assertThat(schema.properties()).isEmpty();
        assertThat(schema.required()).isEmpty();
        assertThat(JSON.valueToTree(JsonSchemaElementUtils.toMap(schema)).toString())
                .isEqualTo("{\"type\":\"object\",\"properties\":{},\"required\":[]}");
    }
}
