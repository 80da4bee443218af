package dev.codespar.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.JsonValue;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionTool;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.Tool;
import dev.codespar.agent.AgentTool;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** An {@link AgentTool} in openai-java's tool types; the JSON Schema goes over as it is, keyword for keyword. */
final class OpenAiTools {

    private OpenAiTools() {}

    static ChatCompletionTool chatTool(AgentTool tool) {
        FunctionDefinition.Builder function = FunctionDefinition.builder()
                .name(tool.name())
                .parameters(FunctionParameters.builder().additionalProperties(schema(tool.parameters())).build());
        if (tool.description() != null) {
            function.description(tool.description());
        }
        // strict stays unset: a CodeSpar schema has optional properties, which OpenAI's strict mode does not allow
        return ChatCompletionTool.ofFunction(ChatCompletionFunctionTool.builder().function(function.build()).build());
    }

    static Tool responseTool(AgentTool tool) {
        FunctionTool.Builder function = FunctionTool.builder()
                .name(tool.name())
                .parameters(FunctionTool.Parameters.builder().additionalProperties(schema(tool.parameters())).build())
                // the Responses API makes strict the default; for the reason above it is turned off
                .strict(false);
        if (tool.description() != null) {
            function.description(tool.description());
        }
        return Tool.ofFunction(function.build());
    }

    /** The schema's top-level keywords, each a JSON value openai-java writes back exactly. */
    private static Map<String, JsonValue> schema(JsonNode parameters) {
        Map<String, JsonValue> keywords = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = parameters.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> keyword = it.next();
            keywords.put(keyword.getKey(), JsonValue.fromJsonNode(keyword.getValue()));
        }
        return keywords;
    }
}
