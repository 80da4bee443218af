package dev.codespar.examples.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for the Anthropic API on loopback that answers {@code POST /v1/messages} from a script, in the official
 * wire format: first a {@code tool_use} block asking for {@code codespar_pay}, then, once the request carries the
 * {@code tool_result} answering it, a text answer that quotes the payment from that result. The official client
 * talks to it as it would to api.anthropic.com; nothing leaves the machine.
 */
final class ScriptedClaude implements AutoCloseable {

    static final String TOOL_USE_ID = "toolu_pay_1";
    static final String PAY_INPUT = "{\"action\":\"pay\",\"amount\":1000,\"currency\":\"BRL\",\"method\":\"pix\","
            + "\"description\":\"Order 42\",\"recipient\":\"ana@example.com\"}";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    private ScriptedClaude(HttpServer server) {
        this.server = server;
    }

    /** Starts the model on a free port of 127.0.0.1. */
    static ScriptedClaude start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ScriptedClaude model = new ScriptedClaude(server);
        server.createContext("/v1/messages", model::answer);
        server.setExecutor(model.executor);
        server.start();
        return model;
    }

    /** The base URL for {@code AnthropicOkHttpClient.builder().baseUrl(...)}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request body the model received, in order. */
    List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    /** The {@code tool_result} block answering the scripted {@code tool_use}, from the last request that had one. */
    JsonNode toolResultReceived() {
        for (int i = requests.size() - 1; i >= 0; i--) {
            JsonNode result = toolResult(requests.get(i));
            if (result != null) {
                return result;
            }
        }
        return null;
    }

    private static JsonNode toolResult(JsonNode request) {
        JsonNode found = null;
        for (JsonNode message : request.path("messages")) {
            if (!message.path("role").asText().equals("user")) {
                continue;
            }
            for (JsonNode block : message.path("content")) {
                if (block.path("type").asText().equals("tool_result")
                        && block.path("tool_use_id").asText().equals(TOOL_USE_ID)) {
                    found = block;
                }
            }
        }
        return found;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                send(exchange, 405, error("only POST is scripted"));
                return;
            }
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            requests.add(request);
            send(exchange, 200, reply(request));
        }
    }

    /** The script: a tool_use until its tool_result comes back, then the final answer. */
    private ObjectNode reply(JsonNode request) throws IOException {
        JsonNode result = toolResult(request);
        ObjectNode message = JSON.createObjectNode().put("id", "msg_scripted_" + requests.size())
                .put("type", "message").put("role", "assistant")
                .put("model", request.path("model").asText("claude-sonnet-4-6"));
        ArrayNode content = message.putArray("content");
        if (result == null) {
            content.addObject().put("type", "text").put("text", "I'll send the Pix payment now.");
            content.addObject().put("type", "tool_use").put("id", TOOL_USE_ID).put("name", "codespar_pay")
                    .set("input", JSON.readTree(PAY_INPUT));
            message.put("stop_reason", "tool_use");
        } else {
            content.addObject().put("type", "text").put("text", finalAnswer(result));
            message.put("stop_reason", "end_turn");
        }
        message.putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", 120).put("output_tokens", 30);
        return message;
    }

    /** What the model says after reading the tool's answer. */
    private static String finalAnswer(JsonNode toolResult) {
        JsonNode result;
        try {
            result = JSON.readTree(toolResult.path("content").asText());
        } catch (IOException e) {
            return "I could not read the payment's result.";
        }
        if (!toolResult.path("is_error").asBoolean(false) && result.path("success").asBoolean(false)) {
            return "Done: R$ 10,00 sent via Pix to ana@example.com for order 42 (payment "
                    + result.at("/data/id").asText() + ", " + result.at("/data/status").asText() + ").";
        }
        return "The payment did not go through: " + result.path("message").asText();
    }

    private static ObjectNode error(String message) {
        ObjectNode body = JSON.createObjectNode().put("type", "error");
        body.putObject("error").put("type", "invalid_request_error").put("message", message);
        return body;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
