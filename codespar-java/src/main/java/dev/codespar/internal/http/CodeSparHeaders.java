package dev.codespar.internal.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Application interceptor that adds the headers every CodeSpar request carries: {@code Authorization} and
 * {@code User-Agent}. It runs once per call, so OkHttp's own redirect handling still drops {@code Authorization}
 * when a redirect leaves the API host.
 */
final class CodeSparHeaders implements Interceptor {

    private final String authorization;
    private final String userAgent;

    CodeSparHeaders(String apiKey, String userAgent) {
        this.authorization = "Bearer " + apiKey;
        this.userAgent = userAgent;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return chain.proceed(chain.request().newBuilder()
                .header("Authorization", authorization)
                .header("User-Agent", userAgent)
                .build());
    }

    @Override
    public String toString() {
        return "CodeSparHeaders{Authorization=[redacted], User-Agent=" + userAgent + "}";
    }
}
