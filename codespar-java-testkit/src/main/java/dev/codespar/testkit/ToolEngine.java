package dev.codespar.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Answers {@code execute} the way the hosted API does: built-in tools first, then a session's test-mode mocks, the
 * connection gate, a test's stub, and finally the fake's own provider behaviour. Called with the state lock held.
 */
final class ToolEngine {

    /** Tools that bypass the test-mode mock gate. */
    static final Set<String> BUILT_INS = Set.of("codespar_list_tools", "codespar_discover",
            "codespar_manage_connections");

    static final Set<String> META_TOOLS = Set.of("codespar_discover", "codespar_manage_connections",
            "codespar_charge", "codespar_pay", "codespar_ship", "codespar_ledger", "codespar_issue", "codespar_shop",
            "codespar_kyc", "codespar_crypto_pay", "codespar_invoice", "codespar_notify", "codespar_list_tools");

    private static final int DURATION_MS = 42;

    private final FakeState state;

    ToolEngine(FakeState state) {
        this.state = state;
    }

    Answer execute(SessionRecord s, String tool, JsonNode input, String requestId) {
        if (BUILT_INS.contains(tool)) {
            return success(s, tool, "codespar", input, builtIn(s, tool, input, requestId), requestId);
        }
        if (s.mocks != null || (state.config().strictTestMode() && s.testKey)) {
            return mocked(s, tool, input, requestId);
        }
        ToolStub stub = state.stubFor(tool);
        String server = stub != null && stub.serverOverride() != null ? stub.serverOverride() : route(s, tool);
        if (server != null && Boolean.FALSE.equals(s.connections.get(server))) {
            return state.needsConnection(s, server, requestId);
        }
        ToolStub.Reply reply = stub == null ? null : stub.next();
        if (reply != null) {
            return stubbed(s, tool, server, input, reply, requestId);
        }
        return provider(s, tool, server, input, requestId);
    }

    /** The server a tool runs on in this session, or {@code null} when none fits. */
    String route(SessionRecord s, String tool) {
        int slash = tool.indexOf('/');
        if (slash > 0) {
            return tool.substring(0, slash);
        }
        if (!META_TOOLS.contains(tool) || BUILT_INS.contains(tool)) {
            return null;
        }
        String category = Catalog.categoryOf(tool);
        if (category == null) {
            return s.servers.isEmpty() ? null : s.servers.get(0);
        }
        for (String server : s.servers) {
            Catalog.Server info = state.config().catalog().get(server);
            if (info != null && category.equals(info.category())) {
                return server;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- test mode

    private Answer mocked(SessionRecord s, String tool, JsonNode input, String requestId) {
        JsonNode mock = s.mocks == null ? null : s.mocks.get(tool);
        if (mock == null) {
            return Answer.error(requestId, "tool_not_mocked", 422, "No mock declared for " + tool
                    + "; declare it in the session's mocks").with("tool_name", tool);
        }
        if (mock.isObject()) {
            return result(s, tool, "mock", input, true, mock.deepCopy(), null, 0, requestId);
        }
        int used = s.mockCounters.getOrDefault(tool, 0);
        if (used >= mock.size()) {
            return Answer.error(requestId, "mocks_exhausted", 422, "The mock for " + tool + " has no entries left ("
                    + mock.size() + " used)");
        }
        s.mockCounters.put(tool, used + 1);
        return result(s, tool, "mock", input, true, mock.get(used).deepCopy(), null, 0, requestId);
    }

    // ---------------------------------------------------------------- stubs

    private Answer stubbed(SessionRecord s, String tool, String server, JsonNode input, ToolStub.Reply reply,
            String requestId) {
        String reported = server != null ? server : "codespar";
        if (reply instanceof ToolStub.Data data) {
            return success(s, tool, reported, input, data.data().deepCopy(), requestId);
        }
        if (reply instanceof ToolStub.Computed computed) {
            return success(s, tool, reported, input, Wire.tree(computed.function().apply(input.deepCopy())),
                    requestId);
        }
        if (reply instanceof ToolStub.ToolError error) {
            return failure(s, tool, reported, input, error.error(), requestId);
        }
        ToolStub.HttpError http = (ToolStub.HttpError) reply;
        if (http.code().equals("needs_connection")) {
            return state.needsConnection(s, reported, requestId);
        }
        Answer a = Answer.error(requestId, http.code(), http.status(),
                ErrorCodes.defaultMessage(http.code(), http.status()));
        if (http.code().equals("tool_not_mocked")) {
            a.with("tool_name", tool);
        }
        return a;
    }

    // ---------------------------------------------------------------- the fake providers

    private Answer provider(SessionRecord s, String tool, String server, JsonNode input, String requestId) {
        if (tool.indexOf('/') > 0) {
            if (!s.servers.contains(server)) {
                return failure(s, tool, "codespar", input, "Tool not registered: " + tool, requestId);
            }
            ObjectNode data = Wire.object();
            data.put("id", server.replace('-', '_') + "_" + Wire.id("", 12));
            data.put("status", "ok");
            data.put("tool", tool);
            data.set("input", input.deepCopy());
            return success(s, tool, server, input, data, requestId);
        }
        if (!META_TOOLS.contains(tool)) {
            return failure(s, tool, "codespar", input, "Tool not registered: " + tool, requestId);
        }
        if (server == null) {
            return failure(s, tool, "codespar", input, "no_eligible_providers", requestId);
        }
        ObjectNode data;
        switch (tool) {
            case "codespar_pay":
                data = pay(input, requestId);
                break;
            case "codespar_charge":
                data = charge(input, requestId);
                break;
            case "codespar_kyc":
                data = kyc(input, requestId);
                break;
            case "codespar_ship":
                data = ship(input, server, requestId);
                break;
            case "codespar_invoice":
                data = invoice(input, requestId);
                break;
            case "codespar_notify":
                data = notify(input, requestId);
                break;
            default:
                data = Wire.object().put("id", Wire.id(tool.substring("codespar_".length()) + "_", 16))
                        .put("status", "ok");
        }
        if (data.has("error_message")) {
            return failure(s, tool, server, input, data.get("error_message").asText(), requestId);
        }
        return success(s, tool, server, input, data, requestId);
    }

    private ObjectNode pay(JsonNode input, String requestId) {
        String action = text(input, "action", "pay");
        if (action.equals("status")) {
            String paymentId = required(input, "payment_id", requestId);
            ToolCallRecord rec = state.paymentByProviderId(paymentId);
            if (rec == null) {
                return Wire.object().put("error_message", "Invalid parameter: payment " + paymentId + " not found");
            }
            ObjectNode data = Wire.object();
            data.put("id", paymentId);
            data.put("status", rec.status);
            data.put("settled", rec.isTerminal());
            return data;
        }
        JsonNode amount = input.get("amount");
        if (amount == null || amount.isNull()) {
            throw FakeState.invalid(requestId, "Missing required field: amount");
        }
        if (!amount.isIntegralNumber() || amount.asLong() <= 0) {
            throw FakeState.invalid(requestId, "amount must be a positive integer in minor units (e.g. 1000 = R$10)");
        }
        String currency = required(input, "currency", requestId);
        String method = text(input, "method", "pix");
        ObjectNode data = Wire.object();
        data.put("id", Wire.id("pay_", 16));
        data.put("status", "pending");
        data.put("amount", amount.asLong());
        data.put("currency", currency);
        data.put("method", method);
        if (input.has("recipient")) {
            data.set("recipient", input.get("recipient"));
        }
        if (method.equals("pix")) {
            data.put("pix_copy_paste", "00020126580014br.gov.bcb.pix0136" + Wire.id("", 32) + "5204000053039865802BR");
        }
        return data;
    }

    private ObjectNode charge(JsonNode input, String requestId) {
        JsonNode amount = input.get("amount");
        if (amount == null || amount.isNull()) {
            throw FakeState.invalid(requestId, "Missing required field: amount");
        }
        if (!amount.isNumber() || amount.asDouble() <= 0) {
            throw FakeState.invalid(requestId, "amount must be a positive number in major units");
        }
        String currency = required(input, "currency", requestId);
        String method = required(input, "method", requestId);
        String id = Wire.id("chg_", 16);
        ObjectNode data = Wire.object();
        data.put("id", id);
        data.put("status", "pending");
        data.set("amount", amount);
        data.put("currency", currency);
        data.put("method", method);
        data.put("charge_url", state.baseUrl() + "/checkout/" + id);
        if (method.equals("pix")) {
            data.put("pix_copy_paste", "00020126580014br.gov.bcb.pix0136" + Wire.id("", 32) + "5204000053039865802BR");
        }
        return data;
    }

    private ObjectNode kyc(JsonNode input, String requestId) {
        String checkType = required(input, "check_type", requestId);
        String id = Wire.id("ver_", 16);
        ObjectNode data = Wire.object();
        data.put("verification_id", id);
        data.put("status", "pending");
        data.put("check_type", checkType);
        data.put("hosted_url", state.baseUrl() + "/kyc/" + id);
        return data;
    }

    private ObjectNode ship(JsonNode input, String server, String requestId) {
        String action = text(input, "action", "label");
        ObjectNode data = Wire.object();
        data.put("id", Wire.id("shp_", 16));
        data.put("carrier", server);
        switch (action) {
            case "track":
                data.put("status", "in_transit");
                data.put("tracking_code", required(input, "tracking_code", requestId));
                break;
            case "quote":
                data.put("status", "quoted");
                data.put("cost_minor", 2590);
                break;
            default:
                data.put("status", "created");
                data.put("tracking_code", "BR" + Wire.id("", 11).toUpperCase(java.util.Locale.ROOT));
                data.put("label_url", state.baseUrl() + "/labels/" + data.get("id").asText() + ".pdf");
        }
        return data;
    }

    private ObjectNode invoice(JsonNode input, String requestId) {
        String type = required(input, "type", requestId);
        ObjectNode data = Wire.object();
        data.put("id", Wire.id(type + "_", 16));
        data.put("status", "authorized");
        data.put("type", type);
        return data;
    }

    private ObjectNode notify(JsonNode input, String requestId) {
        String channel = required(input, "channel", requestId);
        String to = required(input, "to", requestId);
        ObjectNode data = Wire.object();
        data.put("id", Wire.id("msg_", 16));
        data.put("status", "sent");
        data.put("channel", channel);
        data.put("to", to);
        return data;
    }

    // ---------------------------------------------------------------- built-ins

    private ObjectNode builtIn(SessionRecord s, String tool, JsonNode input, String requestId) {
        switch (tool) {
            case "codespar_list_tools": {
                ObjectNode data = Wire.object();
                ArrayNode list = data.putArray("tools");
                for (JsonNode t : tools(s)) {
                    list.addObject().put("id", t.get("name").asText()).put("name", t.get("name").asText())
                            .put("agentType", "tool");
                }
                return data;
            }
            case "codespar_discover":
                return discover(s, input, requestId);
            default:
                return manageConnections(s, input, requestId);
        }
    }

    private ObjectNode discover(SessionRecord s, JsonNode input, String requestId) {
        String useCase = required(input, "use_case", requestId);
        ObjectNode data = Wire.object();
        data.put("use_case", useCase);
        data.put("search_strategy", "trigram");
        ArrayNode tools = tools(s);
        JsonNode first = null;
        for (JsonNode t : tools) {
            if (!t.get("server").asText().equals("codespar")) {
                first = t;
                break;
            }
        }
        if (first == null) {
            data.putNull("recommended");
        } else {
            String server = first.get("server").asText();
            ObjectNode match = data.putObject("recommended");
            match.put("server_id", server);
            match.put("tool_name", first.get("name").asText());
            match.put("description", first.get("description").asText());
            match.put("http_method", "POST");
            match.put("endpoint_template", "/v1/sessions/{id}/execute");
            match.put("trigram_similarity", 0.42);
            match.put("connection_status", Boolean.TRUE.equals(s.connections.get(server)) ? "connected"
                    : "disconnected");
            match.putArray("known_pitfalls");
            match.putArray("recommended_plan").addObject().put("step", 1)
                    .put("description", "Call " + first.get("name").asText());
        }
        data.putArray("related");
        data.putArray("next_steps").add("Call the recommended tool with session.execute");
        return data;
    }

    private ObjectNode manageConnections(SessionRecord s, JsonNode input, String requestId) {
        String serverId = Wire.string(input, "server_id");
        String action = text(input, "action", serverId != null ? "status" : "list");
        ObjectNode data = Wire.object();
        data.put("action", action);
        ArrayNode rows = data.putArray("connections");
        switch (action) {
            case "list":
                for (String server : s.servers) {
                    rows.add(connectionRow(s, server));
                }
                data.putNull("status");
                data.putNull("initiate");
                break;
            case "status":
                data.set("status", connectionRow(s, required(input, "server_id", requestId)));
                data.putNull("initiate");
                break;
            case "initiate": {
                String server = required(input, "server_id", requestId);
                data.putNull("status");
                Catalog.Server info = state.config().catalog().get(server);
                ObjectNode init = data.putObject("initiate");
                init.put("server_id", server);
                init.put("display_name", info != null ? info.name() : server);
                init.put("auth_type", info != null ? info.authType() : "api_key");
                init.put("difficulty", "easy");
                init.put("status", "pending");
                init.put("connect_url", state.linkUrl(state.newLink(server, s.userId, s.id)));
                init.putArray("instructions").add("Open connect_url and authorize the account");
                init.putArray("required_secrets");
                init.putArray("known_pitfalls");
                init.put("next_action", "open_connect_url");
                break;
            }
            default:
                throw FakeState.invalid(requestId, "action must be one of list, status, initiate");
        }
        return data;
    }

    private ObjectNode connectionRow(SessionRecord s, String server) {
        Catalog.Server info = state.config().catalog().get(server);
        ObjectNode row = Wire.object();
        row.put("server_id", server);
        row.put("display_name", info != null ? info.name() : server);
        row.put("auth_type", info != null ? info.authType() : "api_key");
        row.put("status", Boolean.TRUE.equals(s.connections.get(server)) ? "connected" : "disconnected");
        row.put("difficulty", "easy");
        row.putObject("connection_metadata");
        return row;
    }

    /** The {@code tools} list of {@code GET /connections}: the meta-tools the session's servers can run. */
    ArrayNode tools(SessionRecord s) {
        ArrayNode tools = Wire.NODES.arrayNode();
        Set<String> seen = new LinkedHashSet<>();
        for (String server : s.servers) {
            Catalog.Server info = state.config().catalog().get(server);
            String category = info == null ? null : info.category();
            for (String tool : toolsOf(category)) {
                if (seen.add(tool)) {
                    tools.addObject().put("name", tool).put("description", describe(tool))
                            .<ObjectNode>set("input_schema", Wire.object().put("type", "object"))
                            .put("server", server);
                }
            }
        }
        for (String tool : new String[] {"codespar_discover", "codespar_manage_connections"}) {
            tools.addObject().put("name", tool).put("description", describe(tool))
                    .<ObjectNode>set("input_schema", Wire.object().put("type", "object")).put("server", "codespar");
        }
        return tools;
    }

    private static String[] toolsOf(String category) {
        if (category == null) {
            return new String[0];
        }
        switch (category) {
            case Catalog.PAYMENTS:
                return new String[] {"codespar_pay", "codespar_charge", "codespar_kyc"};
            case Catalog.FISCAL:
                return new String[] {"codespar_invoice"};
            case Catalog.SHIPPING:
                return new String[] {"codespar_ship"};
            case Catalog.MESSAGING:
                return new String[] {"codespar_notify"};
            default:
                return new String[0];
        }
    }

    private static String describe(String tool) {
        switch (tool) {
            case "codespar_pay":
                return "Send a payment (Pix, card, boleto) in minor units";
            case "codespar_charge":
                return "Create a charge the buyer pays (Pix, boleto, card)";
            case "codespar_kyc":
                return "Verify a buyer's identity or documents";
            case "codespar_invoice":
                return "Issue or query a fiscal note (NF-e, NFS-e)";
            case "codespar_ship":
                return "Quote, label and track shipments";
            case "codespar_notify":
                return "Message a customer on WhatsApp, email or SMS";
            case "codespar_discover":
                return "Find the tool for a use case";
            default:
                return "List, check and start connections";
        }
    }

    // ---------------------------------------------------------------- results

    private Answer success(SessionRecord s, String tool, String server, JsonNode input, JsonNode data,
            String requestId) {
        return result(s, tool, server, input, true, data, null, DURATION_MS, requestId);
    }

    private Answer failure(SessionRecord s, String tool, String server, JsonNode input, String error,
            String requestId) {
        return result(s, tool, server, input, false, null, error, DURATION_MS, requestId);
    }

    /** A ToolResult (G3): {@code success, data, error, duration, server, tool, tool_call_id, called_at}. */
    private Answer result(SessionRecord s, String tool, String server, JsonNode input, boolean success, JsonNode data,
            String error, int duration, String requestId) {
        String toolCallId = state.registerToolCall(s, tool, server, success, input, data);
        ObjectNode body = Wire.object();
        body.put("success", success);
        if (data == null) {
            body.putNull("data");
        } else {
            body.set("data", data);
        }
        if (error == null) {
            body.putNull("error");
        } else {
            body.put("error", error);
        }
        body.put("duration", duration);
        body.put("server", server);
        body.put("tool", tool);
        body.put("tool_call_id", toolCallId);
        body.put("called_at", Wire.iso(state.now()));
        return Answer.json(200, body);
    }

    private static String text(JsonNode input, String field, String fallback) {
        String v = Wire.string(input, field);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static String required(JsonNode input, String field, String requestId) {
        JsonNode v = input.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            throw FakeState.invalid(requestId, "Missing required field: " + field);
        }
        if (!v.isTextual()) {
            throw FakeState.invalid(requestId, field + " must be a string");
        }
        return v.asText();
    }
}
