package dev.codespar.policy;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Allow and deny lists of tool names; {@code server/*} matches every tool of a server. */
final class ToolLists {

    private ToolLists() {}

    static ToolPolicy allowOnly(String... tools) {
        List<String> names = names(tools);
        return call -> CompletableFuture.completedFuture(matches(names, call.tool()) ? PolicyDecision.allow()
                : PolicyDecision.deny("tool_not_allowed", "the tool " + call.tool()
                        + " is not among the tools this agent may use: " + names));
    }

    static ToolPolicy deny(String... tools) {
        List<String> names = names(tools);
        return call -> CompletableFuture.completedFuture(!matches(names, call.tool()) ? PolicyDecision.allow()
                : PolicyDecision.deny("tool_denied", "the tool " + call.tool() + " may not be used by this agent"));
    }

    private static List<String> names(String... tools) {
        if (tools == null || tools.length == 0) {
            throw new IllegalArgumentException("tools: name at least one tool");
        }
        for (String tool : tools) {
            if (tool == null || tool.isBlank()) {
                throw new IllegalArgumentException("tools: a tool name must not be blank");
            }
        }
        return List.of(tools);
    }

    static boolean matches(List<String> names, String tool) {
        for (String name : names) {
            if (name.equals(tool) || (name.endsWith("/*") && tool != null
                    && tool.startsWith(name.substring(0, name.length() - 1)))) {
                return true;
            }
        }
        return false;
    }
}
