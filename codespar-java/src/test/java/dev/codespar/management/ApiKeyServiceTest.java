package dev.codespar.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codespar.ManagementFixture;
import dev.codespar.errors.InvalidRequestError;
import dev.codespar.paging.Page;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiKeyServiceTest {

    static final String FULL_KEY = "csk_test_9Zx8Yw7Vu6Ts5Rq4Po3Nm2Lk1Jh0";
    static final String CREATED = "{\"id\":\"key_1\",\"name\":\"ci\",\"prefix\":\"csk_test_9Zx8\",\"full_key\":\""
            + FULL_KEY + "\",\"created_at\":\"2026-05-02T10:00:00Z\",\"revoked_at\":null,\"last_used_at\":null,"
            + "\"warning\":\"Store this key now: it will not be shown again.\"}";

    private final ManagementFixture api = new ManagementFixture();

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void createSendsNameAndEnvAndReturnsTheFullKeyOnce() {
        api.enqueue(201, CREATED);

        ApiKey key = api.client.apiKeys().create(ApiKeyCreateParams.builder()
                .name("ci").environment(Environment.TEST).build());

        assertThat(api.take("POST", "/v1/api-keys").getBody().readUtf8()).isEqualTo("{\"name\":\"ci\",\"env\":\"test\"}");
        assertThat(key.id()).isEqualTo("key_1");
        assertThat(key.name()).isEqualTo("ci");
        assertThat(key.prefix()).isEqualTo("csk_test_9Zx8");
        assertThat(key.fullKey()).isEqualTo(FULL_KEY);
        assertThat(key.createdAt()).isEqualTo(Instant.parse("2026-05-02T10:00:00Z"));
        assertThat(key.lastUsedAt()).isNull();
        assertThat(key.revokedAt()).isNull();
        assertThat(key.isActive()).isTrue();
        assertThat(key.warning()).contains("not be shown again");
    }

    @Test
    void theFullKeyIsInNeitherToStringNorRaw() {
        api.enqueue(201, CREATED);

        ApiKey key = api.client.apiKeys().create("ci");

        assertThat(api.take("POST", "/v1/api-keys").getBody().readUtf8()).isEqualTo("{\"name\":\"ci\"}");
        assertThat(key.toString()).doesNotContain(FULL_KEY).contains("fullKey=[redacted]").contains("csk_test_9Zx8");
        assertThat(key.raw().has("full_key")).isFalse();
        assertThat(key.raw().toString()).doesNotContain(FULL_KEY);
    }

    @Test
    void nameIsCheckedBeforeTheNetwork() {
        assertThatThrownBy(() -> api.client.apiKeys().create(" ")).isInstanceOf(InvalidRequestError.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> api.client.apiKeys().create("n".repeat(129))).isInstanceOf(InvalidRequestError.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> api.client.apiKeys().create(ApiKeyCreateParams.builder().name("x")
                .environment(Environment.UNKNOWN).build())).isInstanceOf(InvalidRequestError.class);
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void listReadsKeys() {
        api.enqueue("{\"keys\":[{\"id\":\"key_1\",\"name\":\"ci\",\"prefix\":\"csk_test_9Zx8\","
                + "\"created_at\":\"2026-05-02T10:00:00Z\",\"last_used_at\":\"2026-05-03T08:30:00Z\",\"revoked_at\":null},"
                + "{\"id\":\"key_0\",\"name\":\"old\",\"prefix\":\"csk_live_ab12\",\"revoked_at\":\"2026-04-01T00:00:00Z\"}]}");

        Page<ApiKey> page = api.client.apiKeys().list();

        api.take("GET", "/v1/api-keys");
        assertThat(page.data()).extracting(ApiKey::id).containsExactly("key_1", "key_0");
        assertThat(page.data()).extracting(ApiKey::fullKey).containsOnlyNulls();
        assertThat(page.data().get(0).lastUsedAt()).isEqualTo(Instant.parse("2026-05-03T08:30:00Z"));
        assertThat(page.data().get(1).isActive()).isFalse();
        assertThat(page.data().get(1).toString()).contains("fullKey=null");
    }

    @Test
    void asyncTwins() throws Exception {
        api.enqueue(201, CREATED);
        api.enqueue(201, CREATED);
        api.enqueue("{\"keys\":[]}");

        assertThat(api.client.apiKeys().createAsync("ci").get(5, TimeUnit.SECONDS).fullKey()).isEqualTo(FULL_KEY);
        assertThat(api.client.apiKeys().createAsync(ApiKeyCreateParams.builder().name("ci")
                .environment(Environment.LIVE).build()).get(5, TimeUnit.SECONDS).id()).isEqualTo("key_1");
        assertThat(api.client.apiKeys().listAsync().get(5, TimeUnit.SECONDS).data()).isEmpty();
        assertThat(api.client.apiKeys().createAsync("")).isCompletedExceptionally();

        assertThat(api.take("POST", "/v1/api-keys").getBody().readUtf8()).isEqualTo("{\"name\":\"ci\"}");
        assertThat(api.take("POST", "/v1/api-keys").getBody().readUtf8()).isEqualTo("{\"name\":\"ci\",\"env\":\"live\"}");
        api.take("GET", "/v1/api-keys");
        assertThat(api.requestCount()).isEqualTo(3);
    }
}
