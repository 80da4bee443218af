package dev.codespar.testkit.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/** Reads HTTP/1.1 requests off one connection: request line, headers, then a sized or chunked body. */
final class RequestReader {

    /** A request the reader could not make sense of; the connection answers 400 and closes. */
    static final class MalformedRequest extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedRequest(String message) {
            super(message);
        }
    }

    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 200;
    private static final int MAX_BODY = 16 * 1024 * 1024;

    private final InputStream in;
    private final OutputStream out;

    RequestReader(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /** The next request, or {@code null} when the client closed the connection between requests. */
    HttpRequest next() throws IOException {
        String line = readLine(true);
        while (line != null && line.isEmpty()) {
            line = readLine(true);   // tolerate stray CRLFs between requests (RFC 9112 section 2.2)
        }
        if (line == null) {
            return null;
        }
        String[] parts = line.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new MalformedRequest("bad request line");
        }
        String method = parts[0].toUpperCase(Locale.ROOT);
        String target = parts[1];
        Headers.Builder headers = new Headers.Builder();
        for (int i = 0; ; i++) {
            String h = readLine(false);
            if (h.isEmpty()) {
                break;
            }
            if (i >= MAX_HEADERS) {
                throw new MalformedRequest("too many headers");
            }
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new MalformedRequest("bad header line");
            }
            headers.addUnsafeNonAscii(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
        }
        Headers built = headers.build();
        if ("100-continue".equalsIgnoreCase(built.get("Expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        byte[] body = readBody(built);
        HttpUrl url = target.startsWith("/") ? HttpUrl.parse("http://localhost" + target) : null;
        return new HttpRequest(method, target, url, built, body);
    }

    private byte[] readBody(Headers headers) throws IOException {
        String encoding = headers.get("Transfer-Encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return readChunked();
        }
        String length = headers.get("Content-Length");
        if (length == null) {
            return new byte[0];
        }
        long n;
        try {
            n = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            throw new MalformedRequest("bad Content-Length");
        }
        if (n < 0 || n > MAX_BODY) {
            throw new MalformedRequest("body too large");
        }
        return in.readNBytes((int) n);
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = readLine(false);
            int semi = size.indexOf(';');
            int n;
            try {
                n = Integer.parseInt((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
            } catch (NumberFormatException e) {
                throw new MalformedRequest("bad chunk size");
            }
            if (n == 0) {
                while (!readLine(false).isEmpty()) {
                    // trailers are ignored
                }
                return body.toByteArray();
            }
            if (body.size() + n > MAX_BODY) {
                throw new MalformedRequest("body too large");
            }
            body.write(in.readNBytes(n));
            readLine(false);
        }
    }

    /** One CRLF- (or LF-) terminated line; {@code null} at a clean end of stream when allowed. */
    private String readLine(boolean eofAllowed) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (eofAllowed && sb.length() == 0) {
                    return null;
                }
                throw new EOFException("connection closed mid-request");
            }
            if (b == '\n') {
                int end = sb.length();
                if (end > 0 && sb.charAt(end - 1) == '\r') {
                    sb.setLength(end - 1);
                }
                return sb.toString();
            }
            if (sb.length() >= MAX_LINE) {
                throw new MalformedRequest("line too long");
            }
            sb.append((char) b);
        }
    }
}
