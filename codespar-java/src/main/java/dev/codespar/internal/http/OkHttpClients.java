package dev.codespar.internal.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;

/** Builds the OkHttp client the SDK sends with: its own, or a copy of the caller's with the SDK's settings. */
final class OkHttpClients {

    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private OkHttpClients() {}

    /**
     * The client of a transport.
     *
     * @param callerClient the caller's client to copy (never mutated), or {@code null} for a new one
     * @param timeout the per-attempt timeout (connect at most 10 s of it)
     * @param authentication where the key goes
     * @param stale the connection bookkeeping that keeps a {@code POST} off stale connections
     */
    static OkHttpClient build(OkHttpClient callerClient, Duration timeout, Authentication authentication,
            StaleConnections stale) {
        OkHttpClient.Builder builder;
        if (callerClient == null) {
            Dispatcher dispatcher = new Dispatcher();
            dispatcher.setMaxRequests(256);
            dispatcher.setMaxRequestsPerHost(128);
            builder = new OkHttpClient.Builder()
                    .dispatcher(dispatcher)
                    .connectionPool(new ConnectionPool(32, 5, TimeUnit.MINUTES));
        } else {
            builder = callerClient.newBuilder();
        }
        authentication.install(builder);
        return builder
                // the SDK's retry decision is the only one: attempts are counted, and maxRetries(0) is one request
                .retryOnConnectionFailure(false)
                // the API never redirects: following one would re-send a POST (a payment, its body) to wherever the
                // Location points, or turn it into a GET; a 3xx is an error the caller sees instead
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(timeout.compareTo(MAX_CONNECT_TIMEOUT) <= 0 ? timeout : MAX_CONNECT_TIMEOUT)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                // each attempt gets its own deadline (a stream none: its idle timeout bounds every read)
                .callTimeout(Duration.ZERO)
                .eventListenerFactory(stale.listenerFactory(callerClient == null
                        ? call -> EventListener.NONE : callerClient.eventListenerFactory()))
                .addNetworkInterceptor(new RequestSent.BodilessMarker())
                .addNetworkInterceptor(new RetryAfterShield())
                .build();
    }

    /** A copy of the transport's client whose reads time out after the stream's idle timeout. */
    static OkHttpClient forStream(OkHttpClient client, Duration idleTimeout) {
        return client.newBuilder().readTimeout(idleTimeout).build();
    }
}
