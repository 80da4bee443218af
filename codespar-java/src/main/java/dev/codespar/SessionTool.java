package dev.codespar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * A tool a session can call, as listed with the session's connections.
 *
 * @param name the tool name to pass to {@link Session#execute}, e.g. {@code codespar_pay}
 * @param description what it does (shown to language models); empty when absent
 * @param inputSchema the JSON Schema of its input ({@link NullNode} when absent)
 * @param server the server that provides it ({@code codespar} for meta-tools); may be {@code null}
 */
public record SessionTool(String name, String description, JsonNode inputSchema, String server) {

    /** Normalizes missing values. */
    public SessionTool {
        description = description == null ? "" : description;
        inputSchema = inputSchema == null ? NullNode.getInstance() : inputSchema;
    }
}
