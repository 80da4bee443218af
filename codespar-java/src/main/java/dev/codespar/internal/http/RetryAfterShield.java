package dev.codespar.internal.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Network interceptor that moves a 503's {@code Retry-After} to {@link ErrorEnvelope#SHIELDED_RETRY_AFTER}: OkHttp
 * re-sends a 503 carrying {@code Retry-After: 0} by itself, even with connection retries off. The SDK's retry
 * decision must be the only one, so that attempts are counted and {@code maxRetries(0)} means one request; the
 * error parser reads the wait back from the shielded header.
 */
final class RetryAfterShield implements Interceptor {

    @Override
    public Response intercept(Chain chain) throws IOException {
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
