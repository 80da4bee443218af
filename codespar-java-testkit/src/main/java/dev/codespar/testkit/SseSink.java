package dev.codespar.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Writes one {@code text/event-stream} answer straight onto a taken-over connection: the head, each frame as one
 * HTTP/1.1 chunk (flushed at once), then the last chunk. {@code Connection: close} keeps the client from reusing the
 * connection, which is closed when the stream is over.
 */
final class SseSink {

    private final Socket socket;
    private final OutputStream out;
    private final String requestId;
    private final long dripBytes;
    private final long dripMillis;

    SseSink(Socket socket, String requestId, long dripBytes, long dripMillis) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.requestId = requestId;
        this.dripBytes = dripBytes;
        this.dripMillis = dripMillis;
    }

    void head() throws IOException {
        String head = "HTTP/1.1 200 OK\r\n"
                + "Content-Type: text/event-stream\r\n"
                + "Cache-Control: no-cache\r\n"
                + "Connection: close\r\n"
                + "Transfer-Encoding: chunked\r\n"
                + "X-Request-Id: " + requestId + "\r\n"
                + "\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** One SSE frame (it already ends with the blank line). */
    void frame(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] size = (Integer.toHexString(payload.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = new byte[size.length + payload.length + 2];
        System.arraycopy(size, 0, chunk, 0, size.length);
        System.arraycopy(payload, 0, chunk, size.length, payload.length);
        chunk[chunk.length - 2] = '\r';
        chunk[chunk.length - 1] = '\n';
        write(chunk);
    }

    /** A comment frame such as {@code : heartbeat 1767225600000}. */
    void heartbeat(long epochMillis) throws IOException {
        frame(": heartbeat " + epochMillis + "\n\n");
    }

    /** The clean end of the body. */
    void end() throws IOException {
        write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Strikes a stream that has sent its first event with a {@link Fault#DISCONNECT_MID_BODY} (drop) or a
     * {@link Fault#STALL} (silence until the client leaves).
     *
     * @return {@code true} when the fault ended the stream; the caller writes nothing more
     */
    boolean cutAfterFirstEvent(Fault fault) {
        if (fault == Fault.DISCONNECT_MID_BODY) {
            abort();
            return true;
        }
        if (fault == Fault.STALL) {
            stall();
            return true;
        }
        return false;
    }

    /** Drops the connection without ending the body. */
    void abort() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }

    /** Sends nothing more; returns when the client hangs up or the connection is closed by the fake. */
    void stall() {
        try {
            InputStream in = socket.getInputStream();
            byte[] sink = new byte[256];
            while (in.read(sink) >= 0) {
                // discard anything the client sends; wait for its end of stream
            }
        } catch (IOException closed) {
            // the client left, or the fake shut down
        }
    }

    private void write(byte[] bytes) throws IOException {
        if (dripBytes <= 0) {
            out.write(bytes);
            out.flush();
            return;
        }
        for (int off = 0; off < bytes.length; off += (int) dripBytes) {
            int len = (int) Math.min(dripBytes, bytes.length - off);
            out.write(bytes, off, len);
            out.flush();
            if (dripMillis > 0 && off + len < bytes.length) {
                try {
                    Thread.sleep(dripMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while dripping", e);
                }
            }
        }
    }
}
