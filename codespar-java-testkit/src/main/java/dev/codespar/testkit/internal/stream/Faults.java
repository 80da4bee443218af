package dev.codespar.testkit.internal.stream;

import dev.codespar.testkit.Fault;
import dev.codespar.testkit.internal.http.ChunkedSink;

/** How a transport fault strikes a stream that has sent its first event. */
final class Faults {

    private Faults() {}

    /**
     * A drop ({@link Fault#DISCONNECT_MID_BODY}) or silence until the client leaves ({@link Fault#STALL}).
     *
     * @return {@code true} when the fault ended the stream; the caller writes nothing more
     */
    static boolean cutAfterFirstEvent(ChunkedSink sink, Fault fault) {
        if (fault == Fault.DISCONNECT_MID_BODY) {
            sink.abort();
            return true;
        }
        if (fault == Fault.STALL) {
            sink.stall();
            return true;
        }
        return false;
    }
}
