/** The implementation of {@link dev.codespar.consumers.ConsumerService}: request bodies, checks and readers. */
package dev.codespar.internal.consumers;
