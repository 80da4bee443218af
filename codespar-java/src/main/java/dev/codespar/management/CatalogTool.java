package dev.codespar.management;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A tool of the CodeSpar catalogue. Returned by {@link ToolService}.
 *
 * @param name the tool name (e.g. {@code create_payment}, or {@code server/tool})
 * @param server the server that provides it, or {@code null}
 * @param description what the tool does, or {@code null}
 * @param inputSchema the JSON Schema of its input ({@code input_schema}), or a JSON null when not sent
 * @param raw the object as the server sent it, with fields this SDK version does not read
 */
public record CatalogTool(
        String name,
        String server,
        String description,
        JsonNode inputSchema,
        JsonNode raw) {}
