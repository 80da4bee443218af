/**
 * CodeSpar for Spring AI: {@link dev.codespar.springai.CodeSparToolCallbacks} is a {@code ToolCallbackProvider} whose
 * {@code ToolCallback}s are a session's tools, each call run through the core {@link dev.codespar.agent.ToolDispatcher}
 * (the session's policy before any request, every outcome answered in words the model can act on). Works with the
 * Spring AI 1.1 and 2.0 lines.
 */
package dev.codespar.springai;
