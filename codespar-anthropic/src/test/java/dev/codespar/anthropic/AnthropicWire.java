package dev.codespar.anthropic;

import com.anthropic.core.ObjectMappers;
import com.anthropic.models.messages.Message;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Claude's answers built the way the SDK builds them from the network: wire JSON read by anthropic-java's own
 * mapper, and the SDK's objects written back with it.
 */
final class AnthropicWire {

    static final String PAY_INPUT = "{\"action\":\"pay\",\"amount\":1000,\"currency\":\"BRL\",\"method\":\"pix\","
            + "\"description\":\"Order 42\",\"recipient\":\"ana@example.com\"}";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnthropicWire() {}

    /** A {@code tool_use} content block; {@code input} is JSON text, written as the value it is. */
    static ObjectNode toolUse(String id, String name, String input) {
        ObjectNode block = JsonNodeFactory.instance.objectNode().put("type", "tool_use").put("id", id)
                .put("name", name);
        try {
            block.set("input", JSON.readTree(input));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return block;
    }

    /** A {@code text} content block. */
    static ObjectNode text(String text) {
        return JsonNodeFactory.instance.objectNode().put("type", "text").put("text", text);
    }

    /** An assistant {@code message} with these content blocks. */
    static Message message(ObjectNode... blocks) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("id", "msg_1").put("type", "message")
                .put("role", "assistant").put("model", "claude-sonnet-4-6").put("stop_reason", "tool_use");
        json.putNull("stop_sequence");
        json.putObject("usage").put("input_tokens", 10).put("output_tokens", 20);
        ArrayNode content = json.putArray("content");
        for (ObjectNode block : blocks) {
            content.add(block);
        }
        try {
            return ObjectMappers.jsonMapper().treeToValue(json, Message.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What anthropic-java writes for an object of its own in a request body. */
    static JsonNode written(Object sdkObject) {
        return ObjectMappers.jsonMapper().valueToTree(sdkObject);
    }
}
