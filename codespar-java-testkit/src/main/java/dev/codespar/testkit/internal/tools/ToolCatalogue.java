package dev.codespar.testkit.internal.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.Dialect;
import dev.codespar.testkit.internal.state.Catalog;
import dev.codespar.testkit.internal.state.SessionRecord;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.wire.Json;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The tools a session can call, as {@code GET /v1/sessions/{id}/connections} lists them. */
public final class ToolCatalogue {

    private ToolCatalogue() {}

    /**
     * The {@code tools} of a session: each meta-tool one of its servers runs (on the first such server), then the
     * platform's own, each with its advertised {@code input_schema}.
     *
     * @param world the state
     * @param s the session
     * @return {@code [{name, description, input_schema, server}]}
     */
    public static ArrayNode forSession(World world, SessionRecord s) {
        ArrayNode tools = Json.NODES.arrayNode();
        Set<String> seen = new LinkedHashSet<>();
        for (String server : s.servers) {
            Catalog.Server info = world.config.catalog().get(server);
            for (String tool : Definitions.META_TOOLS) {
                List<String> categories = Catalog.categoriesOf(tool);
                if (info != null && categories.contains(info.category()) && seen.add(tool)) {
                    tools.add(entry(tool, server));
                }
            }
        }
        for (String tool : Definitions.META_TOOLS) {
            if (Catalog.platformServes(tool) && seen.add(tool)) {
                tools.add(entry(tool, "codespar"));
            }
        }
        return tools;
    }

    private static ObjectNode entry(String tool, String server) {
        ObjectNode def = Definitions.of(tool);
        ObjectNode e = Json.object();
        e.put("name", tool);
        e.set("description", def.get("description"));
        e.set("input_schema", def.get("input_schema"));
        e.put("server", server);
        return e;
    }

    /**
     * The {@code codespar_list_tools} data. Hosted: the meta-tools, then the session's raw tools. Runtime: its
     * agents' skills, then the registered meta-tools.
     *
     * @param world the state
     * @param s the session
     * @return {@code {tools: [{id, name, agentType}]}}
     */
    static ObjectNode listTools(World world, SessionRecord s) {
        ObjectNode data = Json.object();
        ArrayNode list = data.putArray("tools");
        boolean runtime = world.config.dialect() == Dialect.RUNTIME;
        if (runtime) {
            list.addObject().put("id", "project.monitor-ci").put("name", "CI/CD Monitoring")
                    .put("agentType", "project");
            list.addObject().put("id", "project.codebase-context").put("name", "Codebase Context")
                    .put("agentType", "project");
            list.addObject().put("id", "project.agent-orchestration").put("name", "Agent Orchestration")
                    .put("agentType", "project");
            if (!world.config.runtimeMetaTools()) {
                return data;
            }
        }
        for (String tool : Definitions.META_TOOLS) {
            list.addObject().put("id", tool).put("name", tool).put("agentType", "meta-tool");
        }
        if (runtime) {
            return data;
        }
        for (String server : s.servers) {
            Catalog.Server info = world.config.catalog().get(server);
            if (info != null) {
                for (String t : info.tools()) {
                    String name = server + "/" + t;
                    list.addObject().put("id", name).put("name", name).put("agentType", "tool");
                }
            }
        }
        return data;
    }
}
