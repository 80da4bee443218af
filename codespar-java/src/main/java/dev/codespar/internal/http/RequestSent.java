package dev.codespar.internal.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * Whether an attempt's request was written whole: the line between a failure the server cannot have acted on
 * (retried for every method) and one it may have (a {@code POST} is then never sent again).
 *
 * <p>A request with a body counts as sent once its body has been written and flushed to the socket: a connection
 * reset while the request line or body is still being written means the server never saw the whole request. A
 * request without a body (the idempotent {@code GET} and {@code DELETE}, retried either way) counts as sent once a
 * connection is open for it.
 */
final class RequestSent {

    private volatile boolean sent;

    void markSent() {
        sent = true;
    }

    boolean isSent() {
        return sent;
    }

    /** The JSON body of an attempt, which marks the attempt sent once its last byte has been flushed. */
    static RequestBody body(byte[] bytes, MediaType type, RequestSent tracker) {
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return type;
            }

            @Override
            public long contentLength() {
                return bytes.length;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.write(bytes);
                // without the flush the bytes may still sit in okio's buffer: a write failure after this point
                // would otherwise be indistinguishable from one before it
                sink.flush();
                tracker.markSent();
            }
        };
    }

    /** Network interceptor marking a request without a body sent once it has a connection. */
    static final class BodilessMarker implements Interceptor {
        @Override
        public Response intercept(Chain chain) throws IOException {
            RequestSent tracker = chain.request().tag(RequestSent.class);
            if (tracker != null && chain.request().body() == null) {
                tracker.markSent();
            }
            return chain.proceed(chain.request());
        }
    }
}
