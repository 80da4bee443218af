package dev.codespar.telemetry;

/**
 * What a call is, as an observer sees it: low-cardinality values only, fit to tag metrics with.
 *
 * @param method the HTTP method
 * @param pathTemplate the path with its ids replaced, e.g. {@code /v1/sessions/{id}/execute}
 * @param stream whether the call opens an event stream
 */
public record CallStart(String method, String pathTemplate, boolean stream) {}
