package dev.codespar.testkit.internal.wire;

import dev.codespar.testkit.Dialect;

/** What an answer needs to know about the request it answers. */
public interface CallContext {

    /**
     * The request id of the answer.
     *
     * @return {@code req_...}; the runtime dialect sends it nowhere
     */
    String requestId();

    /**
     * The dialect the fake speaks.
     *
     * @return the dialect
     */
    Dialect dialect();
}
