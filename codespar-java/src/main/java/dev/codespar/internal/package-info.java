/**
 * Implementation of the CodeSpar SDK. Nothing under {@code dev.codespar.internal} is public API: it may change in
 * any release without notice. Use {@code dev.codespar} and {@code dev.codespar.errors}.
 */
package dev.codespar.internal;
