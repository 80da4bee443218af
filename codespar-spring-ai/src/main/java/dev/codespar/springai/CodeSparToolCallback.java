package dev.codespar.springai;

import dev.codespar.agent.AgentTool;
import dev.codespar.agent.ToolDispatcher;
import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * One session tool as a Spring AI {@link ToolCallback}: its definition is the tool's name, description and published
 * JSON Schema; a call goes to the dispatcher, and what comes back is the dispatcher's answer for the model.
 */
final class CodeSparToolCallback implements ToolCallback {

    private final ToolDispatcher dispatcher;
    private final ToolDefinition definition;

    CodeSparToolCallback(ToolDispatcher dispatcher, AgentTool tool) {
        this.dispatcher = dispatcher;
        this.definition = ToolDefinition.builder()
                .name(tool.name())
                // Spring AI requires a description; a tool that published none is described by its CodeSpar name
                .description(tool.description() == null || tool.description().isBlank() ? tool.toolName()
                        : tool.description())
                .inputSchema(tool.parameters().toString())
                .build();
    }

    @Override
    public ToolDefinition getToolDefinition() {
        return definition;
    }

    @Override
    public String call(String toolInput) {
        // Spring AI hands a ToolCallback the arguments only, never the model's tool-call id (its
        // DefaultToolCallingManager calls call(arguments, toolContext)): the id is known only while a
        // CodeSparToolCallingManager executes the reply, and without one (null) every call runs
        return dispatcher.dispatch(ToolCallIds.claim(definition.name(), toolInput), definition.name(), toolInput)
                .content();
    }

    @Override
    public String call(String toolInput, ToolContext toolContext) {
        // the tool context is the application's own map for its own tools; a CodeSpar call needs nothing from it
        return call(toolInput);
    }

    @Override
    public String toString() {
        return "CodeSparToolCallback[" + definition.name() + "]";
    }
}
