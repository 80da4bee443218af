package dev.codespar.langchain4j;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tool's JSON Schema in LangChain4j's {@link JsonSchemaElement} types. LangChain4j's types hold a type, a
 * description, properties, {@code required}, items, enum values and {@code anyOf}; what they cannot hold is kept in
 * one of two ways, so the model still sees it:
 *
 * <ul>
 *   <li>a constraint on a value ({@code minimum}, {@code format}, {@code pattern}, {@code default}, ...) is appended to
 *       the property's description, e.g. {@code "Amount in cents (minimum: 1)"};
 *   <li>a shape the types cannot express ({@code $ref}, {@code allOf}, {@code not}, {@code const} or {@code enum} of
 *       non-strings, tuple {@code items}, a property without a type, a schema that is not an object) becomes a
 *       {@link JsonRawSchema} holding the fragment as published, which LangChain4j's schema writer sends unchanged.
 * </ul>
 */
final class ToolSchemas {

    private static final Logger LOG = LoggerFactory.getLogger(ToolSchemas.class);

    /** Keywords that constrain a value: kept as words in the description. */
    private static final List<String> CONSTRAINTS = List.of("format", "pattern", "minimum", "maximum",
            "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "minItems", "maxItems",
            "uniqueItems", "minProperties", "maxProperties", "default", "examples");

    /** Keywords whose shape the element types cannot express: the fragment stays raw. */
    private static final Set<String> SHAPES = Set.of("$ref", "$defs", "definitions", "allOf", "not", "if", "then",
            "else", "const", "patternProperties", "prefixItems", "dependentSchemas", "dependentRequired");

    private ToolSchemas() {}

    /**
     * The tool's arguments as LangChain4j's parameters: always an object schema (LangChain4j requires one at the top).
     *
     * @param toolName the tool, for the log line of a fallback
     * @param schema the published schema, an object schema ({@code dev.codespar.agent.AgentTool#parameters()})
     */
    static JsonObjectSchema parameters(String toolName, JsonNode schema) {
        JsonObjectSchema.Builder object = JsonObjectSchema.builder();
        String description = describe(schema);
        if (description != null) {
            object.description(description);
        }
        if (hasAny(schema, SHAPES) || schema.has("anyOf") || schema.has("oneOf")) {
            // LangChain4j takes an object with properties at the top; the server still checks the whole schema
            LOG.debug("tool {}: only the properties of its top-level schema are offered, not its {}", toolName,
                    schema);
        }
        properties(toolName, "", schema, object);
        return object.build();
    }

    /** One property's schema. */
    static JsonSchemaElement element(String toolName, String path, JsonNode schema) {
        if (schema == null || !schema.isObject() || hasAny(schema, SHAPES)) {
            return raw(toolName, path, schema, "a shape LangChain4j's schema types cannot hold");
        }
        String description = describe(schema);
        JsonNode enumValues = schema.get("enum");
        if (enumValues != null) {
            return enumSchema(toolName, path, schema, enumValues, description);
        }
        JsonNode alternatives = schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf");
        if (alternatives != null && !schema.has("type")) {
            // oneOf becomes anyOf: the model picks one shape either way, and the server checks the exclusive rule
            return anyOf(toolName, path, alternatives, description, schema);
        }
        JsonNode type = schema.get("type");
        if (type == null && schema.has("properties")) {
            type = TextNode.valueOf("object");
        }
        if (type != null && type.isArray()) {
            return typeList(toolName, path, schema, type, description);
        }
        if (type == null || !type.isTextual()) {
            return raw(toolName, path, schema, "no type");
        }
        return typed(toolName, path, schema, type.asText(), description);
    }

    private static JsonSchemaElement typed(String toolName, String path, JsonNode schema, String type,
            String description) {
        switch (type) {
            case "string":
                return JsonStringSchema.builder().description(description).build();
            case "number":
                return JsonNumberSchema.builder().description(description).build();
            case "integer":
                return JsonIntegerSchema.builder().description(description).build();
            case "boolean":
                return JsonBooleanSchema.builder().description(description).build();
            case "null":
                return new JsonNullSchema();
            case "array":
                return array(toolName, path, schema, description);
            case "object":
                JsonObjectSchema.Builder object = JsonObjectSchema.builder().description(description);
                properties(toolName, path, schema, object);
                return object.build();
            default:
                return raw(toolName, path, schema, "the unknown type " + type);
        }
    }

    private static void properties(String toolName, String path, JsonNode schema, JsonObjectSchema.Builder object) {
        Map<String, JsonSchemaElement> properties = new LinkedHashMap<>();
        JsonNode published = schema.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = published.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            properties.put(property.getKey(), element(toolName, path + "/" + property.getKey(), property.getValue()));
        }
        object.addProperties(properties);
        List<String> required = new ArrayList<>();
        for (JsonNode name : schema.path("required")) {
            if (name.isTextual()) {
                required.add(name.asText());
            }
        }
        if (!required.isEmpty()) {
            object.required(required);
        }
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && additional.isBoolean()) {
            object.additionalProperties(additional.asBoolean());
        }
    }

    private static JsonSchemaElement array(String toolName, String path, JsonNode schema, String description) {
        JsonArraySchema.Builder array = JsonArraySchema.builder().description(description);
        JsonNode items = schema.get("items");
        if (items != null && !items.isObject()) {
            return raw(toolName, path, schema, "tuple items");
        }
        if (items != null) {
            array.items(element(toolName, path + "/items", items));
        }
        return array.build();
    }

    private static JsonSchemaElement enumSchema(String toolName, String path, JsonNode schema, JsonNode values,
            String description) {
        List<String> strings = new ArrayList<>();
        for (JsonNode value : values) {
            if (!value.isTextual()) {
                return raw(toolName, path, schema, "enum values that are not strings");
            }
            strings.add(value.asText());
        }
        if (strings.isEmpty()) {
            return raw(toolName, path, schema, "an empty enum");
        }
        return JsonEnumSchema.builder().enumValues(strings).description(description).build();
    }

    private static JsonSchemaElement anyOf(String toolName, String path, JsonNode alternatives, String description,
            JsonNode schema) {
        List<JsonSchemaElement> elements = new ArrayList<>();
        int i = 0;
        for (JsonNode alternative : alternatives) {
            elements.add(element(toolName, path + "/anyOf/" + i++, alternative));
        }
        if (elements.isEmpty()) {
            return raw(toolName, path, schema, "an empty anyOf");
        }
        return JsonAnyOfSchema.builder().anyOf(elements).description(description).build();
    }

    /** {@code "type": ["string", "null"]}: one alternative per type, each with the fragment's other keywords. */
    private static JsonSchemaElement typeList(String toolName, String path, JsonNode schema, JsonNode types,
            String description) {
        List<JsonSchemaElement> elements = new ArrayList<>();
        for (JsonNode type : types) {
            if (!type.isTextual()) {
                return raw(toolName, path, schema, "a type list with a non-name");
            }
            ObjectNode one = ((ObjectNode) schema).deepCopy();
            one.put("type", type.asText());
            one.remove("description");
            elements.add(typed(toolName, path, one, type.asText(), describe(one)));
        }
        if (elements.isEmpty()) {
            return raw(toolName, path, schema, "an empty type list");
        }
        return JsonAnyOfSchema.builder().anyOf(elements).description(description).build();
    }

    /** The description, with the constraints the element types have no field for appended in words. */
    private static String describe(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return null;
        }
        String description = schema.path("description").isTextual() ? schema.get("description").asText() : null;
        List<String> constraints = new ArrayList<>();
        for (String keyword : CONSTRAINTS) {
            if (schema.has(keyword)) {
                constraints.add(keyword + ": " + schema.get(keyword));
            }
        }
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && !additional.isBoolean()) {
            constraints.add("additionalProperties: " + additional);
        }
        if (constraints.isEmpty()) {
            return description;
        }
        String words = String.join("; ", constraints);
        return description == null || description.isBlank() ? words : description + " (" + words + ")";
    }

    private static JsonSchemaElement raw(String toolName, String path, JsonNode schema, String why) {
        LOG.debug("tool {}: the schema at {} has {}; it is passed on as published", toolName,
                path.isEmpty() ? "/" : path, why);
        return JsonRawSchema.from(schema == null ? "{}" : schema.toString());
    }

    private static boolean hasAny(JsonNode schema, Set<String> keywords) {
        for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
            if (keywords.contains(it.next())) {
                return true;
            }
        }
        return false;
    }
}
