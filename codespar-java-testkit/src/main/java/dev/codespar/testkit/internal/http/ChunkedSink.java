package dev.codespar.testkit.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The body of a chunked answer: each frame one chunk, flushed at once. */
public final class ChunkedSink {

    private final Responder responder;
    private final OutputStream out;
    private final long dripBytes;
    private final long dripMillis;

    ChunkedSink(Responder responder, OutputStream out, long dripBytes, long dripMillis) {
        this.responder = responder;
        this.out = out;
        this.dripBytes = dripBytes;
        this.dripMillis = dripMillis;
    }

    /**
     * Writes one chunk.
     *
     * @param text the chunk's content (an SSE frame, ending with its blank line)
     * @throws IOException when the client is gone
     */
    public void chunk(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] size = (Integer.toHexString(payload.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = new byte[size.length + payload.length + 2];
        System.arraycopy(size, 0, chunk, 0, size.length);
        System.arraycopy(payload, 0, chunk, size.length, payload.length);
        chunk[chunk.length - 2] = '\r';
        chunk[chunk.length - 1] = '\n';
        writeRaw(chunk);
    }

    /**
     * Ends the body cleanly (the last chunk); the connection can then serve the next request.
     *
     * @throws IOException when the client is gone
     */
    public void end() throws IOException {
        writeRaw("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** Drops the connection without ending the body. */
    public void abort() {
        responder.drop();
    }

    /** Goes silent until the client hangs up or the server closes. */
    public void stall() {
        responder.stall();
    }

    void writeRaw(byte[] bytes) throws IOException {
        if (dripBytes <= 0) {
            out.write(bytes);
            out.flush();
        } else {
            Responder.drip(out, bytes, bytes.length, dripBytes, dripMillis);
        }
    }
}
