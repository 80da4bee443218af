/**
 * The fake's machinery, not API: its HTTP server ({@code http}), the wire helpers ({@code wire}), its state
 * ({@code state}), what tests programmed ({@code program}), the meta-tools ({@code tools}), the route handlers and the
 * routing table ({@code routes}), the live streams ({@code stream}) and scenario files ({@code scenario}).
 */
package dev.codespar.testkit.internal;
