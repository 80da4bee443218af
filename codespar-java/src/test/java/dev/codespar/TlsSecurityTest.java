package dev.codespar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.codespar.errors.ConfigError;
import dev.codespar.errors.NetworkError;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.HostnameVerifier;
import okhttp3.CertificatePinner;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TLS is never weakened: OkHttp's defaults are kept (or the caller's settings, as given), an https:// base URL never
 * falls back to plain text, and plain http is refused to anything but loopback.
 */
class TlsSecurityTest {

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void tlsDefaultsAreNeverReplacedOrWeakened() {
        OkHttpClient defaults = new OkHttpClient();
        try (CodeSparClient client = TestSupport.builder(server, new FakeTiming()).build()) {
            OkHttpClient used = client.transport().okHttpClient();
            assertThat(used.hostnameVerifier()).isSameAs(defaults.hostnameVerifier());
            assertThat(used.connectionSpecs()).isEqualTo(defaults.connectionSpecs())
                    .containsExactly(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT);
            assertThat(used.certificatePinner().getPins()).isEmpty();
            assertThat(used.sslSocketFactory().getClass()).isEqualTo(defaults.sslSocketFactory().getClass());
            assertThat(used.x509TrustManager()).isNotNull();
            assertThat(used.x509TrustManager().getClass()).isEqualTo(defaults.x509TrustManager().getClass());
            assertThat(used.protocols()).isEqualTo(defaults.protocols());
        }
    }

    @Test
    void aCallersTlsSettingsAreKeptAsGiven() {
        HostnameVerifier strict = (host, session) -> false;
        CertificatePinner pinner = new CertificatePinner.Builder()
                .add("api.codespar.dev", "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=").build();
        OkHttpClient mine = new OkHttpClient.Builder().hostnameVerifier(strict).certificatePinner(pinner)
                .connectionSpecs(List.of(ConnectionSpec.RESTRICTED_TLS)).build();
        try (CodeSparClient client = CodeSparClient.builder().apiKey(TestSupport.KEY).httpClient(mine).build()) {
            OkHttpClient used = client.transport().okHttpClient();
            assertThat(used.hostnameVerifier()).isSameAs(strict);
            assertThat(used.certificatePinner().getPins()).isEqualTo(pinner.getPins());
            assertThat(used.connectionSpecs()).containsExactly(ConnectionSpec.RESTRICTED_TLS);
            assertThat(used.sslSocketFactory()).isSameAs(mine.sslSocketFactory());
        }
    }

    @Test
    void httpsNeverFallsBackToPlainText() throws Exception {
        // a plain-HTTP server behind an https:// base URL: the TLS handshake fails, nothing is sent in clear text.
        // The timeout is generous because the JVM's first TLS set-up is slow on a loaded machine: a timeout here
        // would be a TimeoutError, not the handshake failure under test
        java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        try (java.net.ServerSocket plain = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> {
                for (int i = 0; i < 2; i++) {
                    try (java.net.Socket s = plain.accept()) {
                        s.setSoTimeout(2_000);
                        byte[] chunk = new byte[4096];
                        int n = s.getInputStream().read(chunk);
                        synchronized (received) {
                            received.write(chunk, 0, Math.max(n, 0));
                        }
                        s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "plain-http-server");
            answering.start();
            try (CodeSparClient client = CodeSparClient.builder().apiKey(TestSupport.KEY)
                    .environment(name -> null).timing(new FakeTiming()).maxRetries(1).timeout(Duration.ofSeconds(60))
                    .baseUrl("https://127.0.0.1:" + plain.getLocalPort()).build()) {
                Throwable t = catchThrowable(() -> client.projects().list());
                assertThat(t).isExactlyInstanceOf(NetworkError.class).hasMessageContaining("TLS failed")
                        .hasMessageContaining("never reached the server");
                assertThat(((NetworkError) t).wasRequestSent()).isFalse();
                assertThat(((NetworkError) t).getAttempts()).as("a failed handshake is retried").isEqualTo(2);
            }
            answering.join(5_000);
        }
        byte[] bytes;
        synchronized (received) {
            bytes = received.toByteArray();
        }
        assertThat(bytes).as("the server saw TLS handshakes").isNotEmpty();
        assertThat(bytes[0]).as("a TLS handshake record").isEqualTo((byte) 0x16);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("Authorization").doesNotContain(TestSupport.SECRET_PART).doesNotContain("/v1/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.codespar.dev", "http://0x7f000001", "http://2130706433",
            "http://localhost@evil.example", "http://127.0.0.1:80@evil.example", "http://127.0.0.1.evil.example",
            "http://[::ffff:7f00:1]", "http://169.254.169.254"})
    void plainHttpToAnyHostButLoopbackIsRefused(String url) {
        Throwable t = catchThrowable(() -> CodeSparClient.builder().apiKey(TestSupport.KEY).baseUrl(url).build());
        if (t == null) {
            // a URL OkHttp canonicalises to a loopback address is the only acceptable plain-http target
            try (CodeSparClient c = CodeSparClient.builder().apiKey(TestSupport.KEY).baseUrl(url).build()) {
                assertThat(dev.codespar.internal.http.Hosts.isLoopback(c.transport().baseUrl().host())).isTrue();
            }
            return;
        }
        assertThat(t).isExactlyInstanceOf(ConfigError.class).hasMessageContaining("plain http://");
    }

    @Test
    void aPasswordInTheBaseUrlIsNeverEchoed() {
        Throwable t = catchThrowable(() -> CodeSparClient.builder().apiKey(TestSupport.KEY)
                .baseUrl("http://admin:hunter2@evil.example/").build());
        assertThat(t).isExactlyInstanceOf(ConfigError.class).hasMessageNotContaining("hunter2");
    }
}
