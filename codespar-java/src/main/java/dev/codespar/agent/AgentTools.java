package dev.codespar.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.Session;
import dev.codespar.SessionTool;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The tools of a session, as {@link AgentTool}s: names every framework accepts, object schemas. */
final class AgentTools {

    private AgentTools() {}

    /** Reads the session's tools ({@code GET /v1/sessions/{id}/connections}) and keeps the ones the filter wants. */
    static List<AgentTool> of(Session session, Predicate<? super AgentTool> filter) {
        List<AgentTool> tools = new ArrayList<>();
        for (SessionTool tool : session.connections().tools()) {
            if (tool.name() == null || tool.name().isBlank()) {
                continue;
            }
            AgentTool agentTool = new AgentTool(ToolNames.frameworkName(tool.name()), tool.name(),
                    tool.description(), objectSchema(tool.inputSchema()), tool.server());
            if (filter.test(agentTool)) {
                tools.add(agentTool);
            }
        }
        return List.copyOf(tools);
    }

    /** A JSON Schema object at the top: frameworks expect {@code {"type": "object", ...}} for a tool's arguments. */
    static JsonNode objectSchema(JsonNode schema) {
        ObjectNode out;
        if (schema != null && schema.isObject()) {
            out = ((ObjectNode) schema).deepCopy();
        } else {
            out = JsonNodeFactory.instance.objectNode();
        }
        if (!out.has("type")) {
            out.put("type", "object");
        }
        if (!out.path("properties").isObject()) {
            out.putObject("properties");
        }
        return out;
    }
}
