/**
 * The implementation of {@link dev.codespar.management}: one class per service, each endpoint defined once as an
 * {@link dev.codespar.internal.http.ApiCall} that both calling styles run, and the tolerant readers of the
 * management records. Not public API.
 */
package dev.codespar.internal.management;
