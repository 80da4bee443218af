package dev.codespar.internal.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Network interceptor with two jobs at the point where a connection is open and the request is about to be
 * written:
 *
 * <ol>
 *   <li>It records that the request is leaving ({@link SendTracker}). A failure before this point (refused, DNS,
 *       TLS handshake, connect timeout) provably never reached the server; a failure after it may have.
 *   <li>It moves a 503's {@code Retry-After} to {@link ErrorEnvelope#SHIELDED_RETRY_AFTER}, because OkHttp re-sends a
 *       503 carrying {@code Retry-After: 0} by itself even with connection retries off. The SDK's retry policy must
 *       be the only one, so that attempts are counted and {@code maxRetries(0)} means one request.
 * </ol>
 */
final class SendMarker implements Interceptor {

    @Override
    public Response intercept(Chain chain) throws IOException {
        SendTracker tracker = chain.request().tag(SendTracker.class);
        if (tracker != null) {
            tracker.markSent();
        }
        Response response = chain.proceed(chain.request());
        String retryAfter = response.header("Retry-After");
        if (response.code() == 503 && retryAfter != null) {
            return response.newBuilder()
                    .removeHeader("Retry-After")
                    .header(ErrorEnvelope.SHIELDED_RETRY_AFTER, retryAfter)
                    .build();
        }
        return response;
    }
}
