/**
 * Guardrails before money moves: {@link dev.codespar.policy.ToolPolicy} allows, denies (with a reason the model
 * sees) or waits for a human's approval before a tool call leaves the application, with built-in allow and deny
 * lists, per-call amount caps and per-session spending caps. A denied call makes no network request.
 */
package dev.codespar.policy;
