/**
 * CodeSpar for LangChain4j: {@link dev.codespar.langchain4j.CodeSparTools} is a {@code ToolProvider} for AI Services
 * whose tool specifications are a session's tools (their JSON Schemas in LangChain4j's schema types) and whose
 * executions run through the core {@link dev.codespar.agent.ToolDispatcher} (one run per call id, the session's
 * policy, outcomes in words the model can act on).
 */
package dev.codespar.langchain4j;
