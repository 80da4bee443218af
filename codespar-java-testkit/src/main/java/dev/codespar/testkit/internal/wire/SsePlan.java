package dev.codespar.testkit.internal.wire;

import dev.codespar.testkit.Fault;
import dev.codespar.testkit.internal.http.ChunkedSink;
import java.io.IOException;

/** How a stream answer unfolds once its head is written. */
public interface SsePlan {

    /**
     * Writes the stream's frames, honouring a transport fault; returns when the stream is over.
     *
     * @param sink the stream body
     * @param fault the fault striking this stream, or {@code null}
     * @throws IOException when the client goes away
     * @throws InterruptedException when the fake shuts down
     */
    void run(ChunkedSink sink, Fault fault) throws IOException, InterruptedException;
}
