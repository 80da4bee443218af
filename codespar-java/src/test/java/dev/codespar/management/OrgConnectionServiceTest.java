package dev.codespar.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.codespar.ManagementFixture;
import dev.codespar.errors.InvalidRequestError;
import dev.codespar.errors.NotFoundError;
import dev.codespar.paging.Page;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrgConnectionServiceTest {

    static final String PROVIDER_SECRET = "aact_prod_SuperSecretProviderKey_42";
    private static final String CONNECTION = "{\"id\":\"conn_1\",\"server_id\":\"asaas\",\"display_name\":\"Asaas prod\","
            + "\"user_id\":null,\"status\":\"connected\",\"connection_metadata\":{\"account\":\"acme\"},"
            + "\"created_at\":\"2026-05-02T10:00:00Z\",\"auth_type\":\"api_key\"}";

    private final ManagementFixture api = new ManagementFixture();

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void createSendsEveryFieldInOrderAndParsesTheConnection() {
        api.enqueue(201, CONNECTION);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("account", "acme");
        metadata.put("tier", 2);

        OrgConnection c = api.client.orgConnections().create(OrgConnectionCreateParams.builder()
                .serverId("asaas").secret(PROVIDER_SECRET).displayName("Asaas prod").userId("user_1")
                .connectionMetadata(metadata).build());

        assertThat(api.take("POST", "/v1/connections").getBody().readUtf8()).isEqualTo("{\"server_id\":\"asaas\","
                + "\"secret\":\"" + PROVIDER_SECRET + "\",\"display_name\":\"Asaas prod\",\"user_id\":\"user_1\","
                + "\"connection_metadata\":{\"account\":\"acme\",\"tier\":2}}");
        assertThat(c.id()).isEqualTo("conn_1");
        assertThat(c.serverId()).isEqualTo("asaas");
        assertThat(c.displayName()).isEqualTo("Asaas prod");
        assertThat(c.userId()).isNull();
        assertThat(c.status()).isEqualTo("connected");
        assertThat(c.connectionMetadata().path("account").asText()).isEqualTo("acme");
        assertThat(c.createdAt()).isEqualTo(Instant.parse("2026-05-02T10:00:00Z"));
        assertThat(c.rotated()).isFalse();
        assertThat(c.raw().path("auth_type").asText()).isEqualTo("api_key");
    }

    @Test
    void aMapSecretIsSentAsAnObjectAndOptionalFieldsAreOmitted() {
        api.enqueue(201, CONNECTION);
        Map<String, String> secret = new LinkedHashMap<>();
        secret.put("client_id", "cid");
        secret.put("client_secret", "csec");

        api.client.orgConnections().create(OrgConnectionCreateParams.builder().serverId("zoop").secret(secret).build());

        assertThat(api.take("POST", "/v1/connections").getBody().readUtf8())
                .isEqualTo("{\"server_id\":\"zoop\",\"secret\":{\"client_id\":\"cid\",\"client_secret\":\"csec\"}}");
    }

    @Test
    void a200AnswerIsARotation() {
        api.enqueue(200, CONNECTION);

        OrgConnection c = api.client.orgConnections().create(
                OrgConnectionCreateParams.builder().serverId("asaas").secret("new").build());

        assertThat(c.rotated()).isTrue();
    }

    @Test
    void anEchoedSecretIsDroppedFromRaw() {
        api.enqueue(201, "{\"id\":\"conn_2\",\"secret\":\"" + PROVIDER_SECRET + "\"}");

        OrgConnection c = api.client.orgConnections().create(
                OrgConnectionCreateParams.builder().serverId("asaas").secret(PROVIDER_SECRET).build());

        assertThat(c.raw().toString()).doesNotContain(PROVIDER_SECRET);
        assertThat(c.toString()).doesNotContain(PROVIDER_SECRET);
    }

    @Test
    void secretAndServerAreRequiredBeforeTheNetwork() {
        assertThatThrownBy(() -> api.client.orgConnections().create(OrgConnectionCreateParams.builder()
                .secret("s").build())).isInstanceOf(InvalidRequestError.class).hasMessageContaining("serverId");
        assertThatThrownBy(() -> api.client.orgConnections().create(OrgConnectionCreateParams.builder()
                .serverId("asaas").build())).isInstanceOf(InvalidRequestError.class).hasMessageContaining("secret");
        assertThatThrownBy(() -> api.client.orgConnections().create(OrgConnectionCreateParams.builder()
                .serverId("asaas").secret(" ").build())).isInstanceOf(InvalidRequestError.class)
                .hasMessageContaining("secret");
        assertThatThrownBy(() -> api.client.orgConnections().create(OrgConnectionCreateParams.builder()
                .serverId("asaas").secret(Map.of()).build())).isInstanceOf(InvalidRequestError.class)
                .hasMessageContaining("secret");
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void metadataLimitsAreCheckedBeforeTheNetwork() {
        Map<String, Object> sixtyFive = new LinkedHashMap<>();
        for (int i = 0; i < 65; i++) {
            sixtyFive.put("k" + i, i);
        }
        Map<String, Object> sixtyFour = new LinkedHashMap<>(sixtyFive);
        sixtyFour.remove("k64");

        InvalidRequestError tooMany = catchThrowableOfType(() -> api.client.orgConnections().create(
                OrgConnectionCreateParams.builder().serverId("asaas").secret(PROVIDER_SECRET)
                        .connectionMetadata(sixtyFive).build()), InvalidRequestError.class);
        InvalidRequestError tooLarge = catchThrowableOfType(() -> api.client.orgConnections().create(
                OrgConnectionCreateParams.builder().serverId("asaas").secret(PROVIDER_SECRET)
                        .connectionMetadata(Map.of("blob", "x".repeat(32 * 1024))).build()), InvalidRequestError.class);

        assertThat(tooMany.getMessage()).contains("connectionMetadata").contains("64 keys").doesNotContain(PROVIDER_SECRET);
        assertThat(tooLarge.getMessage()).contains("connectionMetadata").contains("32768 bytes");
        assertThat(api.requestCount()).isZero();

        api.enqueue(201, CONNECTION);
        api.client.orgConnections().create(OrgConnectionCreateParams.builder().serverId("asaas").secret(PROVIDER_SECRET)
                .connectionMetadata(sixtyFour).build());
        api.take("POST", "/v1/connections");
    }

    @Test
    void paramsToStringHidesTheSecret() {
        String text = OrgConnectionCreateParams.builder().serverId("asaas").secret(PROVIDER_SECRET).build().toString();
        String mapText = OrgConnectionCreateParams.builder().serverId("zoop")
                .secret(Map.of("client_secret", PROVIDER_SECRET)).build().toString();

        assertThat(text).doesNotContain(PROVIDER_SECRET).contains("secret=[redacted]");
        assertThat(mapText).doesNotContain(PROVIDER_SECRET);
    }

    @Test
    void listSendsFiltersAndReadsConnections() {
        api.enqueue("{\"connections\":[" + CONNECTION + ",{\"id\":\"conn_2\",\"server_id\":\"zoop\","
                + "\"status\":\"revoked\",\"user_id\":\"user_9\"}]}");

        Page<OrgConnection> page = api.client.orgConnections().list(OrgConnectionListParams.builder()
                .userId("user_9").serverId("zoop").status("revoked").build());

        api.take("GET", "/v1/connections?user_id=user_9&server_id=zoop&status=revoked");
        assertThat(page.data()).extracting(OrgConnection::id).containsExactly("conn_1", "conn_2");
        assertThat(page.data()).extracting(OrgConnection::rotated).containsOnly(false);
        assertThat(page.data().get(1).userId()).isEqualTo("user_9");
        assertThat(page.hasNextPage()).isFalse();
    }

    @Test
    void listWithoutFilters() {
        api.enqueue("{\"connections\":[]}");

        assertThat(api.client.orgConnections().list().data()).isEmpty();

        api.take("GET", "/v1/connections");
    }

    @Test
    void revokePostsAnEmptyObject() {
        api.enqueue("{\"id\":\"conn_1\",\"status\":\"revoked\"}");
        api.enqueue(204, null);

        api.client.orgConnections().revoke("conn_1");
        api.client.orgConnections().revoke("conn_2");

        assertThat(api.take("POST", "/v1/connections/conn_1/revoke").getBody().readUtf8()).isEqualTo("{}");
        assertThat(api.take("POST", "/v1/connections/conn_2/revoke").getBody().readUtf8()).isEqualTo("{}");
    }

    @Test
    void revokingAnUnknownConnectionIsNotFound() {
        api.enqueue(404, "{\"error\":\"not_found\"}");

        assertThatThrownBy(() -> api.client.orgConnections().revoke("conn_x")).isInstanceOf(NotFoundError.class);
    }

    @Test
    void asyncTwins() throws Exception {
        api.enqueue(201, CONNECTION);
        api.enqueue("{\"connections\":[" + CONNECTION + "]}");
        api.enqueue("{\"connections\":[]}");
        api.enqueue(204, null);

        assertThat(api.client.orgConnections().createAsync(OrgConnectionCreateParams.builder().serverId("asaas")
                .secret(PROVIDER_SECRET).build()).get(5, TimeUnit.SECONDS).id()).isEqualTo("conn_1");
        assertThat(api.client.orgConnections().listAsync().get(5, TimeUnit.SECONDS).data()).hasSize(1);
        assertThat(api.client.orgConnections().listAsync(OrgConnectionListParams.builder().serverId("asaas").build())
                .get(5, TimeUnit.SECONDS).data()).isEmpty();
        assertThat(api.client.orgConnections().revokeAsync("conn_1").get(5, TimeUnit.SECONDS)).isNull();
        assertThat(api.client.orgConnections().createAsync(OrgConnectionCreateParams.builder().serverId("asaas").build()))
                .isCompletedExceptionally();

        api.take("POST", "/v1/connections");
        api.take("GET", "/v1/connections");
        api.take("GET", "/v1/connections?server_id=asaas");
        api.take("POST", "/v1/connections/conn_1/revoke");
        assertThat(api.requestCount()).isEqualTo(4);
    }
}
