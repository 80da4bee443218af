package dev.codespar.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.core.ObjectMappers;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.responses.Response;

/**
 * OpenAI answers built the way the SDK builds them from the network: wire JSON read by openai-java's own mapper,
 * and the SDK's objects written back with it.
 */
final class OpenAiWire {

    static final String PAY_ARGUMENTS = "{\"action\":\"pay\",\"amount\":1000,\"currency\":\"BRL\",\"method\":\"pix\","
            + "\"description\":\"Order 42\",\"recipient\":\"ana@example.com\"}";

    private OpenAiWire() {}

    /** One tool call of a Chat Completions assistant message: {@code {id, type: "function", function}}. */
    static ObjectNode functionCall(String id, String name, String arguments) {
        ObjectNode call = JsonNodeFactory.instance.objectNode().put("id", id).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", arguments);
        return call;
    }

    /** A {@code chat.completion} whose one choice is an assistant message with these tool calls. */
    static ChatCompletion completion(ObjectNode... calls) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
                .put("created", 1_760_000_000L).put("model", "gpt-4.1");
        ObjectNode choice = json.putArray("choices").addObject().put("index", 0).put("finish_reason", "tool_calls");
        choice.putNull("logprobs");
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        message.putNull("content");
        message.putNull("refusal");
        ArrayNode toolCalls = message.putArray("tool_calls");
        for (ObjectNode call : calls) {
            toolCalls.add(call);
        }
        return read(json, ChatCompletion.class);
    }

    /** A Responses API {@code response} whose output holds these {@code function_call} items. */
    static Response response(ObjectNode... functionCalls) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("id", "resp_1").put("object", "response")
                .put("created_at", 1_760_000_000L).put("model", "gpt-4.1").put("status", "completed")
                .put("parallel_tool_calls", true).put("tool_choice", "auto");
        json.putNull("error");
        json.putNull("incomplete_details");
        json.putNull("instructions");
        json.putNull("metadata");
        json.putNull("temperature");
        json.putNull("top_p");
        json.putArray("tools");
        ArrayNode output = json.putArray("output");
        for (ObjectNode call : functionCalls) {
            output.add(call);
        }
        return read(json, Response.class);
    }

    /** A Responses API {@code function_call} output item. */
    static ObjectNode responseCall(String callId, String name, String arguments) {
        return JsonNodeFactory.instance.objectNode().put("type", "function_call").put("id", "fc_" + callId)
                .put("call_id", callId).put("name", name).put("arguments", arguments).put("status", "completed");
    }

    /** A {@code chat.completion.chunk} of a stream: one choice with this delta (JSON text). */
    static ChatCompletionChunk chunk(String delta, String finishReason) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("id", "chatcmpl-s").put("object",
                "chat.completion.chunk").put("created", 1_760_000_000L).put("model", "gpt-4.1");
        ObjectNode choice = json.putArray("choices").addObject().put("index", 0);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        try {
            choice.set("delta", ObjectMappers.jsonMapper().readTree(delta));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return read(json, ChatCompletionChunk.class);
    }

    /** A delta that adds text to the arguments of the first tool call. */
    static String argumentsDelta(String piece) {
        ObjectNode delta = JsonNodeFactory.instance.objectNode();
        delta.putArray("tool_calls").addObject().put("index", 0).putObject("function").put("arguments", piece);
        return delta.toString();
    }

    /** What openai-java writes for an object of its own (a tool definition, a tool message) in a request body. */
    static JsonNode written(Object sdkObject) {
        return ObjectMappers.jsonMapper().valueToTree(sdkObject);
    }

    private static <T> T read(JsonNode json, Class<T> type) {
        try {
            return ObjectMappers.jsonMapper().treeToValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
