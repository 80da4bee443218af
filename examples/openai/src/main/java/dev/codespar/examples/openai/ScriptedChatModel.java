package dev.codespar.examples.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * A stand-in for the OpenAI API on loopback that answers {@code POST /v1/chat/completions} from a script, in the
 * official wire format: first a {@code codespar_pay} tool call, then, once the request carries the tool message
 * answering it, a text answer that quotes the payment from that tool message. The official client talks to it as
 * it would to api.openai.com; nothing leaves the machine.
 */
final class ScriptedChatModel implements AutoCloseable {

    static final String CALL_ID = "call_pay_1";
    static final String PAY_ARGUMENTS = "{\"action\":\"pay\",\"amount\":1000,\"currency\":\"BRL\",\"method\":\"pix\","
            + "\"description\":\"Order 42\",\"recipient\":\"ana@example.com\"}";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    private ScriptedChatModel(HttpServer server) {
        this.server = server;
    }

    /** Starts the model on a free port of 127.0.0.1. */
    static ScriptedChatModel start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ScriptedChatModel model = new ScriptedChatModel(server);
        server.createContext("/v1/chat/completions", model::answer);
        server.setExecutor(model.executor);
        server.start();
        return model;
    }

    /** The base URL for {@code OpenAIOkHttpClient.builder().baseUrl(...)}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Every request body the model received, in order. */
    List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    /** The tool message answering the scripted call, from the last request that carried one. */
    JsonNode toolMessageReceived() {
        for (int i = requests.size() - 1; i >= 0; i--) {
            for (JsonNode message : requests.get(i).path("messages")) {
                if (message.path("role").asText().equals("tool")
                        && message.path("tool_call_id").asText().equals(CALL_ID)) {
                    return message;
                }
            }
        }
        return null;
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

    /** The script: a tool call until the tool message comes back, then the final answer. */
    private ObjectNode reply(JsonNode request) {
        JsonNode tool = null;
        for (JsonNode message : request.path("messages")) {
            if (message.path("role").asText().equals("tool")) {
                tool = message;
            }
        }
        ObjectNode completion = JSON.createObjectNode().put("id", "chatcmpl-scripted-" + requests.size())
                .put("object", "chat.completion").put("created", 1_760_000_000L)
                .put("model", request.path("model").asText("gpt-4.1"));
        ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
        choice.putNull("logprobs");
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        message.putNull("refusal");
        if (tool == null) {
            choice.put("finish_reason", "tool_calls");
            message.putNull("content");
            ObjectNode call = message.putArray("tool_calls").addObject().put("id", CALL_ID).put("type", "function");
            call.putObject("function").put("name", "codespar_pay").put("arguments", PAY_ARGUMENTS);
        } else {
            choice.put("finish_reason", "stop");
            message.put("content", finalAnswer(tool.path("content").asText()));
        }
        completion.putObject("usage").put("prompt_tokens", 120).put("completion_tokens", 30)
                .put("total_tokens", 150);
        return completion;
    }

    /** What the model says after reading the tool's answer. */
    private static String finalAnswer(String toolContent) {
        JsonNode result;
        try {
            result = JSON.readTree(toolContent);
        } catch (IOException e) {
            return "I could not read the payment's result.";
        }
        if (result.path("success").asBoolean(false)) {
            return "Done: R$ 10,00 sent via Pix to ana@example.com for order 42 (payment "
                    + result.at("/data/id").asText() + ", " + result.at("/data/status").asText() + ").";
        }
        return "The payment did not go through: " + result.path("message").asText();
    }

    private static ObjectNode error(String message) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("message", message).put("type", "invalid_request_error");
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
