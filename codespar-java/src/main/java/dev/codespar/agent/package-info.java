/**
 * What every agent-framework adapter shares: {@link dev.codespar.agent.ToolDispatcher} turns a session's tools into
 * framework-ready {@link dev.codespar.agent.AgentTool}s and routes a model's tool calls back through the session,
 * once per call id, under the session's {@link dev.codespar.policy.ToolPolicy}, answering every outcome in words the
 * model can act on. The LangChain4j, Spring AI, openai-java and anthropic-java adapters are thin layers over it.
 */
package dev.codespar.agent;
