package dev.codespar.testkit.internal.http;

import java.io.IOException;

/** What the server does with each request. */
@FunctionalInterface
public interface RequestHandler {

    /**
     * Answers one request on the responder.
     *
     * @param request the request
     * @param responder where the answer goes
     * @throws IOException when the client went away
     */
    void handle(HttpRequest request, Responder responder) throws IOException;
}
