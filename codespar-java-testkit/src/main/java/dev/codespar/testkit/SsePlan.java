package dev.codespar.testkit;

import java.io.IOException;

/** How a stream answer unfolds once its head is due. */
interface SsePlan {

    /**
     * Writes the stream on the sink, head first, honouring a transport fault; returns when the stream is over.
     *
     * @param sink the taken-over connection
     * @param fault the fault striking this stream, or {@code null}
     */
    void run(SseSink sink, Fault fault) throws IOException, InterruptedException;
}
