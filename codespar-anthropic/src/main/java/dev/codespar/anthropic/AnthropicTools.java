package dev.codespar.anthropic;

import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolUnion;
import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.agent.AgentTool;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link AgentTool} as an anthropic-java {@link Tool}: {@code type}, {@code properties} and {@code required} in
 * the typed fields of {@code input_schema}, every other keyword beside them as it is, so the schema Claude sees is
 * the one the tool published.
 */
final class AnthropicTools {

    private AnthropicTools() {}

    static ToolUnion tool(AgentTool tool) {
        Tool.Builder builder = Tool.builder().name(tool.name()).inputSchema(inputSchema(tool.parameters()));
        if (tool.description() != null) {
            builder.description(tool.description());
        }
        return ToolUnion.ofTool(builder.build());
    }

    private static Tool.InputSchema inputSchema(JsonNode parameters) {
        Tool.InputSchema.Builder schema = Tool.InputSchema.builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = parameters.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> keyword = it.next();
            String name = keyword.getKey();
            JsonNode value = keyword.getValue();
            if (name.equals("type")) {
                schema.type(JsonValue.fromJsonNode(value));
            } else if (name.equals("properties") && value.isObject()) {
                schema.properties(Tool.InputSchema.Properties.builder().additionalProperties(fields(value)).build());
            } else if (name.equals("required") && isListOfNames(value)) {
                List<String> required = new ArrayList<>();
                value.forEach(element -> required.add(element.asText()));
                schema.required(required);
            } else {
                schema.putAdditionalProperty(name, JsonValue.fromJsonNode(value));
            }
        }
        return schema.build();
    }

    private static Map<String, JsonValue> fields(JsonNode object) {
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            fields.put(field.getKey(), JsonValue.fromJsonNode(field.getValue()));
        }
        return fields;
    }

    private static boolean isListOfNames(JsonNode value) {
        if (!value.isArray()) {
            return false;
        }
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                return false;
            }
        }
        return true;
    }
}
