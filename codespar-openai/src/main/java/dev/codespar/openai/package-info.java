/**
 * CodeSpar for the official OpenAI Java SDK: {@link dev.codespar.openai.CodeSparOpenAi} turns a session's tools into
 * Chat Completions and Responses API tool definitions, and answers the model's tool calls with the tool messages
 * to send back, through the core {@link dev.codespar.agent.ToolDispatcher} (one run per call id, the session's
 * policy, outcomes in words the model can act on).
 */
package dev.codespar.openai;
