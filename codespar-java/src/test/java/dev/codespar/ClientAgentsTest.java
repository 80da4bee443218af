package dev.codespar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codespar.mandate.AgentDidResolver;
import dev.codespar.mandate.DidKey;
import java.io.IOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code client.agents()}: the DID resolver on the client's base URL and connections, which never sends the API key
 * (neither the one the SDK sets on its requests nor one a caller's interceptor adds) nor the project header.
 */
class ClientAgentsTest {

    private static final String DID = "did:web:id.codespar.dev:org_demo:a1";
    private static final String KID = DID + "#1";
    private static final String PATH = "/v1/agents/did%3Aweb%3Aid.codespar.dev%3Aorg_demo%3Aa1/did.json";
    private static final String AGENT_KEY_HEX = "70940e2c00698a520339c07332ff35c05cad7b39d024a4f4737310e740b2ecc3";

    private final MockWebServer server = new MockWebServer();
    private CodeSparClient client;
    private OkHttpClient callers;

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        if (client != null) {
            client.close();
        }
        if (callers != null) {
            callers.dispatcher().executorService().shutdown();
            callers.connectionPool().evictAll();
        }
        server.shutdown();
    }

    private static MockResponse document() {
        String x = Base64.getUrlEncoder().withoutPadding().encodeToString(HexFormat.of().parseHex(AGENT_KEY_HEX));
        return new MockResponse().setHeader("Content-Type", "application/did+json").setBody("{\"id\":\"" + DID + "\","
                + "\"verificationMethod\":[{\"id\":\"" + KID + "\",\"type\":\"JsonWebKey2020\",\"controller\":\"" + DID
                + "\",\"publicKeyJwk\":{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + x + "\"}}]}");
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r).as("a request reached the server").isNotNull();
        return r;
    }

    @Test
    void publicKeyFetchesTheDocumentFromTheClientsApiWithoutTheKeyOrProject() throws Exception {
        client = ManagementFixture.builder(server).projectId("prj_0123456789abcdef").build();
        server.enqueue(document());

        byte[] key = client.agents().publicKey(KID);

        assertThat(HexFormat.of().formatHex(key)).isEqualTo(AGENT_KEY_HEX);
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getPath()).isEqualTo(PATH);
        assertThat(r.getHeader("Authorization")).isNull();
        assertThat(r.getHeader("x-codespar-project")).isNull();
        assertThat(r.getHeader("Accept")).isEqualTo("application/did+json, application/json");
    }

    @Test
    void aCallersInterceptorRunsButItsAuthorizationNeverLeaves() throws Exception {
        callers = new OkHttpClient.Builder().addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                .header("Authorization", "Bearer csk_test_must_not_leak").header("X-Trace", "t-1").build())).build();
        client = ManagementFixture.builder(server).httpClient(callers).build();
        server.enqueue(document());
        server.enqueue(document());

        List<DidKey> keys = client.agents().keys(DID);
        byte[] key = client.agents().publicKeyAsync(KID).get(5, TimeUnit.SECONDS);

        assertThat(keys).extracting(DidKey::id).containsExactly(KID);
        assertThat(HexFormat.of().formatHex(key)).isEqualTo(AGENT_KEY_HEX);
        for (int i = 0; i < 2; i++) {
            RecordedRequest r = take();
            assertThat(r.getPath()).isEqualTo(PATH);
            assertThat(r.getHeader("X-Trace")).as("the caller's interceptor ran").isEqualTo("t-1");
            assertThat(r.getHeader("Authorization")).isNull();
        }
    }

    @Test
    void theResolverIsBoundToTheClientsBaseUrl() {
        client = ManagementFixture.builder(server).build();

        AgentDidResolver agents = client.agents();

        assertThat(agents.documentUrl(DID)).isEqualTo(client.getBaseUrl() + PATH);
        assertThat(server.getRequestCount()).isZero();
    }
}
