/**
 * CodeSpar for the official Anthropic Java SDK: {@link dev.codespar.anthropic.CodeSparAnthropic} turns a session's
 * tools into Messages API tool definitions, and answers Claude's {@code tool_use} blocks with the {@code tool_result}
 * user message to send back, through the core {@link dev.codespar.agent.ToolDispatcher} (one run per call id, the
 * session's policy, outcomes in words the model can act on).
 */
package dev.codespar.anthropic;
