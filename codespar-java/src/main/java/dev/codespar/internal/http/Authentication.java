package dev.codespar.internal.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Where the API key goes: the {@code Authorization} (and {@code User-Agent}) header of every request, and nowhere
 * else (no message, log line or {@code toString()}).
 *
 * <p>With no application interceptor of the caller's, nothing but OkHttp sees the request, and the headers are set
 * where it is built (one request copy less per call). A caller's interceptor would see, and might log, the key: then
 * the headers are added by an interceptor of the SDK's own that runs after theirs.
 */
final class Authentication implements Interceptor {

    private final String authorization;
    private final String userAgent;
    private final boolean asInterceptor;

    Authentication(String apiKey, String userAgent, OkHttpClient callerClient) {
        this.authorization = "Bearer " + apiKey;
        this.userAgent = userAgent;
        this.asInterceptor = callerClient != null && !callerClient.interceptors().isEmpty();
    }

    /** Adds the interceptor to the client being built when the headers cannot be set on the request itself. */
    void install(OkHttpClient.Builder builder) {
        if (asInterceptor) {
            builder.addInterceptor(this);
        }
    }

    /** Sets the headers on a request being built, unless the interceptor does. */
    void apply(Request.Builder request) {
        if (!asInterceptor) {
            request.header("Authorization", authorization).header("User-Agent", userAgent);
        }
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
        return "Authentication{Authorization=[redacted], User-Agent=" + userAgent + "}";
    }
}
