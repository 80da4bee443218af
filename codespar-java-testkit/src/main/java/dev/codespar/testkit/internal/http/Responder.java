package dev.codespar.testkit.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes the answer to one request on its connection. Exactly one of {@link #send}, {@link #openStream},
 * {@link #drop} or {@link #stall} is called; afterwards {@link #keepAlive()} says whether the connection can serve
 * the next request.
 */
public final class Responder {

    private final Socket socket;
    private final OutputStream out;
    private boolean keepAlive = true;

    Responder(Socket socket, OutputStream out) {
        this.socket = socket;
        this.out = out;
    }

    /**
     * Writes a whole answer (head and body in one write, so a client never waits on a half-sent answer), damaged
     * as the reply says.
     *
     * @param reply the answer
     * @throws IOException when the client is gone
     */
    public void send(HttpReply reply) throws IOException {
        byte[] body = reply.body() == null ? new byte[0] : reply.body();
        int bodyLength = reply.damage() == HttpReply.Damage.TRUNCATE ? body.length / 2 : body.length;
        boolean sized = reply.status() != 204 && reply.status() != 304;
        StringBuilder head = new StringBuilder(256).append("HTTP/1.1 ").append(reply.status()).append(' ')
                .append(Reasons.of(reply.status())).append("\r\n");
        boolean placed = false;
        for (Map.Entry<String, String> h : reply.headers()) {
            if (h.getKey().equalsIgnoreCase("Content-Length")) {
                // the writer knows the length; the entry only says where the header goes
                if (sized) {
                    head.append(h.getKey()).append(": ").append(bodyLength).append("\r\n");
                }
                placed = true;
            } else {
                head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
            }
        }
        if (sized && !placed) {
            head.append("Content-Length: ").append(bodyLength).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        switch (reply.damage()) {
            case CUT_MID_BODY:
                out.write(concat(headBytes, body, body.length / 2));
                out.flush();
                drop();
                return;
            case DRIP:
                out.write(headBytes);
                out.flush();
                drip(out, body, bodyLength, reply.dripBytes(), reply.dripPeriod().toMillis());
                return;
            default:
                out.write(concat(headBytes, body, bodyLength));
                out.flush();
        }
    }

    /**
     * Writes the head of a chunked answer (an event stream) and hands over the connection for its frames.
     *
     * @param status the status, 200
     * @param headers the head's headers (without {@code Transfer-Encoding}, which is added)
     * @param dripBytes bytes per burst, or 0 to write each frame at once
     * @param dripMillis pause between bursts
     * @return the sink to write frames on; the stream ends with {@link ChunkedSink#end()} or {@link #drop()}
     * @throws IOException when the client is gone
     */
    public ChunkedSink openStream(int status, List<Map.Entry<String, String>> headers, long dripBytes,
            long dripMillis) throws IOException {
        StringBuilder head = statusLine(status, headers).append("Transfer-Encoding: chunked\r\n\r\n");
        ChunkedSink sink = new ChunkedSink(this, out, dripBytes, dripMillis);
        sink.writeRaw(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        return sink;
    }

    /** Closes the connection without (the rest of) an answer. */
    public void drop() {
        keepAlive = false;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }

    /** Sends nothing; returns once the client hangs up or the server closes the connection. */
    public void stall() {
        keepAlive = false;
        try {
            InputStream in = socket.getInputStream();
            byte[] discard = new byte[256];
            while (in.read(discard) >= 0) {
                // the client may keep writing; wait for its end of stream
            }
        } catch (IOException closed) {
            // the client left, or the fake shut down
        }
        drop();
    }

    /** Closes the connection once this answer is written (a {@code Connection: close} answer). */
    public void closeAfter() {
        keepAlive = false;
    }

    /**
     * Whether the connection may serve another request after this answer.
     *
     * @return {@code false} after a drop or a stall
     */
    public boolean keepAlive() {
        return keepAlive && !socket.isClosed();
    }

    private static StringBuilder statusLine(int status, List<Map.Entry<String, String>> headers) {
        StringBuilder head = new StringBuilder(256).append("HTTP/1.1 ").append(status).append(' ')
                .append(Reasons.of(status)).append("\r\n");
        for (Map.Entry<String, String> h : headers) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        return head;
    }

    private static byte[] concat(byte[] head, byte[] body, int bodyLength) {
        byte[] all = new byte[head.length + bodyLength];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, bodyLength);
        return all;
    }

    static void drip(OutputStream out, byte[] bytes, int length, long burst, long pauseMillis) throws IOException {
        int step = (int) Math.max(1, burst);
        for (int off = 0; off < length; off += step) {
            int len = Math.min(step, length - off);
            out.write(bytes, off, len);
            out.flush();
            if (pauseMillis > 0 && off + len < length) {
                try {
                    Thread.sleep(pauseMillis);   // the pacing itself is the point of the fault
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while dripping", e);
                }
            }
        }
    }
}
