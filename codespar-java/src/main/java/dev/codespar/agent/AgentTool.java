package dev.codespar.agent;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A session's tool as an agent framework sees it.
 *
 * @param name the name the model calls it by: the CodeSpar name made safe for every framework (letters, digits,
 *     {@code _} and {@code -}, at most 64 characters; {@code asaas/create_payment} becomes
 *     {@code asaas__create_payment}, the open-source runtime's own spelling)
 * @param toolName the CodeSpar name, e.g. {@code asaas/create_payment}, as {@code Session.execute} takes it
 * @param description what the tool does, for the model
 * @param parameters its arguments as a JSON Schema object ({@code {"type":"object","properties":{...}}}; a tool that
 *     published none gets an object schema without properties)
 * @param server the server that runs it, or {@code null}
 */
public record AgentTool(String name, String toolName, String description, JsonNode parameters, String server) {}
